"""Tests of kata tensors/reductions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_tensor, describe
from katas._support.strategies import FRAMEWORKS, float_arrays, pick, to_framework, to_torch

# distinct sides: reducing the wrong dimension always gives the wrong shape
TABLES = {"min_dims": 2, "max_dims": 3, "min_side": 2, "distinct": True}


def tolerance(x):
    return {"rtol": 1e-5, "atol": 1e-5} if x.dtype.itemsize == 4 else {"rtol": 1e-12, "atol": 1e-12}


@given(data=st.data())
def test_column_means_on_device(kata, device, data):
    x = data.draw(float_arrays(device, **TABLES), label="x")
    got = kata.column_means(to_torch(x, device))
    check_tensor(got, x.mean(axis=0), framework="torch", device=device, call=f"column_means({describe(x)})",
                 misconception="column means average down dim 0: x.mean(dim=0)", **tolerance(x))


@given(x=float_arrays(**TABLES))
def test_tf_column_means(kata, x):
    got = kata.tf_column_means(to_framework("tensorflow", x))
    check_tensor(got, x.mean(axis=0), framework="tensorflow", call=f"tf_column_means({describe(x)})",
                 misconception="tf.reduce_mean(x, axis=0): without axis it averages everything", **tolerance(x))


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(data=st.data())
def test_means_keepdim_keeps_a_side_of_one(kata, framework, data):
    x = data.draw(float_arrays(**TABLES), label="x")
    dim = data.draw(st.integers(-x.ndim, x.ndim - 1), label="dim")
    got = pick(kata, "means_keepdim", framework)(to_framework(framework, x), dim)
    check_tensor(got, x.mean(axis=dim, keepdims=True), framework=framework, **tolerance(x),
                 call=f"means_keepdim({describe(x)}, dim={dim})",
                 misconception="keepdim=True (torch) / keepdims=True (TensorFlow) leaves a side of 1")
