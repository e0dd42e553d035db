"""Tests of kata tensors/reshaping.

Every call is checked to leave its input as it was (shape, strides, values): a reshape that
resizes the caller's tensor in place gives the right answer and breaks the caller.
"""

import numpy as np
import pytest
import torch
from hypothesis import example, given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe, fail
from katas._support.strategies import FRAMEWORKS, float_arrays, pick, reshape_targets, to_framework, to_torch

ORDER = "reshape keeps the row-major order of the values (as NumPy's default order='C'); only the shape changes"


class Unchanged:
    """Remembers a torch tensor's shape, strides and values; ``check`` says if a call changed them."""

    def __init__(self, t: torch.Tensor) -> None:
        self.t, self.shape, self.stride = t, tuple(t.shape), t.stride()
        self.values = t.detach().clone()

    def check(self, call: str) -> None:
        __tracebackhide__ = True
        now = (tuple(self.t.shape), self.t.stride())
        if now != (self.shape, self.stride):
            fail(call, "input after the call", f"unchanged: shape {self.shape}, strides {self.stride}",
                 f"shape {now[0]}, strides {now[1]}",
                 "leave the caller's tensor as it was: t.reshape(shape) returns a new tensor, "
                 "t.resize_(shape) changes t itself")
        check_tensor(self.t.detach(), self.values, framework="torch", call=f"{call}: the input's values afterwards",
                     rtol=0, atol=0, misconception="leave the caller's tensor as it was: no in-place op (mul_, "
                     "copy_, x[...] = ...) on it or on a view of it")


def check_reshape(kata, t, target, expected, *, call, misconception=ORDER):
    __tracebackhide__ = True
    before = Unchanged(t)
    got = kata.reshape_to(t, target)
    before.check(call)
    check_tensor(got, expected, framework="torch", call=call, misconception=misconception)
    return got


def test_eight_by_three_to_four_by_six(kata):
    """The quest's novice challenge."""
    t = torch.arange(24).reshape(8, 3)
    check_reshape(kata, t, (4, 6), np.arange(24).reshape(4, 6), call="reshape_to(arange(24) as (8, 3), (4, 6))")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(data=st.data())
@example(data=None)  # pinned: a (2, 3, 4) tensor to (4, 3, 2), where column-major order and 2-D-only answers differ
def test_reshape_to_any_compatible_shape(kata, framework, data):
    if data is None:
        array, target = np.arange(24, dtype=np.float32).reshape(2, 3, 4), (4, 3, 2)
    else:
        array = data.draw(float_arrays(max_dims=3), label="array")
        target = data.draw(reshape_targets(array.shape), label="target shape")
    call = f"{'reshape_to' if framework == 'torch' else 'tf_reshape_to'}({describe(array)}, {target})"
    t = to_framework(framework, array)
    if framework == "torch":
        check_reshape(kata, t, target, array.reshape(target), call=call,
                      misconception="the result has exactly the target shape, every side of it; " + ORDER)
        return
    import tensorflow as tf

    got = kata.tf_reshape_to(t, target)
    if not isinstance(got, tf.Tensor):
        fail(call, "type", "a tf.Tensor", f"{type(got).__module__}.{type(got).__qualname__} ({describe(got)})",
             "tf.reshape(t, shape) returns a tf.Tensor: no tf.Variable, no NumPy array")
    check_tensor(got, array.reshape(target), framework=framework, call=call,
                 misconception="the result has exactly the target shape, every side of it; " + ORDER)


@given(data=st.data())
@example(data=None)  # pinned: a (2, 3) tensor transposed, to (6,): no view of it exists
def test_reshape_to_works_on_a_transposed_tensor(kata, data):
    if data is None:
        array, target = np.arange(6, dtype=np.float32).reshape(2, 3), (6,)
    else:
        array = data.draw(float_arrays(min_dims=2, max_dims=2, min_side=2, distinct=True), label="array")
        target = data.draw(reshape_targets(array.shape), label="target shape")
    t = to_torch(array).T  # non-contiguous
    check_reshape(kata, t, target, array.T.reshape(target),
                  call=f"reshape_to(a transposed {tuple(t.shape)} tensor, {target})",
                  misconception="view() needs a contiguous tensor; reshape() copies when it has to, in the "
                  "tensor's row-major order (not the order the values lie in memory: no resize_)")


def test_reshape_to_keeps_a_tensor_that_requires_grad_in_its_graph(kata):
    t = torch.arange(6.0).reshape(2, 3).requires_grad_()
    call = "reshape_to(a (2, 3) tensor that requires grad, (3, 2))"
    got = check_reshape(kata, t, (3, 2), np.arange(6.0, dtype=np.float32).reshape(3, 2), call=call,
                        misconception="reshape works on any tensor; no detour through NumPy (.numpy() refuses a "
                        "tensor that requires grad), no in-place resize_")
    check_equal(got.requires_grad, True, call=call, what="requires_grad of the result",
                misconception="t.reshape(shape) stays in the graph of t: no detach, no NumPy round trip")
    weights = torch.arange(1.0, 7.0).reshape(3, 2)
    (got * weights).sum().backward()  # a gradient that tells each place apart reaches t, back in t's order
    check_tensor(t.grad, weights.reshape(2, 3), framework="torch", rtol=0, atol=0,
                 call=f"t.grad after {call}, then (result * w).sum().backward()",
                 misconception="the result stays in t's graph, so gradients reach t: t.reshape(shape); a "
                 "detached copy given requires_grad_() is a new leaf, cut from t")


