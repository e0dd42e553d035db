"""Kata autograd/linear_gradients: the gradients autograd computes, derived by hand.

``torch.nn.Linear`` computes ``y = x @ W.T + b`` with W of shape (out, in). With the mean
squared error ``L = mean((y - target)²)`` over all N·out elements, the chain rule gives the
gradients of L with respect to W and b. Derive them; the tests compare with autograd.
"""

import torch


def mse_linear_grads(x: torch.Tensor, target: torch.Tensor, weight: torch.Tensor,
                     bias: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Return the tuple (dL/dW, dL/db) for y = x @ weight.T + bias and L = mean((y - target)²),
    by hand: with tensor algebra only. No ``.backward()``, no ``torch.autograd`` (``grad``,
    ``backward``, ``functional``, ``forward_ad``) and none of ``torch.func``'s derivatives
    (``grad``, ``vjp``, ``jacrev``, ``jacfwd``, ``jvp``): the tests make those fail.

    Shapes: x (N, in), target (N, out), weight (out, in), bias (out,); any of them may be a
    non-contiguous view. The gradients have the shapes and the dtype of weight and bias
    (float32 or float64, all four arguments share it) and are checked to that dtype's precision.
    The arguments are left unchanged (values, ``requires_grad``, ``.grad``).

    >>> x = torch.tensor([[1.0], [2.0]]); target = torch.tensor([[0.0], [0.0]])
    >>> mse_linear_grads(x, target, torch.tensor([[1.0]]), torch.tensor([0.0]))  # y = x
    (tensor([[5.]]), tensor([3.]))
    """
    raise NotImplementedError("mse_linear_grads(): not implemented yet (kata autograd/linear_gradients)")
