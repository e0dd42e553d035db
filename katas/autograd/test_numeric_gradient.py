"""Tests of kata autograd/numeric_gradient. Functions are drawn: a polynomial applied to each
element, weighted, plus a product that couples the first and last elements."""

import torch
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import Polynomial, arrays, polynomials, shapes, to_torch


class DrawnFunction:
    def __init__(self, poly: Polynomial, weights: torch.Tensor, coupling: float) -> None:
        self.poly, self.weights, self.coupling = poly, weights, coupling

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        flat = x.reshape(-1)
        return (self.poly(x) * self.weights).sum() + self.coupling * flat[0] * flat[-1]

    def __repr__(self) -> str:
        return f"sum(weights * ({self.poly!r})(x)) + {self.coupling:g} * x[0] * x[-1]"


@st.composite
def functions_and_points(draw):
    shape = draw(shapes(max_dims=2, max_side=4), label="shape of x")
    f = DrawnFunction(draw(polynomials(max_degree=4), label="polynomial"),
                      to_torch(draw(arrays("float64", shape, bound=3), label="weights")),
                      draw(st.integers(-3, 3), label="coupling"))
    return f, to_torch(draw(arrays("float64", shape, bound=2), label="x"))


def autograd_gradient(f, x):
    leaf = x.detach().clone().requires_grad_(True)
    return torch.autograd.grad(f(leaf), leaf)[0]


@given(case=functions_and_points())
def test_central_difference_matches_autograd(kata, case):
    f, x = case
    x_before = x.clone()
    got = kata.central_difference(f, x)
    call = f"central_difference({f!r}, {describe(x)})"
    check_tensor(got, autograd_gradient(f, x), framework="torch", call=call, rtol=1e-6, atol=1e-6,
                 misconception="(f(x + h e_i) - f(x - h e_i)) / (2h) for each element i: a one-sided "
                 "difference is off by about h·f''/2; dividing by h instead of 2h doubles the result")
    check_tensor(x, x_before, framework="torch", call=call, rtol=0, atol=0,
                 misconception="perturb a copy of x, or put each element back: x must be unchanged")


class WrongSquare(torch.autograd.Function):
    """x² with a wrong hand-written backward (x instead of 2x): what a gradient check is for."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * x


@given(case=functions_and_points())
def test_gradients_agree_accepts_a_correct_gradient(kata, case):
    f, x = case
    check_equal(kata.gradients_agree(f, x), True, call=f"gradients_agree({f!r}, {describe(x)})", what="answer",
                misconception="floats never match exactly: compare with torch.allclose and the tolerances")


@given(x=st.integers(1, 4).flatmap(lambda n: arrays("float64", (n,), bound=2)).filter(lambda a: (abs(a) > 0.1).any()))
def test_gradients_agree_rejects_a_wrong_backward(kata, x):
    t = to_torch(x)
    check_equal(kata.gradients_agree(lambda v: WrongSquare.apply(v).sum(), t), False,
                call=f"gradients_agree(x² with backward x instead of 2x, {describe(t)})", what="answer",
                misconception="compare autograd's gradient (torch.autograd.grad) with your central difference")