def check_view(kata, t, target, *, call):
    __tracebackhide__ = True
    before = Unchanged(t)
    got = kata.try_view(t, target)
    before.check(call)
    check_tensor(got, t.detach().numpy().reshape(target), framework="torch", call=call,
                 misconception="a view exists here (t.view(target) succeeds): return it")
    check_equal(got.untyped_storage().data_ptr() == t.untyped_storage().data_ptr(), True, call=call,
                what="storage shared with the input",
                misconception="a view is the same memory: no clone, no copy, no .contiguous() (it copies a "
                "tensor that is not contiguous)")


@given(data=st.data())
@example(data=None)  # pinned: a (2, 3, 4) tensor to (6, 4)
def test_try_view_shares_storage_with_a_contiguous_tensor(kata, data):
    if data is None:
        array, target = np.arange(24, dtype=np.float32).reshape(2, 3, 4), (6, 4)
    else:
        array = data.draw(float_arrays(max_dims=3), label="array")
        target = data.draw(reshape_targets(array.shape), label="target shape")
    t = to_torch(array)
    check_view(kata, t, target, call=f"try_view({describe(t)}, {target})")


def test_try_view_of_a_viewable_non_contiguous_tensor(kata):
    """Not every non-contiguous tensor refuses a view: every other row of a matrix can be split."""
    rows = torch.arange(48.0).reshape(8, 6)[::2]  # (4, 6), strides (12, 1): not contiguous
    check_view(kata, rows, (4, 2, 3), call="try_view(every other row of an (8, 6) tensor, (4, 2, 3))")
    transposed = torch.arange(6.0).reshape(2, 3).T
    check_view(kata, transposed, (3, 2), call="try_view(a transposed (3, 2) tensor, (3, 2))")


@given(array=float_arrays(min_dims=2, max_dims=2, min_side=2))
@example(array=np.arange(6, dtype=np.float32).reshape(2, 3))
def test_try_view_of_a_transposed_tensor_is_none(kata, array):
    t = to_torch(array).T
    call = f"try_view(a transposed {tuple(t.shape)} tensor, ({t.numel()},))"
    before = Unchanged(t)
    try:
        got = kata.try_view(t, (t.numel(),))
    except RuntimeError as error:
        fail(call, "behaviour", "None", f"RuntimeError: {str(error)[:80]}",
             "view() raises RuntimeError when no view exists: catch that error and return None")
    before.check(call)
    check_equal(got, None, call=call, what="result",
                misconception="flattening a transpose needs a copy, so no view exists: return None, not a copy "
                "and not t itself")


def shares(t: torch.Tensor, label: str) -> list[tuple[torch.Tensor, torch.Tensor, bool, str]]:
    """Pairs (a, b, expected, text) around a tensor t with at least two rows."""
    flat, rest = t.reshape(-1), t[1:]
    return [
        (t, t, True, f"{label}, {label}"),
        (t, flat, True, f"{label}, {label}.reshape(-1)"),
        (flat, t, True, f"{label}.reshape(-1), {label}"),
        (t, rest, True, f"{label}, {label}[1:]"),
        (rest, t, True, f"{label}[1:], {label}"),
        (t[:1], rest, True, f"{label}[:1], {label}[1:] (slices that do not overlap)"),
        (flat[1:], rest, True, f"{label}.reshape(-1)[1:], {label}[1:]"),
        (t, t.detach(), True, f"{label}, {label}.detach() (the same memory, not a view)"),
        (t, t.detach().clone(), False, f"{label}, {label}.clone()"),
        (t.detach().clone(), t, False, f"{label}.clone(), {label}"),
    ]


@given(array=float_arrays(min_dims=1, max_dims=2, min_side=2))
@example(array=np.arange(6, dtype=np.float32).reshape(2, 3))
def test_shares_storage_tells_views_and_slices_from_copies(kata, array):
    t = to_torch(array)
    grad = to_torch(array).requires_grad_()
    for a, b, expected, text in shares(t, "t") + shares(grad, "g (requires grad)"):
        call = f"shares_storage({text})"
        got = kata.shares_storage(a, b)
        check_equal(got, expected, call=call, what="answer",
                    misconception="return a bool: compare the storages (x.untyped_storage().data_ptr()) of both, "
                    "not where each tensor starts (a slice starts later in the same memory), not the values, "
                    "not ._base, and in either order" if type(got) is bool else
                    "return True or False (a bool), not 1/0 or a tensor")
