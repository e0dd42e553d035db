"""Blind red team: correct answers in other styles for kata loops/modes."""
import torch
from torch.nn import functional as F
from katas._support.mistakes import alternative


@alternative("remembers every sub-module's mode by name, model.train(False), F.softmax over dim=-1, "
             "classes from the argmax of the logits, restore in a finally block", replaces="predict")
def named_modes_functional_softmax(model, x):
    saved = {name: module.training for name, module in model.named_modules()}
    model.train(False)
    try:
        with torch.no_grad():
            logits = model(x)
            probabilities = F.softmax(logits, dim=-1)
            classes = logits.argmax(dim=1)
    finally:
        modules = dict(model.named_modules())
        for name, mode in saved.items():
            modules[name].training = mode
    return probabilities, classes


@alternative("Tensor.softmax method, `_, classes = torch.max(...)`, modes restored with "
             "module.train(mode) in modules() order", replaces="predict")
def max_unpacking(model, x):
    modules = list(model.modules())
    modes = [module.training for module in modules]
    model.eval()
    with torch.no_grad():
        probabilities = model(x).softmax(dim=1)
        _, classes = torch.max(probabilities, dim=1)
    for module, mode in zip(modules, modes):
        module.train(mode)
    return probabilities, classes


@alternative("softmax written out by hand (shift by the row max, exp, normalise), every module's "
             "training flag switched off and back one by one", replaces="predict")
def softmax_by_hand(model, x):
    previous = [(module, module.training) for module in model.modules()]
    for module, _ in previous:
        module.training = False
    with torch.no_grad():
        logits = model(x)
        shifted = logits - logits.max(dim=1, keepdim=True).values
        exps = shifted.exp()
        probabilities = exps / exps.sum(dim=1, keepdim=True)
        classes = torch.argmax(probabilities, dim=1)
    for module, mode in previous:
        module.training = mode
    return probabilities, classes


@alternative("probabilities.max(dim=1).indices, softmax computed outside the no_grad block from "
             "graph-free logits", replaces="predict")
def max_indices(model, x):
    modes = {module: module.training for module in model.modules()}
    model.eval()
    with torch.no_grad():
        logits = model(x)
    for module, mode in modes.items():
        module.training = mode
    probabilities = torch.softmax(logits, 1)
    classes = probabilities.max(dim=1).indices
    return probabilities, classes
