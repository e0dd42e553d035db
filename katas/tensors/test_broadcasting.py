"""Tests of kata tensors/broadcasting."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import (
    arrays, broadcastable_shapes, float_dtypes, incompatible_shapes, shapes, to_tf, to_torch,
)


@st.composite
def rows_and_bias(draw, device="cpu"):
    """x of shape (N, F) and b of shape (F,), N != F so a column-wise bias cannot pass."""
    dtype = draw(float_dtypes(device), label="dtype")
    n, f = draw(shapes(min_dims=2, max_dims=2, min_side=2, distinct=True), label="(N, F)")
    return draw(arrays(dtype, (n, f)), label="x"), draw(arrays(dtype, (f,)), label="b")


@given(data=st.data())
def test_add_bias_adds_to_every_row(kata, device, data):
    x, b = data.draw(rows_and_bias(device))
    got = kata.add_bias(to_torch(x, device), to_torch(b, device))
    check_tensor(got, x + b, framework="torch", device=device, call=f"add_bias({describe(x)}, {describe(b)})",
                 misconception="b has one value per column (F of them); x + b adds it to every row")


@given(data=st.data())
def test_tf_add_bias_adds_to_every_row(kata, tf_device, data):
    x, b = data.draw(rows_and_bias())
    got = kata.tf_add_bias(to_tf(x, tf_device), to_tf(b, tf_device))
    check_tensor(got, x + b, framework="tensorflow", call=f"tf_add_bias({describe(x)}, {describe(b)})",
                 misconception="b has one value per column (F of them); x + b adds it to every row")


@given(shapes=broadcastable_shapes(2))
def test_broadcast_shape_matches_numpy(kata, shapes):
    a, b, expected = shapes
    check_equal(kata.broadcast_shape(a, b), expected, call=f"broadcast_shape({a}, {b})", what="shape",
                misconception="compare sides from the right; a missing side counts as 1; the result is a tuple")


@given(shapes=incompatible_shapes())
def test_incompatible_shapes_raise_value_error_naming_both(kata, shapes):
    a, b = shapes
    with pytest.raises(ValueError) as raised:
        kata.broadcast_shape(a, b)
    for shape in (a, b):
        check_equal(str(shape) in str(raised.value), True, call=f"broadcast_shape({a}, {b})",
                    what=f"error message names {shape}", misconception="say which shapes clash: "
                    f"for example ValueError(f'shapes {{a}} and {{b}} do not broadcast')")
