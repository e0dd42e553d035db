"""Correct alternatives of kata loops/modes: other styles the tests must accept."""
import torch
import torch.nn.functional as F
from torch import nn

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("try/finally restoring with model.train(was_training); F.softmax(dim=-1); torch.max(...).indices",
             replaces="predict")
def predict_try_finally(model, x):
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(x)
    finally:
        model.train(was_training)
    probabilities = F.softmax(logits, dim=-1)
    return probabilities, torch.max(probabilities, dim=1).indices


@alternative("every sub-module's own training flag saved and restored; torch.inference_mode(); softmax by hand",
             replaces="predict")
def predict_per_module_restore(model, x):
    modes = {module: module.training for module in model.modules()}
    model.train(False)
    with torch.inference_mode():
        logits = model(x)
        shifted = logits - logits.max(dim=1, keepdim=True).values
        exps = shifted.exp()
        probabilities = exps / exps.sum(dim=1, keepdim=True)
        classes = probabilities.argmax(1)
    for module, training in modes.items():
        module.training = training
    return probabilities, classes


@alternative("@torch.no_grad() on an inner helper; classes from the logits' argmax (same index as the "
             "probabilities'); back to train() only if it was training", replaces="predict")
def predict_decorated_helper(model, x):
    @torch.no_grad()
    def forward():
        return model(x)

    was_training = model.training
    model.eval()
    logits = forward()
    if was_training:
        model.train()
    return torch.softmax(logits, 1), torch.argmax(logits, dim=1)


@alternative("torch.set_grad_enabled(False) as a context manager; softmax via exp of log_softmax",
             replaces="predict")
def predict_set_grad_enabled(model, x):
    previous = model.training
    model.eval()
    with torch.set_grad_enabled(False):
        probabilities = torch.log_softmax(model(x), dim=1).exp()
    model.train(mode=previous)
    return (probabilities, probabilities.argmax(dim=1))
