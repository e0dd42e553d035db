"""Blind red team: correct answers in other styles for kata autograd/linear_gradients."""
import torch
from katas._support.mistakes import alternative


@alternative("einsum for both gradients", replaces="mse_linear_grads")
def einsum_grads(x, target, weight, bias):
    residual = torch.einsum("ni,oi->no", x, weight) + bias - target
    dy = 2 * residual / target.numel()
    return torch.einsum("no,ni->oi", dy, x), torch.einsum("no->o", dy)


@alternative("torch.addmm forward under torch.no_grad, .mT transposes", replaces="mse_linear_grads")
def addmm_no_grad(x, target, weight, bias):
    with torch.no_grad():
        y = torch.addmm(bias, x, weight.mT)
        dy = (y - target) * (2.0 / y.numel())
        return dy.mT @ x, dy.sum(dim=0)


@alternative("per-sample loop of outer products into zeros_like accumulators",
             replaces="mse_linear_grads")
def per_sample_loop(x, target, weight, bias):
    dy = 2 * (x @ weight.T + bias - target) / target.numel()
    grad_w = torch.zeros_like(weight)
    grad_b = torch.zeros_like(bias)
    for x_row, dy_row in zip(x, dy):
        grad_w += torch.outer(dy_row, x_row)
        grad_b += dy_row
    return grad_w, grad_b


@alternative("broadcast product averaged over the batch, then divided by out",
             replaces="mse_linear_grads")
def broadcast_mean_over_batch(x, target, weight, bias):
    out = target.shape[1]
    residual = x @ weight.T + bias - target
    grad_w = 2.0 / out * (residual.unsqueeze(2) * x.unsqueeze(1)).mean(dim=0)
    grad_b = 2.0 / out * residual.mean(dim=0)
    return (grad_w, grad_b)
