"""Tests of kata tensors/creating.

Values are compared exactly: a tensor built "with the values of data" holds those values, not
values rounded through float32 on the way.
"""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, check_values, describe, dtype_name, expect_error, fail
from katas._support.strategies import FRAMEWORKS, arrays, framework_dtype, pick, require, shapes, to_torch

DTYPES = ["float32", "float64", "int32", "int64"]
DTYPE_MISCONCEPTION = "pass dtype= explicitly; the inferred dtype of [1, 2] is int64, of [1.0] float32"

#: data whose values float32 (and for int64, float64) cannot hold: built through it and cast, they come out rounded
WIDE = [
    ([[0.1, 1 / 3], [2.0**-30, 1e300]], "float64"),
    ([2**40 + 1, -(2**53) + 1, 16_777_217, 2**53 + 1, 2**63 - 1], "int64"),  # the last two: not even float64
    ([[2_147_483_647], [-2_147_483_647]], "int32"),
]


def check_is_tensor(got, framework, *, call, misconception=""):
    """A real tensor of ``framework``: torch.Tensor, or tf.Tensor (a tf.Variable is not one)."""
    __tracebackhide__ = True
    if framework == "torch":
        import torch

        ok, wanted = isinstance(got, torch.Tensor), "a torch.Tensor"
    else:
        import tensorflow as tf

        ok, wanted = isinstance(got, tf.Tensor), "a tf.Tensor (tf.constant / tf.convert_to_tensor; not a tf.Variable)"
    if not ok:
        fail(call, "type", wanted, f"{type(got).__module__}.{type(got).__qualname__} ({describe(got)})",
             misconception or "return the framework's tensor itself, not a NumPy array or a variable")


def check_nested(kata, framework, data, dtype):
    __tracebackhide__ = True
    call = f"{'from_nested' if framework == 'torch' else 'tf_from_nested'}({data}, {dtype})"
    got = pick(kata, "from_nested", framework)(data, framework_dtype(framework, dtype))
    check_is_tensor(got, framework, call=call)
    check_tensor(got, np.array(data, dtype=dtype), framework=framework, call=call, rtol=0, atol=0,
                 misconception=DTYPE_MISCONCEPTION if dtype_name(got) != dtype else
                 "build the tensor in the asked dtype directly (torch.tensor(data, dtype=...), tf.constant("
                 "data, dtype=...)): built as float32 first and cast afterwards, 0.1 and 2**40 + 1 come out rounded")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(data=st.data())
@example(data=None)  # pinned: int64 of shape (2, 3), negative values included
def test_from_nested_keeps_values_shape_and_dtype(kata, framework, data):
    if data is None:
        dtype, array = "int64", np.arange(-3, 3, dtype=np.int64).reshape(2, 3)
    else:
        dtype = data.draw(st.sampled_from(DTYPES), label="dtype")
        array = data.draw(arrays(dtype, shapes(max_dims=3)), label="array")
    check_nested(kata, framework, array.tolist(), dtype)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_from_nested_is_exact_beyond_float32(kata, framework):
    for data, dtype in WIDE:
        check_nested(kata, framework, data, dtype)


def check_filled(kata, framework, kind, shape):
    __tracebackhide__ = True
    call = f"{'filled' if framework == 'torch' else 'tf_filled'}({kind!r}, {shape})"
    got = pick(kata, "filled", framework)(kind, shape)
    check_is_tensor(got, framework, call=call)
    check_equal(dtype_name(got), "float32", call=call, what="dtype",
                misconception="every kind is float32: ask for dtype=float32 (NumPy's zeros/rand give float64; "
                              "ones are not integers)")
    check_equal(tuple(int(side) for side in got.shape), tuple(shape), call=call, what="shape",
                misconception="torch.zeros(shape) / tf.zeros(shape) take the whole shape tuple; () is a 0-d tensor")
    return call, np.asarray(got)


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("kind", ["zeros", "ones"])
@given(shape=shapes(min_dims=0, max_dims=4))
@example(shape=())
def test_filled_constant_kinds(kata, framework, kind, shape):
    try:
        call, values = check_filled(kata, framework, kind, shape)
    except TypeError as error:
        fail(f"filled({kind!r}, {shape})", "behaviour", f"a tensor of shape {shape}", f"TypeError: {error}",
             "pass the shape tuple itself (torch.zeros(shape)): torch.zeros(*shape) breaks for the 0-d shape ()")
    expected = np.zeros(shape, np.float32) if kind == "zeros" else np.ones(shape, np.float32)
    check_values(values, expected, call=call, rtol=0, atol=0, misconception="zeros are all 0.0 and ones all 1.0")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(shape=shapes(min_dims=1, max_dims=3, min_side=4, max_side=8))
