"""Correct alternatives of kata autograd/no_grad: other styles the tests must accept."""

import torch

from katas._support.mistakes import alternative


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- predict

@alternative("@torch.no_grad() used as a decorator on an inner helper", replaces="predict")
def decorator_style(model, x):
    @torch.no_grad()
    def run():
        return model(x)
    return run()


@alternative("torch.inference_mode() instead of no_grad", replaces="predict")
def inference_mode(model, x):
    with torch.inference_mode():
        y = model(x)
    return y


@alternative("torch.set_grad_enabled(False) as a context manager", replaces="predict")
def set_grad_enabled_context(model, x):
    with torch.set_grad_enabled(False):
        out = model.forward(x)
    return out


# ---------------------------------------------------------------- detached

@alternative("the legacy .data attribute", replaces="detached")
def data_attribute(t):
    return t.data


@alternative("functional torch.detach(t)", replaces="detached")
def functional_detach(t):
    return torch.detach(t)


@alternative("torch.Tensor.detach called unbound", replaces="detached")
def unbound_detach(t):
    return torch.Tensor.detach(t)


@alternative("detach() then a full-slice view t[...]", replaces="detached")
def detach_then_ellipsis_view(t):
    return t.detach()[...]


# ---------------------------------------------------------------- freeze_all_but_last

@alternative("model.requires_grad_(False), then the last layer with parameters (found by a reversed "
             "scan) gets requires_grad_(True)", replaces="freeze_all_but_last")
def module_level_requires_grad(model):
    last = next(m for m in reversed(model) if any(True for _ in m.parameters()))
    model.requires_grad_(False)
    last.requires_grad_(True)
    return model


@alternative("named_parameters with the index prefix of the last layer that has parameters",
             replaces="freeze_all_but_last")
def by_parameter_name(model):
    names = [name for name, layer in model.named_children() if list(layer.parameters())]
    keep = names[-1] + "."
    for name, p in model.named_parameters():
        if not name.startswith(keep):
            p.requires_grad = False
    return model


@alternative("set of ids of the last layer's parameters; freeze every other parameter",
             replaces="freeze_all_but_last")
def by_identity(model):
    with_params = [layer for layer in model.children() if sum(p.numel() for p in layer.parameters()) > 0]
    keep = {id(p) for p in with_params[-1].parameters()}
    for p in model.parameters():
        if id(p) not in keep:
            p.requires_grad_(False)
    return model


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
