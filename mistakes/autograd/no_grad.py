"""Named mistakes of kata autograd/no_grad."""

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
