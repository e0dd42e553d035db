"""Reference answer of kata autograd/no_grad."""

import torch


def predict(model: torch.nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return model(x)


def detached(t: torch.Tensor) -> torch.Tensor:
    return t.detach()


def freeze_all_but_last(model: torch.nn.Sequential) -> torch.nn.Sequential:
    layers = [layer for layer in model if any(True for _ in layer.parameters())]
    for layer in layers[:-1]:
        for parameter in layer.parameters():
            parameter.requires_grad_(False)
    return model
