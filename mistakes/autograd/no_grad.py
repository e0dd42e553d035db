"""Named mistakes of kata autograd/no_grad."""

import copy

import torch

from katas._support.mistakes import mistake


@mistake("called the model without torch.no_grad(): a graph is recorded", replaces="predict")
def with_graph(model, x):
    return model(x)


@mistake("clone() instead of detach(): a copy that stays in the graph", replaces="detached")
def cloned(t):
    return t.clone()


@mistake("model.requires_grad = False only sets an attribute; nothing is frozen", replaces="freeze_all_but_last")
def attribute_only(model):
    for layer in list(model)[:-1]:
        layer.requires_grad = False
    return model


@mistake("froze every layer, the last one too", replaces="freeze_all_but_last")
def froze_everything(model):
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return model


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- predict

@mistake("records the graph, then detaches the output: the graph was still built",
         replaces="predict")
def detach_after_forward(model, x):
    return model(x).detach()


@mistake("uses .data on the output: the graph was still recorded", replaces="predict")
def data_after_forward(model, x):
    return model(x).data


@mistake("thinks model.eval() switches autograd off", replaces="predict")
def eval_only(model, x):
    model.eval()
    return model(x)


@mistake("calls torch.no_grad() as a statement instead of using it as a context manager",
         replaces="predict")
def no_grad_not_entered(model, x):
    torch.no_grad()
    return model(x)


@mistake("switches grad mode off globally with set_grad_enabled(False) and never switches it back",
         replaces="predict")
def global_grad_mode_left_off(model, x):
    torch.set_grad_enabled(False)
    return model(x)


@mistake("detaches the input only: the parameters still require grad", replaces="predict")
def detach_input_only(model, x):
    return model(x.detach())


@mistake("freezes the model's parameters (requires_grad_(False)) to get an output without grad",
         replaces="predict")
def freezes_model(model, x):
    for p in model.parameters():
        p.requires_grad_(False)
    return model(x)


@mistake("returns a numpy array instead of a tensor", replaces="predict")
def numpy_prediction(model, x):
    with torch.no_grad():
        return model(x).numpy()


@mistake("runs a deep copy of the model 'so the original is not touched': the copy's "
         "parameters still require grad, so a graph is recorded", replaces="predict")
def deepcopy_model(model, x):
    m = copy.deepcopy(model)
    return m(x)


@mistake("enters no_grad only around a throwaway call, returns a second call made outside it",
         replaces="predict")
def second_call_outside(model, x):
    with torch.no_grad():
        out = model(x)  # noqa: F841
    return model(x)


# ---------------------------------------------------------------- detached

@mistake("clone().detach(): cut from the graph, but a copy, not shared memory", replaces="detached")
def clone_detach(t):
    return t.clone().detach()


@mistake("torch.tensor(t.tolist()): a copy, and the dtype may change", replaces="detached")
def rebuilt_from_list(t):
    return torch.tensor(t.tolist())


@mistake("requires_grad_(False) on t itself: mutates the caller's tensor and returns it",
         replaces="detached")
def mutates_requires_grad(t):
    return t.requires_grad_(False)


@mistake("detach_(): detaches the caller's tensor in place", replaces="detached")
def detach_in_place(t):
    return t.detach_()


@mistake("returns t inside torch.no_grad(): no_grad does not change an existing tensor",
         replaces="detached")
def no_grad_returns_t(t):
    with torch.no_grad():
        return t


@mistake("t.view_as(t) under no_grad: shares memory, but a view of a leaf still requires grad",
         replaces="detached")
def no_grad_view(t):
    with torch.no_grad():
        return t.view_as(t)


@mistake("t * 1 under no_grad: no grad, but a new tensor with its own memory", replaces="detached")
def no_grad_times_one(t):
    with torch.no_grad():
        return t * 1


@mistake("returns t.detach().numpy(): shares memory but is not a tensor", replaces="detached")
def detached_numpy(t):
    return t.detach().numpy()


@mistake("casts to float64 'for precision': a copy with another dtype", replaces="detached")
def detach_to_float64(t):
    return t.detach().to(torch.float64)


