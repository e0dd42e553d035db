"""Tests of kata tensors/dense."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import FRAMEWORKS, arrays, float_dtypes, pick, shapes, to_framework, to_tf, to_torch

DENSE = "x @ W + b with W of shape (in, out): one output per column of W, plus the bias"


@st.composite
def layer_inputs(draw, device="cpu"):
    """x (..., in), W (in, out), b (out,), with in != out so a transposed W cannot pass."""
    dtype = draw(float_dtypes(device), label="dtype")
    batch = draw(shapes(min_dims=1, max_dims=2), label="batch dims")
    n_in, n_out = draw(shapes(min_dims=2, max_dims=2, distinct=True), label="(in, out)")
    x = draw(arrays(dtype, (*batch, n_in)), label="x")
    return x, draw(arrays(dtype, (n_in, n_out)), label="W"), draw(arrays(dtype, (n_out,)), label="b")


@st.composite
def mismatched_inputs(draw):
    n_in, other, n_out = draw(shapes(min_dims=3, max_dims=3, distinct=True), label="(in, other in, out)")
    return (draw(arrays("float32", (2, n_in)), label="x"), draw(arrays("float32", (other, n_out)), label="W"),
            draw(arrays("float32", (n_out,)), label="b"))


def tolerance(x):
    return {"rtol": 1e-4, "atol": 1e-3} if x.dtype.itemsize == 4 else {"rtol": 1e-9, "atol": 1e-9}


@given(data=st.data())
def test_dense_matches_numpy(kata, device, data):
    x, W, b = data.draw(layer_inputs(device))
    got = kata.dense(to_torch(x, device), to_torch(W, device), to_torch(b, device))
    check_tensor(got, x @ W + b, framework="torch", device=device, **tolerance(x), misconception=DENSE,
                 call=f"dense({describe(x)}, {describe(W)}, {describe(b)})")


@given(data=st.data())
def test_tf_dense_matches_numpy_on_its_device(kata, tf_device, data):
    x, W, b = data.draw(layer_inputs())
    got = kata.tf_dense(to_tf(x, tf_device), to_tf(W, tf_device), to_tf(b, tf_device))
    check_tensor(got, x @ W + b, framework="tensorflow", device="gpu" if "GPU" in tf_device else "cpu",
                 **tolerance(x), misconception=DENSE, call=f"tf_dense({describe(x)}, {describe(W)}, {describe(b)})")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(inputs=mismatched_inputs())
def test_shape_mismatch_raises_value_error_naming_both_shapes(kata, framework, inputs):
    x, W, b = inputs
    with pytest.raises(ValueError) as raised:
        pick(kata, "dense", framework)(*(to_framework(framework, a) for a in inputs))
    for name, shape in (("x", x.shape), ("W", W.shape)):
        check_equal(str(shape) in str(raised.value), True, call=f"dense with x {x.shape} and W {W.shape}",
                    what=f"error message names the shape of {name}, {shape}",
                    misconception="check x.shape[-1] == W.shape[0] first and raise "
                    "ValueError(f'... {tuple(x.shape)} ... {tuple(W.shape)}')")
