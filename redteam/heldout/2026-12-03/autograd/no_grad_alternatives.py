"""Blind red team: correct alternative answers for kata autograd/no_grad."""
import torch
from katas._support.mistakes import alternative


@alternative("torch.inference_mode() as the context (allowed by the docstring)", replaces="predict")
def inference_mode_predict(model, x):
    with torch.inference_mode():
        return model(x)


@alternative("torch.set_grad_enabled(False) used as a context manager (restores the previous mode)",
             replaces="predict")
def set_grad_enabled_context_predict(model, x):
    with torch.set_grad_enabled(False):
        out = model(x)
    return out


@alternative("a helper decorated with @torch.no_grad()", replaces="predict")
def decorated_predict(model, x):
    @torch.no_grad()
    def run(m, inp):
        return m(inp)

    return run(model, x)


@alternative("the legacy t.data attribute: same storage, requires_grad False", replaces="detached")
def data_attribute_detached(t):
    return t.data


@alternative("model.requires_grad_(False), then last_layer.requires_grad_(True), found scanning children backwards",
             replaces="freeze_all_but_last")
def module_requires_grad_freeze(model):
    last = None
    for layer in reversed(list(model.children())):
        if any(True for _ in layer.parameters()):
            last = layer
            break
    model.requires_grad_(False)
    if last is not None:
        last.requires_grad_(True)
    return model