@mistake("adds .contiguous(): copies when t is not contiguous (e.g. a transpose)",
         replaces="detached")
def detach_contiguous(t):
    return t.detach().contiguous()


@mistake("detach().clone() 'to be safe': a copy", replaces="detached")
def detach_clone(t):
    return t.detach().clone()


@mistake("flattens the result: the values, but not t's shape", replaces="detached")
def detach_flattened(t):
    return t.detach().reshape(-1)


# ---------------------------------------------------------------- freeze_all_but_last

@mistake("keeps model[-1] trainable: wrong when the last layer has no parameters (e.g. ReLU)",
         replaces="freeze_all_but_last")
def last_module_not_last_with_params(model):
    for p in model.parameters():
        p.requires_grad = False
    for p in model[-1].parameters():
        p.requires_grad = True
    return model


@mistake("keeps the last two parameter tensors trainable (assumes weight + bias)",
         replaces="freeze_all_but_last")
def last_two_parameters(model):
    params = list(model.parameters())
    for p in params[:-2]:
        p.requires_grad = False
    return model


@mistake("keeps only the very last parameter tensor (the last bias) trainable",
         replaces="freeze_all_but_last")
def last_parameter_only(model):
    params = list(model.parameters())
    for p in params[:-1]:
        p.requires_grad = False
    return model


@mistake("freezes only the weights, forgets the biases", replaces="freeze_all_but_last")
def weights_only(model):
    layers = [m for m in model if len(list(m.parameters())) > 0]
    for layer in layers[:-1]:
        layer.weight.requires_grad = False
    return model


@mistake("inverted: freezes the last layer with parameters, leaves the others trainable",
         replaces="freeze_all_but_last")
def inverted_freeze(model):
    layers = [m for m in model if len(list(m.parameters())) > 0]
    for p in layers[-1].parameters():
        p.requires_grad = False
    return model


@mistake("off by one: model[:-2] frozen, so the layer before the last also stays trainable",
         replaces="freeze_all_but_last")
def off_by_one_slice(model):
    for layer in model[:-2]:
        for p in layer.parameters():
            p.requires_grad = False
    return model


@mistake("freezes a deep copy and returns it instead of the same model", replaces="freeze_all_but_last")
def returns_copy(model):
    m = copy.deepcopy(model)
    layers = [layer for layer in m if len(list(layer.parameters())) > 0]
    for layer in layers[:-1]:
        for p in layer.parameters():
            p.requires_grad = False
    return m


@mistake("freezes in place but returns None", replaces="freeze_all_but_last")
def returns_none(model):
    layers = [m for m in model if len(list(m.parameters())) > 0]
    for layer in layers[:-1]:
        for p in layer.parameters():
            p.requires_grad = False


@mistake("'freezes' with torch.no_grad(): requires_grad is unchanged", replaces="freeze_all_but_last")
def no_grad_is_not_freezing(model):
    with torch.no_grad():
        for layer in list(model)[:-1]:
            layer.eval()
    return model


@mistake("sets p.grad = None instead of requires_grad = False", replaces="freeze_all_but_last")
def clears_grad_instead(model):
    layers = [m for m in model if len(list(m.parameters())) > 0]
    for layer in layers[:-1]:
        for p in layer.parameters():
            p.grad = None
    return model


@mistake("freezes only the first layer", replaces="freeze_all_but_last")
def first_layer_only(model):
    for p in model[0].parameters():
        p.requires_grad = False
    return model


@mistake("switches grad mode back on with set_grad_enabled(True) afterwards, even if it was off before",
         replaces="predict")
def predict_forces_grad_mode_on(model, x):
    torch.set_grad_enabled(False)
    out = model(x)
    torch.set_grad_enabled(True)
    return out


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


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("froze each earlier layer's own weight and bias only: a nested layer's inner parameters stay trainable",
         replaces="freeze_all_but_last")
def froze_own_weight_and_bias_only(model):
    layers = [m for m in model if any(True for _ in m.parameters())]
    for layer in layers[:-1]:
        for parameter in layer.parameters(recurse=False):
            parameter.requires_grad_(False)
    return model
