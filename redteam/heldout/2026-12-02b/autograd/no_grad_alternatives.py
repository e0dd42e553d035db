"""Blind red team: correct answers in other styles for kata autograd/no_grad."""
import torch

from katas._support.mistakes import alternative


@alternative("torch.inference_mode() around the forward pass", replaces="predict")
def predict_inference_mode(model, x):
    with torch.inference_mode():
        return model(x)


@alternative("torch.set_grad_enabled(False) used as a context manager", replaces="predict")
def predict_set_grad_enabled_context(model, x):
    with torch.set_grad_enabled(False):
        out = model(x)
    return out


@alternative("the old .data attribute: same storage, dtype and shape, no grad", replaces="detached")
def detached_via_data(t):
    return t.data


@alternative("finds the last child with parameters by walking backwards, then requires_grad_(False) "
             "on every other child", replaces="freeze_all_but_last")
def freeze_walk_backwards(model):
    children = list(model.children())
    last = None
    for layer in reversed(children):
        if any(True for _ in layer.parameters()):
            last = layer
            break
    for layer in children:
        if layer is not last:
            layer.requires_grad_(False)
    return model


@alternative("collects the ids of the last parameterised layer's parameters and freezes every other "
             "parameter of the model", replaces="freeze_all_but_last")
def freeze_by_parameter_ids(model):
    last = None
    for _, layer in model.named_children():
        if len(list(layer.parameters())) > 0:
            last = layer
    keep = set() if last is None else {id(p) for p in last.parameters()}
    for p in model.parameters():
        if id(p) not in keep:
            p.requires_grad_(False)
    return model
