"""Tests of kata autograd/custom_function."""

import numpy as np
import tensorflow as tf
import torch
from hypothesis import given

from katas._support.checks import check_equal, check_tensor, describe, fail
from katas._support.strategies import arrays, float_arrays, shapes, to_torch

CHAIN_RULE = ("backward gets dL/dy; return dL/dx = grad_output * 3 * x**2 "
              "(save x with ctx.save_for_backward in forward)")


@given(x=float_arrays(max_dims=3))
def test_cube_forward_is_x_cubed(kata, x):
    got = kata.Cube.apply(to_torch(x))
    check_tensor(got, x**3, framework="torch", call=f"Cube.apply({describe(x)})", rtol=1e-5, atol=1e-4,
                 misconception="forward returns x ** 3")


@given(shape=shapes(max_dims=2, max_side=4), data=arrays("float64", (1,)))
def test_cube_passes_gradcheck(kata, shape, data):
    x = torch.linspace(-2, 2, int(np.prod(shape)), dtype=torch.float64).reshape(shape) + float(data[0]) / 10
    x.requires_grad_(True)
    try:
        torch.autograd.gradcheck(kata.Cube.apply, (x,))
    except NotImplementedError:  # a RuntimeError too: let the untouched stub say TODO
        raise
    except RuntimeError as error:  # torch.autograd.gradcheck.GradcheckError
        fail(f"torch.autograd.gradcheck(Cube.apply, {describe(x)})", "gradient",
             "the numerical gradient", str(error).splitlines()[0], CHAIN_RULE)


@given(x=arrays("float64", shapes(max_dims=2), bound=3), upstream=arrays("float64", (1,), bound=3))
def test_cube_backward_scales_the_upstream_gradient(kata, x, upstream):
    t = to_torch(x, requires_grad=True)
    (kata.Cube.apply(t) * float(upstream[0])).sum().backward()
    check_tensor(t.grad, 3 * x**2 * upstream[0], framework="torch", rtol=1e-9, atol=1e-9,
                 call=f"(Cube.apply(x) * {upstream[0]:g}).sum().backward() for {describe(x)}",
                 misconception=CHAIN_RULE)


@given(x=arrays("float32", shapes(max_dims=2), bound=5), weights=arrays("float32", (1,), bound=3))
def test_tf_round_straight_through(kata, x, weights):
    variable = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = kata.tf_round_straight_through(variable)
        loss = tf.reduce_sum(y * weights[0])
    call = f"tf_round_straight_through({describe(x)})"
    check_tensor(y, np.round(x), framework="tensorflow", call=call, misconception="the forward pass is tf.round(x)")
    gradient = tape.gradient(loss, variable)
    check_equal(gradient is None, False, call=call, what="gradient is None",
                misconception="tf.round has no gradient: decorate with @tf.custom_gradient and return (y, grad_fn)")
    check_tensor(gradient, np.full_like(x, weights[0]), framework="tensorflow", call=call + " under a GradientTape",
                 misconception="straight-through: grad_fn(upstream) returns upstream unchanged")