@example(shape=(40, 50))
@example(shape=())  # a 0-d tensor: torch.rand(*shape) is torch.rand() with no size
def test_filled_rand_is_uniform_in_zero_one(kata, framework, shape):
    call, values = check_filled(kata, framework, "rand", shape)
    if values.min() < 0 or values.max() >= 1:
        fail(call, "range", "all values in [0, 1)", f"values from {values.min():.3f} to {values.max():.3f}",
             "rand draws uniformly from [0, 1) (tf.random.uniform's default range); randn draws from a "
             "normal distribution")
    if values.size >= 1000 and not 0.45 < values.mean() < 0.55:
        fail(call, "mean of 2000 uniform values", "about 0.5", f"{values.mean():.3f}",
             "rand draws uniformly from the whole of [0, 1)")


def global_seed(framework):
    """The seed the framework's global generator was last given (TensorFlow: None if never); the
    test is skipped where the framework is not installed, as its half of the kata is."""
    require(framework)
    if framework == "torch":
        import torch

        return torch.initial_seed()
    import tensorflow as tf

    return tf.compat.v1.get_seed(None)[0]


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_filled_rand_gives_fresh_values_each_call(kata, framework):
    seed = global_seed(framework)
    first = check_filled(kata, framework, "rand", (4, 5))[1]
    call, second = check_filled(kata, framework, "rand", (4, 5))
    if global_seed(framework) != seed:
        fail(call, "the global generator's seed afterwards", f"{seed}, as before the call",
             f"{global_seed(framework)}: filled seeded it",
             "do not seed the generator inside the function (torch.manual_seed / tf.random.set_seed), not even "
             "with a new seed each call: that resets everyone else's random state")
    if np.array_equal(first, second):
        fail(call + ", called twice", "values", "different random values on each call", "the same values twice",
             "do not seed the generator inside the function (torch.manual_seed / tf.random.set_seed): that "
             "repeats the same 'random' values and resets everyone else's random state")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_filled_refuses_an_unknown_kind(kata, framework):
    name = "filled" if framework == "torch" else "tf_filled"
    for kind in ["empty", "Zeros", "RAND", "one"]:
        with expect_error(ValueError, call=f"{name}({kind!r}, (2, 2))", mentioning=(kind,),
                          misconception="check the kind against exactly 'zeros', 'ones', 'rand' (no case folding) "
                                        "and raise ValueError(f'unknown kind {kind!r}'): a dict lookup raises "
                                        "KeyError, a fallback returns a tensor"):
            pick(kata, "filled", framework)(kind, (2, 2))


SHAPE_MISCONCEPTION = ("tuple(t.shape) gives plain ints; str(t.dtype) is 'torch.float32', so strip the 'torch.' "
                       "(it works for every dtype, unlike a table or a detour through NumPy)")


def check_shape_and_dtype(kata, t, shape, name):
    __tracebackhide__ = True
    call = f"shape_and_dtype({describe(t)}{', requires_grad' if t.requires_grad else ''})"
    got = kata.shape_and_dtype(t)
    check_equal(got, (shape, name), call=call, what="(shape, dtype)", misconception=SHAPE_MISCONCEPTION)
    sides = [type(side).__name__ for side in got[0] if type(side) is not int]
    if sides:
        fail(call, "type of the shape's sides", "int", sides[0], SHAPE_MISCONCEPTION)


@given(array=st.sampled_from(DTYPES).flatmap(lambda d: arrays(d, shapes(min_dims=0, max_dims=4))))
@example(array=np.zeros((2, 1, 3), dtype=np.int32))
@example(array=np.array(1.5, dtype=np.float64))  # a scalar: shape ()
def test_shape_and_dtype_are_plain_python_values(kata, array):
    check_shape_and_dtype(kata, to_torch(array), array.shape, array.dtype.name)


def test_shape_and_dtype_of_any_tensor(kata):
    require("torch")  # shape_and_dtype is the PyTorch half: skipped where torch is not installed
    import torch

    cases = [(torch.zeros(3, 2, dtype=getattr(torch, name)), name)
             for name in ["bfloat16", "float16", "bool", "uint8", "complex64"]]
    cases += [(torch.zeros(3, 2, requires_grad=True), "float32"), (torch.zeros(2, 5, dtype=torch.float64).T, "float64")]
    for t, name in cases:
        check_shape_and_dtype(kata, t, tuple(t.shape), name)
