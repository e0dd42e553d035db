"""Tests of kata autograd/custom_function.

Cube: the forward in float32 and float64 (x's dtype kept, x unchanged), torch's gradcheck, and
the chain rule with an upstream gradient that is not all ones (``y.backward(g)``, g unchanged),
pinned at 0 and negative x, computed by Cube's own backward (y.grad_fn is its node). The
straight-through round: half-way values (round half to even), float32 and float64, and an
upstream gradient that is neither ones nor integers nor small.
"""

from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf
import torch
from hypothesis import example, given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe, fail, message_line
from katas._support.strategies import arrays, float_arrays, shapes, to_torch

CHAIN_RULE = ("backward gets dL/dy (any values, not only ones); return dL/dx = grad_output * 3 * x**2 element by "
              "element: not summed or averaged, with x itself (ctx.save_for_backward(x) in forward), not y")
IN_PLACE = "compute out of place (x ** 3, grad_output * ...): pow_ / mul_ overwrite the caller's tensor"
PASS_THROUGH = ("straight-through: grad_fn(upstream) returns upstream unchanged: not ones, not zeros, not "
                "rounded, not masked where |x| > 1, not multiplied by x")
HALF_WAY = np.array([0.5, 1.5, 2.5, -0.5, -2.5, 3.5, 0.49, -1.51])


@given(x=float_arrays(max_dims=3))
@example(x=np.array([-2.0, -0.5, 0.0, 1.5, 3.0], dtype=np.float32))
def test_cube_forward_is_x_cubed(kata, x):
    t = to_torch(x)
    call = f"Cube.apply({describe(x)})"
    got = kata.Cube.apply(t)
    check_tensor(got, x**3, framework="torch", call=call, rtol=1e-5, atol=1e-4,
                 misconception="forward returns x ** 3 with x's dtype (torch.pow(x, 3), not torch.pow(3, x); "
                 "no .double())")
    check_tensor(t, x, framework="torch", call=f"{call}: x after the call", rtol=0, atol=0, misconception=IN_PLACE)


# gradcheck is slow (it builds the whole Jacobian twice): two pinned inputs; the chain-rule test
# below draws the random ones
@pytest.mark.parametrize("x", [torch.linspace(-2, 2, 5, dtype=torch.float64),  # 0 and negative values
                               torch.linspace(-1.9, 2.3, 12, dtype=torch.float64).reshape(3, 4)],
                         ids=["with_zero", "2d"])
def test_cube_passes_gradcheck(kata, x):
    x = x.clone().requires_grad_(True)
    try:
        torch.autograd.gradcheck(kata.Cube.apply, (x,))
    except NotImplementedError:  # a RuntimeError too: let the untouched stub say TODO
        raise
    except RuntimeError as error:  # torch.autograd.gradcheck.GradcheckError
        call = f"torch.autograd.gradcheck(Cube.apply, x={x.detach().tolist()})"
        # the numbers behind gradcheck's verdict: the gradient of sum(Cube(x)) against 3x²
        (gradient,) = torch.autograd.grad(kata.Cube.apply(x).sum(), x)
        check_tensor(gradient, 3 * x.detach() ** 2, framework="torch", call=f"{call}: the gradient of sum(Cube(x))",
                     rtol=1e-6, atol=1e-8, misconception=CHAIN_RULE)
        fail(call, "gradient", "the numerical gradient", message_line(error, None), CHAIN_RULE)


@st.composite
def points_and_upstreams(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    shape = draw(shapes(min_dims=0, max_dims=2), label="shape")
    return (draw(arrays("float64", shape, bound=3), label="x"),
            draw(arrays("float64", shape, bound=3), label="upstream gradient g"))


@given(case=points_and_upstreams())
@example(case=(np.array([[-2.0, 0.0, 1.5], [0.5, -1.0, 2.0]]), np.array([[0.3, -2.0, 5.0], [1.0, 0.25, -0.7]])))
def test_cube_backward_applies_the_chain_rule(kata, case):
    x, g = case
    t, upstream = to_torch(x, requires_grad=True), to_torch(g)
    call = f"Cube.apply(x).backward(g) for x={x.tolist()}, g={g.tolist()}"
    y = kata.Cube.apply(t)
    node = getattr(kata.Cube, "_backward_cls", None)  # the graph node class of a torch.autograd.Function
    if node is None or not isinstance(y.grad_fn, node):
        fail(call, "graph node of y (y.grad_fn), which computes x.grad", "Cube's own backward (CubeBackward)",
             type(y.grad_fn).__name__, "Cube is a torch.autograd.Function with a hand-written backward, used as "
             "Cube.apply(x): autograd calls your backward; x ** 3 computed where autograd records it gets "
             "autograd's own gradient (PowBackward0) instead")
    y.backward(upstream)
    if t.grad is None:
        fail(call, "x.grad", "a tensor", None, "return the gradient from backward; forward must use the input x")
    check_tensor(t.grad, 3 * x**2 * g, framework="torch", rtol=1e-9, atol=1e-9, call=call, misconception=CHAIN_RULE)
    check_tensor(upstream, g, framework="torch", call=f"{call}: g after the call", rtol=0, atol=0,
                 misconception=IN_PLACE)
    check_tensor(t.detach(), x, framework="torch", call=f"{call}: x after the call", rtol=0, atol=0,
                 misconception=IN_PLACE)


@st.composite
def rounding_cases(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    dtype = draw(st.sampled_from(["float32", "float64"]), label="dtype")
    shape = draw(shapes(max_dims=2), label="shape")
    return (draw(arrays(dtype, shape, bound=5), label="x"), draw(arrays(dtype, shape, bound=3), label="upstream"))


@given(case=rounding_cases())
@example(case=(HALF_WAY.astype(np.float32), np.array([0.3, -2.0, 5.0, 0.7, -0.1, 2.5, -3.0, 1.0], np.float32)))
@example(case=(np.array([[0.4, 1.6], [-3.7, 4.2]]), np.array([[1.0, 0.5], [-1.25, 2.0]])))
def test_tf_round_straight_through(kata, case):
    x, upstream = case
    variable = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = kata.tf_round_straight_through(variable)
    call = f"tf_round_straight_through({describe(x)}: {x.tolist()})"
    check_tensor(y, np.round(x), framework="tensorflow", call=call,
                 misconception="the forward pass is tf.round(x), with x's dtype: half-way values go to the even "
                 "neighbour (tf.floor(x + 0.5) rounds them up), no cast to int")
    gradient = tape.gradient(y, variable, output_gradients=tf.constant(upstream))
    call = f"{call} under a GradientTape, upstream gradient {upstream.tolist()}"
    check_equal(gradient is None, False, call=call, what="gradient is None",
                misconception="tf.round has no gradient: decorate with @tf.custom_gradient and return (y, grad_fn)")
    check_tensor(gradient, upstream, framework="tensorflow", call=call, rtol=1e-6, atol=1e-30,
                 misconception=PASS_THROUGH)
