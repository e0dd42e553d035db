"""Blind red team: correct answers in other styles for kata loops/modes."""
import torch
from torch.nn import functional as F
from katas._support.mistakes import alternative


@alternative(
    "remembers every sub-module's own training flag and puts each one back; "
    "F.softmax(dim=-1) (the class dim of a 2-D output) and argmax over dim 1",
    replaces="predict",
)
def predict_per_module_restore(model, x):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            logits = model(x)
    finally:
        for module, training in modes:
            module.training = training
    probabilities = F.softmax(logits, dim=-1)
    classes = probabilities.argmax(dim=1)
    return probabilities, classes


@alternative(
    "try/finally around the no_grad block with model.train(was_training), and the classes taken "
    "as the argmax of the logits (softmax keeps the order)",
    replaces="predict",
)
def predict_try_finally_logit_argmax(model, x):
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(x)
            probabilities = torch.softmax(logits, dim=1)
            classes = torch.argmax(logits, dim=1)
    finally:
        model.train(was_training)
    return (probabilities, classes)


@alternative(
    "an inner function decorated with @torch.no_grad(), model.train(False) for eval mode, a "
    "hand-written stable softmax (subtract the row max) and torch.max(...).indices",
    replaces="predict",
)
def predict_decorated_inner(model, x):
    @torch.no_grad()
    def forward(inputs):
        return model(inputs)

    was_training = model.training
    model.train(False)
    logits = forward(x)
    model.train(was_training)
    shifted = logits - logits.max(dim=1, keepdim=True).values
    exps = shifted.exp()
    probabilities = exps / exps.sum(dim=1, keepdim=True)
    classes = torch.max(probabilities, dim=1).indices
    return probabilities, classes
