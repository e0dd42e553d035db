"""Reference answer of kata autograd/numeric_gradient."""

from collections.abc import Callable

import torch


def central_difference(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float = 1e-6) -> torch.Tensor:
    x = x.detach().contiguous()  # a view (x.T) would not take .view(-1)
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def gradients_agree(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                    rtol: float = 1e-5, atol: float = 1e-7) -> bool:
    leaf = x.detach().requires_grad_(True)
    (analytic,) = torch.autograd.grad(f(leaf), leaf)
    return bool(torch.allclose(central_difference(f, x), analytic, rtol=rtol, atol=atol))
