"""Tests of kata autograd/numeric_gradient. Functions are drawn: a polynomial applied to each
element, weighted, plus a product that couples the first and last elements.

central_difference is compared with autograd at the default h (tolerance scaled to the size of
f, since the difference loses about eps·|f|/h), and with the exact central difference of a cubic
at a large h (where a one-sided difference, or an ignored h, is far off). gradients_agree is
checked on pinned cases whose verdict is clear (a factor of 2 or more from the boundary)
whichever gradient is taken as the reference, so any correct tolerance formula passes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import assume, example, given
from hypothesis import strategies as st

from katas._support.checks import KataMismatch, check_equal, check_tensor, describe, fail
from katas._support.strategies import Polynomial, arrays, polynomials, shapes, to_torch

F64 = torch.float64
CENTRAL = ("(f(x + h e_i) - f(x - h e_i)) / (2h) for each element i, one at a time: a one-sided difference "
           "is off by about h·f''/2, dividing by h instead of 2h doubles the result, nudging all elements "
           "at once sums the partials, and a nudge on a reshape of a non-contiguous copy never reaches f")


class DrawnFunction:
    def __init__(self, poly: Polynomial, weights: torch.Tensor, coupling: float) -> None:
        self.poly, self.weights, self.coupling = poly, weights, coupling

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        if tuple(x.shape) != tuple(self.weights.shape):
            raise KataMismatch(f"{self!r} was called with a tensor of shape {tuple(x.shape)}\n    rule: f takes "
                               f"a tensor of x's shape, {tuple(self.weights.shape)}: nudge a copy of x itself, or "
                               "reshape the nudged copy back to x's shape before calling f")
        flat = x.reshape(-1)
        return (self.poly(x) * self.weights).sum() + self.coupling * flat[0] * flat[-1]

    def size(self, x: torch.Tensor) -> float:
        """The size of f's terms at x: what the rounding of f(x ± h) scales with."""
        powers = sum(abs(c) * x.abs() ** k for k, c in enumerate(self.poly.coefficients))
        flat = x.reshape(-1)
        return float((powers * self.weights.abs()).sum() + abs(self.coupling * flat[0] * flat[-1]))

    def __repr__(self) -> str:
        return f"sum(weights * ({self.poly!r})(x)) + {self.coupling:g} * x[0] * x[-1]"


@st.composite
def functions_and_points(draw: st.DrawFn) -> tuple[DrawnFunction, torch.Tensor]:
    shape = draw(shapes(min_dims=0, max_dims=2, max_side=4), label="shape of x")
    f = DrawnFunction(draw(polynomials(max_degree=4), label="polynomial"),
                      to_torch(draw(arrays("float64", shape, bound=3), label="weights")),
                      draw(st.integers(-3, 3), label="coupling"))
    return f, to_torch(draw(arrays("float64", shape, bound=2), label="x"))


def pinned(shape: tuple[int, ...], *, view: bool = False) -> tuple[DrawnFunction, torch.Tensor]:
    """A fixed case: every element a different weight and value; with ``view``, x is a
    transposed (non-contiguous) view."""
    n = max(1, torch.Size(shape).numel())
    values = torch.linspace(-1.7, 1.9, n, dtype=F64).reshape(shape)
    weights = torch.linspace(0.5, 2.5, n, dtype=F64).reshape(shape)
    if view:  # same values, stored transposed
        values = values.T.contiguous().T
    return DrawnFunction(Polynomial((0.5, -1.0, 2.0, 1.0)), weights, 2.0), values


def hint_for(got: Any) -> str:
    if isinstance(got, torch.Tensor) and got.dtype != F64:
        return "the result is float64: allocate it as float64 (torch.zeros(x.shape, dtype=torch.float64), or " \
               "zeros_like of a float64 copy of x); torch.zeros(shape) alone is float32"
    return CENTRAL


def autograd_gradient(f: Any, x: torch.Tensor) -> torch.Tensor:
    leaf = x.detach().clone().requires_grad_(True)
    return torch.autograd.grad(f(leaf), leaf)[0]


def check_left_alone(x: torch.Tensor, before: torch.Tensor, *, call: str, requires_grad: bool = False) -> None:
    __tracebackhide__ = True
    check_tensor(x.detach(), before, framework="torch", call=f"{call}: x after the call", rtol=0, atol=0,
                 misconception="perturb a copy of x (x.detach() and .data share x's memory; .clone() copies), "
                 "or put each element back exactly: x must be unchanged")
    check_equal(x.requires_grad, requires_grad, call=call, what="x.requires_grad after the call",
                misconception="take autograd's gradient on a copy: x.detach().clone().requires_grad_(True)")
    if x.grad is not None:
        fail(call, "x.grad after the call", None, describe(x.grad),
             "take autograd's gradient on a copy of x: .backward() on x itself leaves .grad there, and the "
             "next call adds to it")


