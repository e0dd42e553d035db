"""Tests of kata autograd/derivative: only real automatic differentiation passes.

Every call is checked the same way (:func:`check_derivative`): f wrapped in a recorder that sees
what it is called with (how often, which framework, dtype, shape, whether torch records, at which
w). The answer is compared to the exact derivative at that w, to the precision of the dtype the
learner chose: float32 (the quest's ``torch.tensor(4.0, requires_grad=True)``) or float64.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings

from katas._support.checks import check_equal, describe, dtype_name, fail, framework_of
from katas._support.strategies import Polynomial, points, polynomials

FRAMEWORKS = ["derivative", "tf_derivative"]  # one law, two frameworks
FRAMEWORK_OF = {"derivative": "torch", "tf_derivative": "tensorflow"}
QUEST = Polynomial((0.0, 2.0, 3.0))  # 3w² + 2w
SQUARE = Polynomial((0.0, 0.0, 1.0))  # w²
CUBIC = Polynomial((1.0, 0.0, -2.0, 5.0))  # 5w³ - 2w² + 1
#: relative precision per dtype, applied to the size of the derivative's terms (float32 keeps
#: about 7 digits, float64 about 16; both leave room for a few roundings)
PRECISION = {"float32": 1e-5, "float64": 1e-12}


@dataclass(frozen=True)
class Seen:
    """What f was called with."""

    framework: str | None
    dtype: str | None
    shape: tuple[int, ...] | None
    records: bool | None  # torch: requires_grad; None for TensorFlow
    value: float | None


def seen(w: Any) -> Seen:
    framework = framework_of(w)
    dtype = dtype_name(w) if framework in {"torch", "tensorflow"} and hasattr(w, "dtype") else None
    shape = tuple(int(side) for side in w.shape) if hasattr(w, "shape") else None
    records = bool(w.requires_grad) if framework == "torch" else None
    value = None
    try:
        if framework == "torch":
            value = float(w.detach().double().reshape(-1)[0])
        elif framework == "tensorflow":
            value = float(np.asarray(w.numpy(), dtype=np.float64).reshape(-1)[0])
        elif isinstance(w, (float, int)):
            value = float(w)
    except Exception:  # noqa: BLE001 - a value we cannot read is reported as None
        value = None
    return Seen(framework, dtype, shape, records, value)


class Recorder:
    """Wraps f and records every call."""

    def __init__(self, f: Polynomial) -> None:
        self.f, self.calls = f, []

    def __call__(self, w: Any) -> Any:
        self.calls.append(seen(w))
        return self.f(w)

    def __repr__(self) -> str:
        return repr(self.f)


def magnitude(f: Polynomial, w: float) -> float:
    """The size of the derivative's terms, sum |k c_k w^(k-1)|: what rounding errors scale with."""
    return float(sum(abs(power * c * w ** (power - 1)) for power, c in enumerate(f.coefficients) if power))


def check_python_float(got: Any, *, call: str) -> None:
    __tracebackhide__ = True
    if type(got) is not float:
        fail(call, "type", "a Python float", f"{type(got).__module__}.{type(got).__qualname__} ({describe(got)})",
             "return float(...) of the gradient (or .item()): not the gradient tensor, not a NumPy scalar "
             "from .numpy(), not an int")


