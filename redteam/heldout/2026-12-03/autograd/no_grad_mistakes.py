"""Blind red team: wrong answers for kata autograd/no_grad."""
import torch
from katas._support.mistakes import mistake

# ---------------------------------------------------------------- predict

@mistake("runs model(x) normally and detaches the output: the graph is recorded first", replaces="predict")
def detach_after_predict(model, x):
    return model(x).detach()


@mistake("turns grad mode off with set_grad_enabled(False) and back ON afterwards, even for a caller that "
         "had it off", replaces="predict")
def forced_on_predict(model, x):
    torch.set_grad_enabled(False)
    try:
        out = model(x)
    finally:
        torch.set_grad_enabled(True)
    return out


@mistake("calls torch.no_grad() as a bare statement instead of using it in a with block: nothing is switched off",
         replaces="predict")
def bare_no_grad_call_predict(model, x):
    torch.no_grad()
    return model(x)


@mistake("switches requires_grad off on the parameters for the forward and back on after: grad mode stays on, "
         "and parameters the caller had frozen come back trainable", replaces="predict")
def toggle_requires_grad_predict(model, x):
    params = list(model.parameters())
    for p in params:
        p.requires_grad_(False)
    out = model(x)
    for p in params:
        p.requires_grad_(True)
    return out


# ---------------------------------------------------------------- detached

@mistake("t.clone().detach(): right values and no grad, but a copy, not the same memory", replaces="detached")
def clone_detach_detached(t):
    return t.clone().detach()


@mistake("uses the in-place t.detach_(): cuts the caller's tensor out of its graph", replaces="detached")
def detach_inplace_detached(t):
    return t.detach_()


@mistake("adds .contiguous() after detach: a non-contiguous view gets copied", replaces="detached")
def contiguous_detached(t):
    return t.detach().contiguous()


# ---------------------------------------------------------------- freeze_all_but_last

@mistake("looks for the last module with its own parameters in model.modules() instead of the direct "
         "children: a nested last layer keeps only its innermost piece trainable", replaces="freeze_all_but_last")
def modules_not_children_freeze(model):
    with_params = [m for m in model.modules() if len(list(m.parameters(recurse=False))) > 0]
    for p in model.parameters():
        p.requires_grad_(False)
    if with_params:
        for p in with_params[-1].parameters():
            p.requires_grad_(True)
    return model


@mistake("tests 'has parameters' with parameters(recurse=False): a child that is itself a Sequential looks "
         "empty and is skipped", replaces="freeze_all_but_last")
def recurse_false_freeze(model):
    children = list(model.children())
    last = None
    for layer in children:
        if len(list(layer.parameters(recurse=False))) > 0:
            last = layer
    for p in model.parameters():
        p.requires_grad_(False)
    if last is not None:
        for p in last.parameters():
            p.requires_grad_(True)
    return model


@mistake("freezes only Linear and Conv layers: earlier norm layers (BatchNorm, LayerNorm) stay trainable",
         replaces="freeze_all_but_last")
def linear_only_freeze(model):
    children = list(model.children())
    last_idx = max(i for i, c in enumerate(children) if len(list(c.parameters())) > 0)
    for layer in children[:last_idx]:
        if isinstance(layer, (torch.nn.Linear, torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Conv3d)):
            for p in layer.parameters():
                p.requires_grad = False
    return model


@mistake("assumes the last child is always an activation and freezes everything but the last two children",
         replaces="freeze_all_but_last")
def activation_last_freeze(model):
    for layer in list(model.children())[:-2]:
        for p in layer.parameters():
            p.requires_grad_(False)
    return model


@mistake("freezes correctly but forgets to return the model (returns None)", replaces="freeze_all_but_last")
def no_return_freeze(model):
    children = list(model.children())
    last = [c for c in children if len(list(c.parameters())) > 0][-1]
    for p in model.parameters():
        p.requires_grad_(False)
    for p in last.parameters():
        p.requires_grad_(True)