@given(case=functions_and_points())
@example(case=pinned((3, 4), view=True))
@example(case=pinned(()))
@example(case=pinned((1,)))
def test_central_difference_matches_autograd(kata, case):
    f, x = case
    x = x.detach().clone()  # pinned examples are shared between runs (clone keeps a view's strides)
    x_before = x.clone()
    call = f"central_difference({f!r}, {describe(x)}{'' if x.is_contiguous() else ', non-contiguous'})"
    got = kata.central_difference(f, x)
    check_tensor(got, autograd_gradient(f, x), framework="torch", call=call, rtol=1e-6,
                 atol=1e-6 + 1e-8 * f.size(x), misconception=hint_for(got))
    check_left_alone(x, x_before, call=call)


@pytest.mark.parametrize("h", [0.1, 0.01])
def test_central_difference_uses_the_step_h(kata, h):
    """For sum(w x³) the central difference is exactly w (3x² + h²): it depends on h."""
    x = torch.tensor([[0.5, -1.5, 2.0], [1.0, -0.25, 3.0]], dtype=F64).T  # (3, 2), non-contiguous
    w = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [3.0, -2.0]], dtype=F64)
    x_before = x.clone()
    call = f"central_difference(sum(w * x**3), {describe(x)}, h={h})"
    got = kata.central_difference(lambda v: (w * v**3).sum(), x, h=h)
    check_tensor(got, w * (3 * x_before**2 + h**2), framework="torch", call=call, rtol=1e-7, atol=1e-7,
                 misconception="use the h given (the difference is w (3x² + h²) here, not autograd's 3w x²); "
                 + CENTRAL)
    check_left_alone(x, x_before, call=call)


def test_central_difference_docstring_example(kata):
    x = torch.tensor([1.0, 2.0], dtype=F64)
    got = kata.central_difference(lambda v: (v**2).sum(), x)
    check_tensor(got, torch.tensor([2.0, 4.0], dtype=F64), framework="torch", rtol=1e-6, atol=1e-6,
                 call="central_difference(sum(x**2), tensor([1., 2.], dtype=float64))", misconception=CENTRAL)


@given(case=functions_and_points())
@example(case=pinned((3, 4), view=True))
# sum(x³) where the gradient is 0: only the default h (1e-6) puts the central difference within atol 1e-7
@example(case=(DrawnFunction(Polynomial((0.0, 0.0, 0.0, 1.0)), torch.ones(2, dtype=F64), 0.0),
               torch.tensor([0.0, 0.5], dtype=F64)))
def test_gradients_agree_accepts_a_correct_gradient(kata, case):
    f, x = case
    x = x.detach().clone()  # pinned examples are shared between runs
    analytic, numeric = autograd_gradient(f, x), reference_difference(f, x)
    # keep the cases where rounding (about eps·|f|/h) is far inside the tolerance
    assume(((analytic - numeric).abs() <= 0.05 * (1e-7 + 1e-5 * numeric.abs())).all())
    x_before = x.clone()
    call = f"gradients_agree({f!r}, {describe(x)})"
    for attempt in ("first call", "second call, same x"):
        check_equal(kata.gradients_agree(f, x), True, call=f"{call}, {attempt}", what="answer",
                    misconception="floats never match exactly: compare element by element with the tolerances "
                    "(torch.allclose), return a Python bool, and leave x alone so a second call agrees too")
        check_left_alone(x, x_before, call=call)


def cube_sum(v: torch.Tensor) -> torch.Tensor:
    return (v**3).sum()


def test_both_leave_an_x_that_requires_grad_alone(kata):
    """x may come requiring grad (a model's parameter, say): it keeps requires_grad, gets no .grad,
    and both functions answer as for any x."""
    x = torch.tensor([0.5, -1.0, 2.0], dtype=F64, requires_grad=True)
    before = x.detach().clone()
    for name in ("central_difference", "gradients_agree"):
        call = f"{name}(sum(x³), x float64 (3,) with requires_grad=True)"
        for attempt in ("first call", "second call, same x"):
            got = getattr(kata, name)(cube_sum, x)
            if name == "gradients_agree":
                check_equal(got, True, call=f"{call}, {attempt}", what="answer",
                            misconception="take autograd's gradient on a detached copy of x: "
                            "x.detach().clone().requires_grad_(True); x.clone() of an x that requires grad is "
                            "not a leaf, so its .grad stays None and x's own .grad fills instead")
            else:
                check_tensor(got, 3 * before**2, framework="torch", call=f"{call}, {attempt}", rtol=1e-6, atol=1e-6,
                             misconception=CENTRAL)
            check_left_alone(x, before, call=call, requires_grad=True)


