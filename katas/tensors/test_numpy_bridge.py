"""Tests of kata tensors/numpy_bridge."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, check_values, describe, fail
from katas._support.strategies import float_arrays, to_tf, to_torch


@given(x=float_arrays(max_dims=3), requires_grad=st.booleans())
def test_to_numpy_from_any_device_and_graph(kata, device, x, requires_grad):
    t = to_torch(x, device, requires_grad=requires_grad)
    got = kata.to_numpy(t)
    call = f"to_numpy({describe(t)}, requires_grad={requires_grad})"
    if not isinstance(got, np.ndarray):
        fail(call, "type", "numpy.ndarray", describe(got), "t.detach().cpu().numpy()")
    check_equal(got.dtype, x.dtype, call=call, what="dtype")
    check_values(got, x, call=call, misconception="t.detach().cpu().numpy() works for every tensor")


@given(x=float_arrays(max_dims=3), value=st.floats(-5, 5))
def test_from_numpy_shared_sees_later_writes(kata, x, value):
    t = kata.from_numpy_shared(x)
    x.flat[0] = value
    check_tensor(t, x, framework="torch", call=f"from_numpy_shared({describe(x)}), then a[0] = {value}",
                 misconception="torch.from_numpy(a) shares memory with a; torch.tensor(a) copies")


@given(x=float_arrays(max_dims=3), requires_grad=st.booleans())
def test_torch_to_tf_keeps_values_dtype_and_shape(kata, x, requires_grad):
    t = to_torch(x, requires_grad=requires_grad)
    check_tensor(kata.torch_to_tf(t), x, framework="tensorflow",
                 call=f"torch_to_tf({describe(t)}, requires_grad={requires_grad})",
                 misconception="go through NumPy: tf.constant(t.detach().cpu().numpy())")


@given(x=float_arrays(max_dims=3))
def test_tf_to_torch_keeps_values_dtype_and_shape(kata, x):
    check_tensor(kata.tf_to_torch(to_tf(x)), x, framework="torch", call=f"tf_to_torch({describe(x)})",
                 misconception="go through NumPy: torch.from_numpy(x.numpy())")
