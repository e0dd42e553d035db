"""Tests of kata tensors/creating."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe, dtype_name, fail
from katas._support.strategies import FRAMEWORKS, arrays, framework_dtype, pick, shapes, to_torch

DTYPES = ["float32", "float64", "int32", "int64"]


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(data=st.data())
def test_from_nested_keeps_values_shape_and_dtype(kata, framework, data):
    dtype = data.draw(st.sampled_from(DTYPES), label="dtype")
    array = data.draw(arrays(dtype, shapes(max_dims=3)), label="array")
    got = pick(kata, "from_nested", framework)(array.tolist(), framework_dtype(framework, dtype))
    check_tensor(got, array, framework=framework, call=f"from_nested({array.tolist()}, {dtype})",
                 misconception="pass dtype= explicitly; the inferred dtype of [1, 2] is int64, of [1.0] float32")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("kind", ["zeros", "ones"])
@given(shape=shapes(min_dims=0, max_dims=4))
def test_filled_constant_kinds(kata, framework, kind, shape):
    got = pick(kata, "filled", framework)(kind, shape)
    expected = np.zeros(shape, np.float32) if kind == "zeros" else np.ones(shape, np.float32)
    check_tensor(got, expected, framework=framework, call=f"filled({kind!r}, {shape})",
                 misconception="torch.zeros(shape) / torch.ones(shape) take the whole shape tuple")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(shape=shapes(min_dims=1, max_dims=3, min_side=4, max_side=8))
def test_filled_rand_is_uniform_in_zero_one(kata, framework, shape):
    got = pick(kata, "filled", framework)("rand", shape)
    call = f"filled('rand', {shape})"
    check_equal(tuple(got.shape), shape, call=call, what="shape")
    check_equal(dtype_name(got), "float32", call=call, what="dtype")
    values = np.asarray(got)
    if values.min() < 0 or values.max() >= 1:
        fail(call, "range", "all values in [0, 1)", f"values from {values.min():.3f} to {values.max():.3f}",
             "rand draws uniformly from [0, 1); randn draws from a normal distribution")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_filled_refuses_an_unknown_kind(kata, framework):
    with pytest.raises(ValueError, match="empty"):
        pick(kata, "filled", framework)("empty", (2, 2))


@given(array=st.sampled_from(DTYPES).flatmap(lambda d: arrays(d, shapes(min_dims=0, max_dims=4))))
def test_shape_and_dtype_are_plain_python_values(kata, array):
    t = to_torch(array)
    got = kata.shape_and_dtype(t)
    check_equal(got, (array.shape, array.dtype.name), call=f"shape_and_dtype({describe(t)})",
                what="(shape, dtype)",
                misconception="tuple(t.shape) gives plain ints; str(t.dtype) is 'torch.float32', so strip the 'torch.'")