def check_one_call(recorder: Recorder, framework: str, w: float, *, call: str) -> Seen:
    """f ran exactly once, on a 0-d float32 or float64 tensor of ``framework`` holding w."""
    __tracebackhide__ = True
    calls = recorder.calls
    if len(calls) != 1:
        fail(call, "number of calls to f", 1, len(calls),
             "a hard-coded formula never calls f: let autograd differentiate the f you were given"
             if not calls else
             "evaluate f once: one forward pass and one backward give the gradient; a finite difference "
             "(or a second evaluation 'to look at the value') calls f again")
    first = calls[0]
    tool = "torch.tensor(w, requires_grad=True)" if framework == "torch" else \
        "tf.Variable(w) (or a tf.constant the tape watches), inside tf.GradientTape"
    if first.framework != framework:
        fail(call, "kind of value f is called with", f"a 0-d {framework} tensor", first.framework or repr(first),
             f"call f on {tool}" + ("; torch autograd does not count for tf_derivative" if framework != "torch" else
                                     ", a tensor autograd can differentiate, not a Python float"))
    check_equal(first.shape, (), call=call, what="shape of the tensor f is called with",
                misconception=f"f takes a 0-d tensor: {tool}, not a 1-element tensor [w]")
    if first.dtype not in PRECISION:
        fail(call, "dtype of the tensor f is called with", "float32 or float64", first.dtype,
             "float16 (or bfloat16) rounds w itself (1000.3 becomes 1000.5) and overflows soon: "
             "use float32, the default, or float64")
    if framework == "torch":
        check_equal(first.records, True, call=call, what="requires_grad of the tensor f is called with",
                    misconception="make w with requires_grad=True, so autograd records what f does with it")
    at = np.array(w, dtype=first.dtype).item()  # w as the chosen dtype stores it
    check_equal(first.value, at, call=call, what=f"value f is called with ({first.dtype})",
                misconception="evaluate f at the w you were given")
    return first


def value_misconception(framework: str, got: float, f: Polynomial, at: float) -> str:
    if framework == "tensorflow" and got == 0.0:
        return ("the tape recorded nothing (tape.gradient gave None or 0): evaluate f inside "
                "`with tf.GradientTape() as tape:` on a tf.Variable (or tape.watch a constant), "
                "then tape.gradient(y, w), target first")
    if np.isclose(got, float(f(at))):
        return "that is f(w), the value of f; return the gradient df/dw"
    return ("differentiate the f you were given, at w, once: not a formula (6w + 2 is only the quest's f), "
            "not a finite difference, not a second derivative, not rounded; and start afresh on each call "
            "(a leaf tensor reused across calls keeps adding into its .grad)")


def check_derivative(kata: Any, function: str, f: Polynomial, w: float) -> None:
    """``function(f, w)`` is df/dw at w, by autograd, as a Python float."""
    __tracebackhide__ = True
    framework = FRAMEWORK_OF[function]
    recorder = Recorder(f)
    call = f"{function}({f!r}, w={w!r})"
    got = getattr(kata, function)(recorder, w)
    check_python_float(got, call=call)
    first = check_one_call(recorder, framework, w, call=call)
    at = first.value
    expected = f.derivative(at)
    tolerance = PRECISION[first.dtype] * magnitude(f, at) + 1e-12
    if not abs(got - expected) <= tolerance:
        fail(call, "derivative", f"{expected!r} (± {tolerance:.2g}, for f called in {first.dtype})", repr(got),
             value_misconception(framework, got, f, at))


@pytest.mark.parametrize("function", FRAMEWORKS)
def test_quest_polynomial_at_4_is_26(kata, function):
    check_derivative(kata, function, QUEST, 4.0)


@pytest.mark.parametrize("function", FRAMEWORKS)
def test_square_at_2_is_4(kata, function):
    check_derivative(kata, function, SQUARE, 2.0)


@pytest.mark.parametrize("function", FRAMEWORKS)
@settings(max_examples=max(10, settings.default.max_examples // 2))  # each TensorFlow call costs ~10 ms
@given(f=polynomials(), w=points())
@example(f=QUEST, w=0.123456789)  # 2.740740734: an answer rounded to a few decimals, or truncated, fails
@example(f=CUBIC, w=-1.7)  # a cubic: a central difference is no longer exact
@example(f=Polynomial((0.0, -3.0)), w=2.5)  # linear: the second derivative is 0
def test_any_polynomial_matches_its_exact_derivative(kata, function, f: Polynomial, w):
    check_derivative(kata, function, f, w)


@pytest.mark.parametrize("function", FRAMEWORKS)
def test_a_second_call_starts_afresh(kata, function):
    """A gradient left from an earlier call (a reused leaf tensor) must not leak into the next."""
    check_derivative(kata, function, CUBIC, 0.5)
    check_derivative(kata, function, CUBIC, 0.5)
    check_derivative(kata, function, QUEST, -1.25)
