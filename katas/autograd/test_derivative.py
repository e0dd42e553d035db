"""Tests of kata autograd/derivative: only real automatic differentiation passes."""

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given

from katas._support.checks import check_close, check_equal
from katas._support.strategies import Polynomial, points, polynomials

FRAMEWORKS = ["derivative", "tf_derivative"]  # one law, two frameworks


def quest(w: Any) -> Any:
    return 3 * w**2 + 2 * w


class CountingF:
    """Wraps f and counts how often, and with what, it is called."""

    def __init__(self, f: Callable[[Any], Any]) -> None:
        self.f, self.calls = f, []

    def __call__(self, w: Any) -> Any:
        self.calls.append(w)
        return self.f(w)


@pytest.mark.parametrize("function", FRAMEWORKS)
def test_quest_polynomial_at_4_is_26(kata, function):
    got = getattr(kata, function)(quest, 4.0)
    check_close(got, 26.0, call=f"{function}(3w² + 2w, w=4.0)",
                misconception="the derivative of 3w² + 2w is 6w + 2; at w = 4 that is 26")


@pytest.mark.parametrize("function", FRAMEWORKS)
def test_square_at_2_is_4(kata, function):
    got = getattr(kata, function)(lambda w: w * w, 2.0)
    check_close(got, 4.0, call=f"{function}(w², w=2.0)", misconception="d(w²)/dw = 2w")


@pytest.mark.parametrize("function", FRAMEWORKS)
@given(w=points())
def test_quest_polynomial_everywhere_is_6w_plus_2(kata, function, w):
    got = getattr(kata, function)(quest, w)
    check_close(got, 6 * w + 2, call=f"{function}(3w² + 2w, w={w!r})",
                misconception="compute the gradient at the w you were given")


@pytest.mark.parametrize("function", FRAMEWORKS)
@given(f=polynomials(), w=points())
def test_any_polynomial_matches_its_exact_derivative(kata, function, f: Polynomial, w):
    got = getattr(kata, function)(f, w)
    check_close(got, f.derivative(w), call=f"{function}({f!r}, w={w!r})", rel=1e-9, abs_=1e-9,
                misconception="differentiate the f you were given, exactly (autograd in float64), "
                "not a formula and not a finite difference")


@pytest.mark.parametrize("function", FRAMEWORKS)
@given(f=polynomials(), w=points())
def test_f_is_evaluated_once_on_a_framework_tensor(kata, function, f: Polynomial, w):
    counting = CountingF(f)
    getattr(kata, function)(counting, w)
    check_equal(len(counting.calls), 1, call=f"{function}({f!r}, w={w!r})", what="number of calls to f",
                misconception="autograd needs exactly one forward evaluation of f; "
                "a finite difference evaluates it twice, a hard-coded formula never")
    framework = "torch" if function == "derivative" else "tensorflow"
    check_equal(type(counting.calls[0]).__module__.split(".")[0], framework,
                call=f"{function}(f, w={w!r})", what="framework of the value f is called with",
                misconception=f"call f on a {framework} tensor the framework can differentiate, not a float")
