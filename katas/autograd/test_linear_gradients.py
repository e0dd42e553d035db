"""Tests of kata autograd/linear_gradients: the hand derivation against autograd (the oracle).

The learner's function runs with autograd switched off (``forbidden``): ``Tensor.backward``,
``torch.autograd.grad`` / ``backward`` / ``functional`` / ``forward_ad``, ``torch.func`` and the
engine both backward paths share refuse to run. Shapes keep N, in and out all different (a
transpose or a wrong divisor cannot pass), in float32 and float64, with the cases that hide
mistakes pinned: out > 1 (divided by N only), N > 1 (bias mean), every argument a non-contiguous view.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import example, given
from hypothesis import strategies as st
from torch.nn import functional as F

from katas._support.checks import check_equal, check_tensor, describe, fail, forbidden
from katas._support.strategies import arrays, shapes, to_torch

#: relative precision per dtype, applied to the size of the gradient's terms
PRECISION = {torch.float32: 1e-5, torch.float64: 1e-12}
RULE = ("by hand, with tensor algebra only: no .backward(), no torch.autograd (grad, backward, "
        "functional, forward_ad), no torch.func")
DERIVATION = ("dL/dy = 2 (y - target) / (N * out) with y = x @ W.T + b; dL/dW = (dL/dy).T @ x has the "
              "weight's shape (out, in); dL/db = dL/dy summed over the batch (not averaged: the 1/(N * out) "
              "is already in dL/dy)")

Problem = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


@st.composite
def layer_problems(draw: st.DrawFn) -> Problem:
    """x, target, weight, bias with N, in and out all different, so transposes cannot pass."""
    n, n_in, n_out = draw(shapes(min_dims=3, max_dims=3, min_side=1, max_side=5, distinct=True), label="(N, in, out)")
    dtype = draw(st.sampled_from(["float32", "float64"]), label="dtype")
    x, target, weight, bias = (to_torch(draw(arrays(dtype, shape, bound=3), label=name)) for name, shape in
                               [("x", (n, n_in)), ("target", (n, n_out)), ("weight", (n_out, n_in)),
                                ("bias", (n_out,))])
    if draw(st.booleans(), label="weight and bias require grad (an nn.Linear's parameters)"):
        weight, bias = weight.requires_grad_(True), bias.requires_grad_(True)
    return x, target, weight, bias


def pinned(n: int, n_in: int, n_out: int, dtype: torch.dtype, *, views: bool = False,
           parameters: bool = False) -> Problem:
    """A fixed problem; with ``views`` every argument is a view that is not contiguous (matrices
    transposed, the bias every other element of a longer vector); with ``parameters`` weight and
    bias require grad, as an ``nn.Linear``'s parameters do."""
    values = np.random.default_rng(n * 100 + n_in * 10 + n_out)
    x, weight = values.uniform(-3, 3, (n, n_in)), values.uniform(-3, 3, (n_out, n_in))
    target, bias = values.uniform(-3, 3, (n, n_out)), values.uniform(-3, 3, (n_out,))

    def tensor(a: np.ndarray) -> torch.Tensor:
        if not views:
            return torch.tensor(a, dtype=dtype)
        if a.ndim == 2:
            return torch.tensor(np.ascontiguousarray(a.T), dtype=dtype).T  # (torch.tensor keeps a.T's layout)
        return torch.tensor(np.repeat(a, 2), dtype=dtype)[::2]

    return tensor(x), tensor(target), tensor(weight).requires_grad_(parameters), tensor(bias).requires_grad_(parameters)


