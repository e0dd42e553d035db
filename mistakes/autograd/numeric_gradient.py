"""Named mistakes of kata autograd/numeric_gradient."""

import torch

from katas._support.mistakes import mistake


@mistake("forward difference (f(x + h) - f(x)) / h: error of order h, not h²", replaces="central_difference")
def forward_difference(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x)) / h
    return grad


@mistake("perturbed x in place and never restored it", replaces="central_difference")
def not_restored(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    flat = x.view(-1)
    for i in range(x.numel()):
        flat[i] += h
        plus = f(x)
        flat[i] -= 2 * h
        minus = f(x)
        grad.view(-1)[i] = (plus - minus) / (2 * h)
    return grad


@mistake("divided by h instead of 2h", replaces="central_difference")
def half_step(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x - step)) / h
    return grad


@mistake("compared with == instead of a tolerance", replaces="gradients_agree")
def exact_equality(f, x, rtol=1e-5, atol=1e-7):
    from solutions.autograd.numeric_gradient import central_difference

    leaf = x.detach().requires_grad_(True)
    (analytic,) = torch.autograd.grad(f(leaf), leaf)
    return bool(torch.equal(central_difference(f, x), analytic))
