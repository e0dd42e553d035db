"""Meta-tests of the shared strategies (katas/_support/strategies.py)."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from katas._support import strategies as S
from tests.conftest import needs


@given(shape=S.shapes(min_dims=1, max_dims=4, distinct=True))
def test_distinct_shapes_have_distinct_sides(shape):
    assert len(set(shape)) == len(shape)
    assert 1 <= len(shape) <= 4


@given(data=st.data())
def test_reshape_targets_keep_the_number_of_elements(data):
    shape = data.draw(S.shapes(max_dims=4, max_side=6))
    target = data.draw(S.reshape_targets(shape))
    assert math.prod(target) == math.prod(shape)
    np.zeros(shape).reshape(target)  # NumPy agrees the shapes are compatible


@given(shapes=S.broadcastable_shapes(2))
def test_broadcastable_shapes_broadcast_to_the_stated_result(shapes):
    a, b, result = shapes
    assert np.broadcast_shapes(a, b) == result


@given(shapes=S.incompatible_shapes())
def test_incompatible_shapes_do_not_broadcast(shapes):
    with pytest.raises(ValueError):
        np.broadcast_shapes(*shapes)


@given(dtype=S.float_dtypes("mps"))
def test_no_float64_on_mps(dtype):
    assert dtype == np.float32


@given(array=S.float_arrays(max_dims=3))
def test_arrays_are_finite_and_bounded(array):
    assert np.isfinite(array).all() and (abs(array) <= 10).all()


@given(array=S.float_arrays(min_dims=0, max_dims=3))
def test_to_torch_keeps_values_dtype_and_shape_and_copies(array):
    t = S.to_torch(array)
    assert tuple(t.shape) == array.shape and str(t.dtype) == f"torch.{array.dtype.name}"
    np.testing.assert_array_equal(t.numpy(), array)
    assert not np.shares_memory(t.numpy(), array)


@needs("tensorflow")
@given(array=S.float_arrays(min_dims=0, max_dims=3))
def test_to_tf_keeps_values_dtype_and_shape(array):
    t = S.to_tf(array)
    assert tuple(t.shape) == array.shape and t.dtype.name == array.dtype.name
    np.testing.assert_array_equal(t.numpy(), array)
    assert t.device.endswith("CPU:0")


@given(poly=S.polynomials(), w=S.points())
def test_polynomial_derivative_matches_numpy(poly, w):
    expected = np.polyval(np.polyder(np.array(poly.coefficients[::-1])), w)
    assert math.isclose(poly.derivative(w), expected, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(poly(w), np.polyval(np.array(poly.coefficients[::-1]), w), rel_tol=1e-9, abs_tol=1e-9)


def test_tf_device_names():
    assert S.tf_device_name("cpu") == "/CPU:0" and S.tf_device_name("cuda") == "/GPU:0"
    # the tf_device fixture's own strings pass through, so to_tf(x, tf_device) places x there
    assert S.tf_device_name("/GPU:0") == "/GPU:0" and S.tf_device_name("/CPU:0") == "/CPU:0"
