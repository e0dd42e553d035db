"""Tests of kata tensors/broadcasting.

add_bias is checked to return a new tensor of the inputs' dtype and leave x and b as they were;
broadcast_shape runs with every call into NumPy, torch, TensorFlow, Keras and JAX watched (a
profile hook), since the docstring asks for it by hand: any such call fails the test.
"""

import gc
import sys

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from katas._support.checks import (
    KataMismatch, check_equal, check_on_meta, check_tensor, describe, expect_error, fail,
)
from katas._support.strategies import (
    arrays, broadcastable_shapes, float_dtypes, incompatible_shapes, shapes, to_tf, to_torch,
)

BIAS = "b has one value per column (F of them); x + b adds it to every row, in the dtype of x and b"


@st.composite
def rows_and_bias(draw, device="cpu"):
    """x of shape (N, F) and b of shape (F,), N != F so a column-wise bias cannot pass."""
    dtype = draw(float_dtypes(device), label="dtype")
    n, f = draw(shapes(min_dims=2, max_dims=2, min_side=2, distinct=True), label="(N, F)")
    return draw(arrays(dtype, (n, f)), label="x"), draw(arrays(dtype, (f,)), label="b")


def pinned(device):
    """float64 (where the device has it) rows, and a bias whose values differ and do not sum to 0."""
    dtype = np.float32 if device == "mps" else np.float64
    return np.arange(12, dtype=dtype).reshape(3, 4) / 7, np.array([0.1, -2.0, 3.5, 40.25], dtype=dtype)


@given(data=st.data())
@example(data=None)
def test_add_bias_adds_to_every_row(kata, device, data):
    x, b = pinned(device) if data is None else data.draw(rows_and_bias(device))
    call = f"add_bias({describe(x)}, {describe(b)})"
    tx, tb = to_torch(x, device), to_torch(b, device)
    got = kata.add_bias(tx, tb)
    for name, t, before in (("x", tx, x), ("b", tb, b)):
        if not np.array_equal(t.detach().cpu().numpy(), before):
            fail(call, f"{name} after the call", "unchanged", "changed in place",
                 "return a new tensor (x + b): x += b or x.add_(b) changes the caller's x")
    check_tensor(got, x + b, framework="torch", device=device, call=call, misconception=BIAS)


def test_add_bias_keeps_the_inputs_device(kata):
    """"On their device", checked on every machine, on the meta device (see ``check_on_meta``)."""
    add_bias = kata.add_bias  # skips here without torch
    import torch

    x, b = torch.empty(3, 4, dtype=torch.float64, device="meta"), torch.empty(4, dtype=torch.float64, device="meta")
    check_on_meta(lambda: add_bias(x, b), shape=(3, 4), dtype=torch.float64, misconception=BIAS,
                  call="add_bias(x float64 (3, 4), b float64 (4,)), both on the meta device (shapes without values, for a GPU)",
                  advice="x + b runs where x and b are: no .cpu(), .numpy() or .to('cpu') on the way, which leaves their device")


@given(data=st.data())
@example(data=None)
def test_tf_add_bias_adds_to_every_row(kata, tf_device, data):
    x, b = pinned("cpu") if data is None else data.draw(rows_and_bias())
    got = kata.tf_add_bias(to_tf(x, tf_device), to_tf(b, tf_device))
    check_tensor(got, x + b, framework="tensorflow", call=f"tf_add_bias({describe(x)}, {describe(b)})",
                 misconception=BIAS)


FRAMEWORK_PACKAGES = ("numpy", "torch", "tensorflow", "keras", "jax")
BY_HAND = "broadcast_shape works the shape out by hand: no torch, no NumPy, no TensorFlow"


class by_hand:  # noqa: N801
    """While the block runs, watch every call the learner's code makes (a profile hook), Python
    and C alike, and fail when the block ends if one went into NumPy, torch, TensorFlow, Keras
    or JAX, whatever the name (broadcast_shapes, zeros, array, ...) and even if it was caught.
    The garbage collector is off meanwhile: a collection could run a library's gc callback (JAX
    has one) in the middle of the learner's code, a call the learner never made."""

    def __init__(self, call: str) -> None:
        self.call = call
        self.framework_calls: list[str] = []

    def _watch(self, frame, event, arg):
        if event == "call":
            module, name = frame.f_globals.get("__name__", ""), frame.f_code.co_name
        elif event == "c_call":
            owner = getattr(arg, "__self__", None)
            module = getattr(arg, "__module__", None) or (type(owner).__module__ if owner is not None else "")
            name = getattr(arg, "__qualname__", repr(arg))
        else:
            return
        if module.split(".")[0] in FRAMEWORK_PACKAGES and not self.framework_calls:
            self.framework_calls.append(f"{module}.{name}")

    def __enter__(self):
        self._collecting = gc.isenabled()
        gc.disable()
        self._previous = sys.getprofile()
        sys.setprofile(self._watch)
        return self

    def __exit__(self, kind, error, traceback):
        __tracebackhide__ = True
        sys.setprofile(self._previous)
        if self._collecting:
            gc.enable()
        if self.framework_calls and not isinstance(error, KataMismatch):
            raise KataMismatch(f"{self.call}: called {self.framework_calls[0]}, which this kata rules out\n"
                               f"    rule: {BY_HAND}")
        return False


@given(shapes=broadcastable_shapes(2))
@example(shapes=((4, 1, 3), (5, 1), (4, 5, 3)))  # the docstring's example: the result is not reversed
@example(shapes=((3,), (4, 1), (4, 3)))  # the first shape is the shorter one
@example(shapes=((2, 3), (3,), (2, 3)))  # equal sides: the larger of the pair is that side, not their product
def test_broadcast_shape_matches_numpy(kata, shapes):
    a, b, expected = shapes
    call = f"broadcast_shape({a}, {b})"
    with by_hand(call):
        got = kata.broadcast_shape(a, b)
    check_equal(got, expected, call=call, what="shape",
                misconception="compare sides from the right; a missing side (of either shape) counts as 1; each "
                "result side is the larger of the pair (equal sides stay as they are, not multiplied); the result "
                "is a tuple, in the usual left-to-right order")


@given(shapes=incompatible_shapes())
@example(shapes=((3,), (4,)))
@example(shapes=((2, 3), (4,)))  # the shapes named as passed in, not reversed or padded to one length
def test_incompatible_shapes_raise_value_error_naming_both(kata, shapes):
    a, b = shapes
    call = f"broadcast_shape({a}, {b})"
    error = None
    with by_hand(call):  # outside expect_error, so a library call is reported as such
        try:
            kata.broadcast_shape(a, b)
        except KataMismatch:
            raise
        except Exception as raised:  # noqa: BLE001 - judged below
            error = raised
    spellings = [(str(shape), str(list(shape))) for shape in (a, b)]
    with expect_error(ValueError, call=call, mentioning=tuple(spellings),
                      misconception="raise ValueError (not RuntimeError) and say which shapes clash, both of them: "
                      "for example ValueError(f'shapes {a} and {b} do not broadcast')"):
        if error is not None:
            raise error