def reference_difference(f: Any, x: torch.Tensor, h: float = 1e-6) -> torch.Tensor:
    flat = x.detach().reshape(-1)
    out = torch.empty_like(flat)
    for i in range(flat.numel()):
        up, down = flat.clone(), flat.clone()
        up[i] += h
        down[i] -= h
        out[i] = (f(up.reshape(x.shape)) - f(down.reshape(x.shape))) / (2 * h)
    return out.reshape(x.shape)


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


@given(x=st.integers(1, 4).flatmap(lambda n: arrays("float64", (n,), bound=2)).filter(lambda a: (abs(a) > 0.1).any()))
@example(x=np.array([0.5, -1.5]))
def test_gradients_agree_rejects_a_wrong_backward(kata, x):
    t = to_torch(x)
    check_equal(kata.gradients_agree(lambda v: WrongSquare.apply(v).sum(), t), False,
                call=f"gradients_agree(x² with backward x instead of 2x, {describe(t)})", what="answer",
                misconception="compare autograd's gradient (torch.autograd.grad) with your central difference")


class OffSquare(torch.autograd.Function):
    """x² whose backward is 2x + error: a gradient wrong by exactly ``error``, element by element."""

    @staticmethod
    def forward(ctx, x, error):
        ctx.save_for_backward(x, error)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        x, error = ctx.saved_tensors
        return grad * (2 * x + error), None


def t(*values: float) -> torch.Tensor:
    return torch.tensor(values, dtype=F64)


TWENTY = torch.linspace(0.5, 2.0, 20, dtype=F64)

#: (id, x, error added to the gradient 2x, rtol, atol, the answer, what a wrong answer suggests)
TOLERANCE_CASES = [
    ("inside_rtol_large_gradient", t(50.0, -40.0, 60.0), t(1e-4, -1e-4, 1e-4), 1e-5, 1e-7, True,
     "the error 1e-4 is within rtol·|gradient| = 1e-5 · 100: use rtol relative to the gradient, atol absolute, "
     "in that order (torch.allclose(a, b, rtol=rtol, atol=atol))"),
    ("outside_rtol_large_gradient", t(50.0, -40.0, 60.0), t(5e-3, 0.0, 0.0), 1e-5, 1e-7, False,
     "the error 5e-3 at a gradient of 100 exceeds atol + rtol·|gradient| = 1e-3: actually compare"),
    ("inside_atol_small_gradient", t(1e-3, -2e-3), t(5e-4, -5e-4), 0.0, 1e-3, True,
     "with rtol=0 and atol=1e-3 an error of 5e-4 agrees: pass the caller's rtol and atol, as rtol and atol"),
    ("given_tolerances_used", t(1.0, -2.0, 0.5), t(2e-3, -4e-3, 1e-3), 1e-2, 1e-7, True,
     "a relative error of 1e-3 agrees at rtol=1e-2: use the rtol and atol passed in, not the defaults"),
    ("one_element_off_among_twenty", TWENTY, torch.zeros(20, dtype=F64).index_fill(0, torch.tensor([7]), 0.1),
     1e-2, 1e-7, False,
     "one partial derivative off by 5% fails at rtol=1e-2, even when the mean error is small: check every "
     "element (torch.allclose), not a mean or a norm"),
    ("errors_that_cancel", t(1.0, 2.0, 3.0), t(0.1, -0.1, 0.0), 1e-5, 1e-7, False,
     "errors of +0.1 and -0.1 cancel in a sum: compare element by element, not sums"),
    ("tight_tolerance_correct_backward", t(1.3, -0.7, 2.1), t(0.0, 0.0, 0.0), 1e-8, 1e-12, True,
     "autograd is exact here and the central difference of x² is exact up to rounding (about 1e-10): at "
     "rtol=1e-8 only a central difference (not a one-sided one) in float64 (not float32) agrees"),
]


@pytest.mark.parametrize(("x", "error", "rtol", "atol", "expected", "hint"),
                         [case[1:] for case in TOLERANCE_CASES], ids=[case[0] for case in TOLERANCE_CASES])
def test_gradients_agree_applies_the_tolerances(kata, x, error, rtol, atol, expected, hint):
    x_before, x = x, x.clone()  # the parametrized x is shared between runs: hand out a copy
    call = f"gradients_agree(x² with backward 2x + {error.tolist()}, x={x.tolist()}, rtol={rtol}, atol={atol})"
    got = kata.gradients_agree(lambda v: OffSquare.apply(v, error).sum(), x, rtol=rtol, atol=atol)
    check_equal(got, expected, call=call, what="answer (a Python bool)",
                misconception="return a Python bool: bool(...) of a tensor result" if isinstance(got, torch.Tensor)
                else hint)
    check_left_alone(x, x_before, call=call)
