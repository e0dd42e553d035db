"""Reference answer of kata deploy/torch_export."""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn


def export_model(model: nn.Module, example: torch.Tensor, path: str | Path) -> None:
    if example.shape[0] == 1:
        # torch.export fixes sizes 0 and 1, so a batch of one cannot be made dynamic: trace a
        # batch of two (in eval mode each row is predicted on its own, so any rows will do).
        example = torch.cat([example, example])
    modes = [(module, module.training) for module in model.modules()]  # each layer's own mode
    model.eval()  # trace dropout off and batch norm on its running statistics
    try:
        program = torch.export.export(model, (example,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    finally:
        for module, training in modes:
            module.train(training)
    torch.export.save(program, path)


def load_model(path: str | Path) -> Callable[[torch.Tensor], torch.Tensor]:
    return torch.export.load(path).module()
