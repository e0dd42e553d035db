"""Blind red team: correct answers in other styles for kata autograd/linear_gradients."""
import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


@alternative("einsum for both gradients, on detached arguments", replaces="mse_linear_grads")
def einsum_gradients(x, target, weight, bias):
    x, target, weight, bias = (t.detach() for t in (x, target, weight, bias))
    y = torch.einsum("ni,oi->no", x, weight) + bias
    dy = (y - target) * (2.0 / y.numel())
    return torch.einsum("no,ni->oi", dy, x), torch.einsum("no->o", dy)


@alternative("forward with F.linear, torch.mm and .t(), the scale written as 2 / (N * out)",
             replaces="mse_linear_grads")
def functional_linear_mm(x, target, weight, bias):
    with torch.no_grad():
        n, out = target.shape
        residual = F.linear(x, weight, bias) - target
        dy = residual * 2 / (n * out)
        return torch.mm(dy.t(), x), dy.sum(dim=0)


@alternative("a loop over the samples, accumulating outer products into zeros_like(weight) and "
             "zeros_like(bias) (dtype kept)", replaces="mse_linear_grads")
def per_sample_loop(x, target, weight, bias):
    x, target, weight, bias = (t.detach() for t in (x, target, weight, bias))
    count = target.numel()
    dw = torch.zeros_like(weight)
    db = torch.zeros_like(bias)
    for i in range(x.shape[0]):
        g = 2 * (weight @ x[i] + bias - target[i]) / count
        dw += torch.outer(g, x[i])
        db += g
    return (dw, db)
