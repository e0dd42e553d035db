"""Kata autograd/linear_gradients: the gradients autograd computes, derived by hand.

``torch.nn.Linear`` computes ``y = x @ W.T + b`` with W of shape (out, in). With the mean
squared error ``L = mean((y - target)²)`` over all N·out elements, the chain rule gives the
gradients of L with respect to W and b. Derive them; the tests compare with autograd.
"""

import torch


def mse_linear_grads(x: torch.Tensor, target: torch.Tensor, weight: torch.Tensor,
                     bias: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(dL/dW, dL/db) for y = x @ weight.T + bias and L = mean((y - target)²), by hand: with
    tensor algebra only, no ``.backward()`` and no ``torch.autograd``.

    Shapes: x (N, in), target (N, out), weight (out, in), bias (out,); the gradients have the
    shapes of weight and bias.
    """
    raise NotImplementedError("mse_linear_grads(): not implemented yet (kata autograd/linear_gradients)")
