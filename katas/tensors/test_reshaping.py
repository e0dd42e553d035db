"""Tests of kata tensors/reshaping."""

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import FRAMEWORKS, float_arrays, pick, reshape_targets, shapes, to_framework, to_torch


def test_eight_by_three_to_four_by_six(kata):
    """The quest's novice challenge."""
    t = torch.arange(24).reshape(8, 3)
    check_tensor(kata.reshape_to(t, (4, 6)), np.arange(24).reshape(4, 6), framework="torch",
                 call="reshape_to(arange(24) as (8, 3), (4, 6))",
                 misconception="reshape keeps the row-major order of the values; only the shape changes")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(data=st.data())
def test_reshape_to_any_compatible_shape(kata, framework, data):
    array = data.draw(float_arrays(max_dims=3), label="array")
    target = data.draw(reshape_targets(array.shape), label="target shape")
    got = pick(kata, "reshape_to", framework)(to_framework(framework, array), target)
    check_tensor(got, array.reshape(target), framework=framework, call=f"reshape_to({describe(array)}, {target})",
                 misconception="the result has exactly the target shape, values in row-major order")


@given(data=st.data())
def test_reshape_to_works_on_a_transposed_tensor(kata, data):
    array = data.draw(float_arrays(min_dims=2, max_dims=2, min_side=2, distinct=True), label="array")
    target = data.draw(reshape_targets(array.shape), label="target shape")
    t = to_torch(array).T  # non-contiguous
    check_tensor(kata.reshape_to(t, target), array.T.reshape(target), framework="torch",
                 call=f"reshape_to(a transposed {tuple(t.shape)} tensor, {target})",
                 misconception="view() needs a contiguous tensor; reshape() copies when it has to")


@given(data=st.data())
def test_try_view_shares_storage_with_a_contiguous_tensor(kata, data):
    array = data.draw(float_arrays(max_dims=3), label="array")
    target = data.draw(reshape_targets(array.shape), label="target shape")
    t = to_torch(array)
    got = kata.try_view(t, target)
    call = f"try_view({describe(t)}, {target})"
    check_tensor(got, array.reshape(target), framework="torch", call=call,
                 misconception="a contiguous tensor can always be viewed with a compatible shape")
    check_equal(got.untyped_storage().data_ptr() == t.untyped_storage().data_ptr(), True, call=call,
                what="storage shared with the input", misconception="a view is the same memory: no clone, no copy")


@given(array=float_arrays(min_dims=2, max_dims=2, min_side=2))
def test_try_view_of_a_transposed_tensor_is_none(kata, array):
    t = to_torch(array).T
    got = kata.try_view(t, (t.numel(),))
    check_equal(got, None, call=f"try_view(a transposed {tuple(t.shape)} tensor, ({t.numel()},))",
                what="result", misconception="flattening a transpose needs a copy, so no view exists: "
                "catch the RuntimeError from view() and return None")


@given(array=float_arrays(min_dims=1, max_dims=2, min_side=2))
def test_shares_storage_tells_views_and_slices_from_copies(kata, array):
    t = to_torch(array)
    for other, expected, what in [(t.reshape(-1), True, "t.reshape(-1)"), (t[1:], True, "t[1:]"),
                                  (t.clone(), False, "t.clone()")]:
        check_equal(kata.shares_storage(t, other), expected, call=f"shares_storage(t, {what})",
                    what="answer", misconception="compare the storages (t.untyped_storage().data_ptr()), "
                    "not where each tensor starts: a slice starts later in the same memory")
