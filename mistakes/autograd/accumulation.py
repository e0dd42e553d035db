"""Named mistakes of kata autograd/accumulation."""

import torch
from torch.nn import functional as F

from katas._support.mistakes import mistake


@mistake("zeroed the gradient between passes, so nothing accumulates", replaces="accumulated_grad")
def zeroed_each_pass(f, w, passes):
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        x.grad = None
        f(x).backward()
    return float(x.grad)


@mistake("grad not zeroed between batches: each entry is the running sum", replaces="per_batch_grads")
def not_zeroed(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("stored .grad itself, not a clone: zero_grad() then overwrites every entry", replaces="per_batch_grads")
def aliased(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad)
    return grads