def autograd_oracle(x: torch.Tensor, target: torch.Tensor, weight: torch.Tensor,
                    bias: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """autograd's dL/dW and dL/db, computed in float64 and given the inputs' dtype."""
    leaves = [weight.detach().double().requires_grad_(True), bias.detach().double().requires_grad_(True)]
    grads = torch.autograd.grad(F.mse_loss(F.linear(x.double(), *leaves), target.double()), leaves)
    return tuple(g.to(x.dtype) for g in grads)


def term_size(x: torch.Tensor, target: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> float:
    """The size of the terms the gradients sum, what rounding errors scale with."""
    x, residual = x.double().abs(), (x.double() @ weight.double().T + bias.double() - target.double()).abs()
    scale = 2 / residual.numel()
    return float(max((residual.T @ x).max(), residual.sum(0).max()) * scale)


def snapshot(tensor: torch.Tensor) -> tuple[Any, ...]:
    return tensor.detach().clone(), tensor.requires_grad, tensor.grad


def misconception_for(name: str, got: Any, expected: torch.Tensor, x: torch.Tensor, target: torch.Tensor) -> str:
    """The likely mistake, from how the learner's gradient relates to autograd's."""
    if not isinstance(got, torch.Tensor):
        return f"return torch tensors (not {type(got).__name__}): compute {name} with torch operations"
    if got.shape == expected.shape and got.dtype != expected.dtype:
        return f"{name} has the dtype of the {'weight' if name == 'dL/dW' else 'bias'}: make it from the inputs " \
               "(zeros_like, or the formula itself), not from a tensor of the default dtype"
    if got.shape != expected.shape:
        if name == "dL/dW":
            return ("dL/dW has the weight's shape (out, in): (dL/dy).T @ x, not x.T @ dL/dy; and return "
                    "(dL/dW, dL/db) in that order")
        return "dL/db has the bias's shape (out,): sum dL/dy over dim 0 without keepdim; return (dL/dW, dL/db)"
    g, e = got.detach().double(), expected.double()
    n, n_out = target.shape
    ratios = {
        "forgot the factor 2 from the square": 0.5,
        "the sign is flipped: the residual is y - target, not target - y": -1.0,
        f"divided by N = {n} only: the mean runs over all N * out = {n * n_out} elements": float(n_out),
        "summed without dividing: the loss is a mean, divide by N * out": float(n * n_out),
        "averaged dL/dy over the batch for the bias: the 1/(N * out) is already in dL/dy, sum it": 1.0 / n,
    }
    if e.abs().max() > 1e-6:
        for text, ratio in ratios.items():
            if torch.allclose(g, ratio * e, rtol=1e-3, atol=1e-6 * float(e.abs().max())):
                return text
    return DERIVATION


def check_gradients(kata: Any, problem: Problem) -> None:
    __tracebackhide__ = True
    # fresh copies with the same strides (a non-contiguous view stays one): pinned examples are shared
    problem = tuple(torch.empty_strided(t.shape, t.stride(), dtype=t.dtype).copy_(t.detach())
                    .requires_grad_(t.requires_grad) for t in problem)
    x, target, weight, bias = problem
    call = (f"mse_linear_grads(x {describe(x)}, target {tuple(target.shape)}, weight {tuple(weight.shape)}, "
            f"bias {tuple(bias.shape)})")
    expected = autograd_oracle(x, target, weight, bias)
    before = [snapshot(t) for t in problem]
    with forbidden((torch.Tensor, "backward"), (torch.autograd, "grad"), (torch.autograd, "backward"),
                   (torch.autograd, "_engine_run_backward"), (torch.autograd.functional, "jacobian"),
                   (torch.autograd.functional, "vjp"), (torch.autograd.forward_ad, "make_dual"),
                   (torch.func, "grad"), (torch.func, "grad_and_value"), (torch.func, "vjp"),
                   (torch.func, "jacrev"), (torch.func, "jacfwd"), (torch.func, "jvp"), call=call, rule=RULE):
        got = kata.mse_linear_grads(x, target, weight, bias)
    if not isinstance(got, tuple):
        fail(call, "type of the result", "a tuple (dL/dW, dL/db)", describe(got),
             "return the two gradients as a tuple: return grad_w, grad_b")
    check_equal(len(got), 2, call=call, what="number of gradients returned", misconception="return (dL/dW, dL/db)")
    precision = PRECISION[x.dtype]
    atol = precision * (1 + term_size(x, target, weight, bias))
    for name, g, e in zip(("dL/dW", "dL/db"), got, expected):
        check_tensor(g, e, framework="torch", call=f"{call}: {name}", rtol=10 * precision, atol=atol,
                     misconception=misconception_for(name, g, e, x, target))
    for label, tensor, (values, requires_grad, grad) in zip(("x", "target", "weight", "bias"), problem, before):
        what = f"{label} after the call"
        check_equal(tensor.requires_grad, requires_grad, call=call, what=f"{label}.requires_grad after the call",
                    misconception="leave the arguments as they came: do not switch on requires_grad")
        if tensor.grad is not grad:
            fail(call, f"{label}.grad after the call", describe(grad), describe(tensor.grad),
                 "leave the arguments as they came: no .grad set on them")
        check_tensor(tensor.detach(), values, framework="torch", call=f"{call}: {what}", rtol=0, atol=0,
                     misconception=f"{what} changed: compute the residual out of place (y - target), "
                     "not with -= / sub_ on an argument")


@given(problem=layer_problems())
@example(problem=pinned(5, 3, 2, torch.float64))
@example(problem=pinned(4, 2, 6, torch.float32, views=True))
@example(problem=pinned(3, 1, 4, torch.float64, views=True))
@example(problem=pinned(4, 3, 2, torch.float32, parameters=True))  # weight and bias require grad: still after
def test_hand_gradients_match_autograd(kata, problem):
    check_gradients(kata, problem)


def test_docstring_example(kata):
    """The docstring's example, y = x: dL/dW = 5 and dL/db = 3."""
    x, target = torch.tensor([[1.0], [2.0]]), torch.tensor([[0.0], [0.0]])
    check_gradients(kata, (x, target, torch.tensor([[1.0]]), torch.tensor([0.0])))
