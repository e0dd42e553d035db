"""Tests of kata autograd/linear_gradients: the hand derivation against autograd (the oracle)."""

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch.nn import functional as F

from katas._support.checks import check_equal, check_tensor
from katas._support.strategies import arrays, shapes, to_torch


@st.composite
def layer_problems(draw):
    """x, target, weight, bias with N, in and out all different, so transposes cannot pass."""
    n, n_in, n_out = draw(shapes(min_dims=3, max_dims=3, min_side=1, max_side=5, distinct=True), label="(N, in, out)")
    return tuple(to_torch(draw(arrays("float64", shape, bound=3), label=name)) for name, shape in
                 [("x", (n, n_in)), ("target", (n, n_out)), ("weight", (n_out, n_in)), ("bias", (n_out,))])


@given(problem=layer_problems())
def test_hand_gradients_match_autograd(kata, problem):
    x, target, weight, bias = problem
    leaves = [weight.clone().requires_grad_(True), bias.clone().requires_grad_(True)]
    expected = torch.autograd.grad(F.mse_loss(F.linear(x, *leaves), target), leaves)
    got = kata.mse_linear_grads(x, target, weight, bias)
    call = f"mse_linear_grads(x {tuple(x.shape)}, target {tuple(target.shape)}, weight {tuple(weight.shape)})"
    check_equal(isinstance(got, tuple) and len(got), 2, call=call, what="result (a tuple of two tensors)")
    for name, g, e in zip(("dL/dW", "dL/db"), got, expected):
        check_tensor(g, e, framework="torch", call=f"{call}: {name}", rtol=1e-9, atol=1e-9,
                     misconception="dL/dy = 2 (y - target) / (N * out); dL/dW = (dL/dy).T @ x has the weight's "
                     "shape (out, in); dL/db = dL/dy summed over the batch")
