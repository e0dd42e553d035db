"""Correct alternatives of kata autograd/linear_gradients: other styles the tests must accept."""

import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


@alternative("broadcast outer products summed over the batch, in the order the chain rule reads",
             replaces="mse_linear_grads")
def outer_products(x, target, weight, bias):
    residual = torch.matmul(x, weight.transpose(0, 1)) + bias - target
    d_y = residual * (2.0 / (target.shape[0] * target.shape[1]))
    return (d_y[:, :, None] * x[:, None, :]).sum(dim=0), d_y.sum(dim=0)


# Written blind, from the stub alone (red team, 2026-12)

@alternative("einsum for the forward pass and for dL/dW", replaces="mse_linear_grads")
def einsum_style(x, target, weight, bias):
    y = torch.einsum("ni,oi->no", x, weight) + bias
    g = 2.0 * (y - target) / (target.shape[0] * target.shape[1])
    return torch.einsum("no,ni->oi", g, x), torch.sum(g, dim=0)


@alternative("per-sample loop with torch.outer, accumulating into zeros_like(weight/bias)", replaces="mse_linear_grads")
def per_sample_loop(x, target, weight, bias):
    n, out = target.shape
    dw = torch.zeros_like(weight)
    db = torch.zeros_like(bias)
    with torch.no_grad():
        for i in range(n):
            r = weight @ x[i] + bias - target[i]
            dw += torch.outer(r, x[i])
            db += r
    scale = 2.0 / (n * out)
    return dw * scale, db * scale


@alternative("F.linear for the forward pass, (x.T @ g).T for dL/dW, detached results, scale applied last",
             replaces="mse_linear_grads")
def functional_linear(x, target, weight, bias):
    with torch.no_grad():
        residual = F.linear(x, weight, bias) - target
        dw = (x.T @ residual).T
        db = residual.sum(dim=0)
        scale = 2 / residual.numel()
        return (dw * scale).detach(), (db * scale).detach()


@alternative("torch.mm / torch.addmm with explicit .t(), the mean written as .mean() of the rescaled residual",
             replaces="mse_linear_grads")
def addmm_style(x, target, weight, bias):
    y = torch.addmm(bias, x, weight.t())
    r = y.sub(target)
    n_out = r.shape[0] * r.shape[1]
    grad_w = torch.mm(r.t(), x).mul(2.0 / n_out)
    grad_b = r.mean(dim=0).mul(2.0 / r.shape[1])
    return grad_w, grad_b


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
def per_sample_loop_2(x, target, weight, bias):
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
