"""Blind red team: wrong answers for kata autograd/no_grad."""
import copy

import torch

from katas._support.mistakes import mistake


# ----------------------------------------------------------------- predict


@mistake("runs the model normally and detaches the output", replaces="predict")
def predict_detach_after(model, x):
    return model(x).detach()


@mistake("turns grad mode off with torch.set_grad_enabled(False) and never turns it back on",
         replaces="predict")
def predict_grad_mode_left_off(model, x):
    torch.set_grad_enabled(False)
    return model(x)


@mistake("switches grad mode back on with set_grad_enabled(True) afterwards, even if it was off before",
         replaces="predict")
def predict_forces_grad_mode_on(model, x):
    torch.set_grad_enabled(False)
    out = model(x)
    torch.set_grad_enabled(True)
    return out


@mistake("freezes the model's parameters so the output needs no grad", replaces="predict")
def predict_freezes_parameters(model, x):
    for p in model.parameters():
        p.requires_grad_(False)
    return model(x)


@mistake("switches requires_grad off on the model for the call and back on after, instead of grad mode",
         replaces="predict")
def predict_toggles_requires_grad(model, x):
    model.requires_grad_(False)
    out = model(x)
    model.requires_grad_(True)
    return out


# ---------------------------------------------------------------- detached


@mistake("t.clone().detach(), the recipe torch's warning suggests, which copies", replaces="detached")
def detached_clone(t):
    return t.clone().detach()


@mistake("uses detach_(), which cuts t itself out of the graph", replaces="detached")
def detached_in_place(t):
    return t.detach_()


@mistake("adds .contiguous() to be safe, which copies a non-contiguous view", replaces="detached")
def detached_contiguous(t):
    return t.detach().contiguous()


@mistake("adds .float() out of habit, which changes float64 (and copies it)", replaces="detached")
def detached_float(t):
    return t.detach().float()


# ----------------------------------------------------- freeze_all_but_last


@mistake("steps back one layer when the last has no parameters, but only one layer",
         replaces="freeze_all_but_last")
def freeze_steps_back_once(model):
    last = len(model) - 1
    if not list(model[last].parameters()):
        last -= 1
    for i, layer in enumerate(model):
        if i != last:
            for p in layer.parameters():
                p.requires_grad = False
    return model


@mistake("freezes all but the last two parameters, taking them for the last layer's weight and bias",
         replaces="freeze_all_but_last")
def freeze_all_but_last_two_parameters(model):
    params = list(model.parameters())
    for p in params[:-2]:
        p.requires_grad = False
    return model


@mistake("only looks at nn.Linear layers: freezes every Linear but the last one",
         replaces="freeze_all_but_last")
def freeze_linear_layers_only(model):
    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    for layer in linears[:-1]:
        layer.weight.requires_grad = False
        if layer.bias is not None:
            layer.bias.requires_grad = False
    return model


@mistake("freezes a deep copy so the caller's model stays safe, and returns the copy",
         replaces="freeze_all_but_last")
def freeze_on_a_copy(model):
    model = copy.deepcopy(model)
    layers = list(model.children())
    last = max((i for i, layer in enumerate(layers) if list(layer.parameters())), default=-1)
    for i, layer in enumerate(layers):
        if i < last:
            for p in layer.parameters():
                p.requires_grad = False
    return model


@mistake("walks model.modules() and keeps the last leaf module with parameters, not the last child",
         replaces="freeze_all_but_last")
def freeze_by_leaf_modules(model):
    leaves = [
        m for m in model.modules()
        if not list(m.children()) and list(m.parameters(recurse=False))
    ]
    if not leaves:
        return model
    keep = leaves[-1]
    for m in leaves:
        if m is not keep:
            m.requires_grad_(False)
    return model
