"""Tests of kata tensors/numpy_bridge.

Inputs are float32, float64, int32 and int64, 0-d to 3-D, with sides of 1, so a cast, a squeeze, a
flatten or a transpose fails. A tensor "on a GPU" is also checked where no GPU is: OnGpu is a CPU
tensor whose .device says cuda:0 and whose .numpy() refuses it until .cpu() brings it back, as
torch does for a real GPU tensor.
"""

import numpy as np
import pytest
import tensorflow as tf
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, check_values, describe, fail
from katas._support.strategies import arrays, shapes, to_tf, to_torch

# The pinned examples reject the known mistakes; a quarter of the profile's draws look for others
# and keep --verify (this file once per named mistake and alternative) fast.
FEWER = settings(max_examples=max(10, settings.default.max_examples // 4))

DTYPES = st.sampled_from([np.dtype(name) for name in ("float32", "float64", "int32", "int64")])
ARRAYS = DTYPES.flatmap(lambda dtype: arrays(dtype, shapes(min_dims=0, max_dims=3)))
FLOAT_ARRAYS = st.sampled_from([np.float32, np.float64]).flatmap(lambda dtype: arrays(dtype, shapes(min_dims=0, max_dims=3)))

COLUMN = np.array([[1.5], [-2.0]], dtype=np.float32)  # (2, 1) float32: a squeeze or a float64 copy fails
SCALAR = np.array(2.5)  # 0-d float64
WIDE = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # (2, 3) float64: a transpose or a float32 copy fails
INTS = np.array([[7, -3, 2]], dtype=np.int64)  # (1, 3) int64


class OnGpu(torch.Tensor):
    """A CPU tensor that acts as if it lived on a GPU: .device says cuda:0, and .numpy() (also
    through np.asarray) refuses it, as torch refuses a real GPU tensor, until .cpu() or
    .to('cpu') brings it back. .numpy(force=True) copies it, as torch's does."""

    @property
    def device(self):
        return torch.device("cuda", 0)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        forced = kwargs.get("force", args[1] if len(args) > 1 else False)
        if (func is torch.Tensor.numpy and not forced) or func is torch.Tensor.__array__:
            raise TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the "
                            "tensor to host memory first.")
        result = super().__torch_function__(func, types, args, kwargs)
        to_cpu = func is torch.Tensor.cpu or (
            func is torch.Tensor.to and (device := torch._C._nn._parse_to(*args[1:], **kwargs)[0]) is not None
            and device.type == "cpu")
        return result.as_subclass(torch.Tensor) if to_cpu and isinstance(result, OnGpu) else result


def make_tensor(x, *, device="cpu", requires_grad=False, graph="leaf"):
    """x as a torch tensor on device ('gpu (mocked)' for OnGpu); 'non-leaf' is computed from a leaf."""
    t = to_torch(x, "cpu" if device == "gpu (mocked)" else device)
    if device == "gpu (mocked)":
        t = t.as_subclass(OnGpu)
    if requires_grad:
        t.requires_grad_(True)
        if graph == "non-leaf":
            t = t * 1
    return t


def where(device, requires_grad, graph):
    return f"on {device}" + (f", requires_grad=True, {graph}" if requires_grad else "")


def check_array(got, x, call):
    if not isinstance(got, np.ndarray):
        fail(call, "type", "numpy.ndarray", describe(got),
             "t.detach().cpu().numpy() gives an ndarray, 0-d for a 0-d t (t.item() and t.tolist() do not)")
    check_equal(got.dtype, x.dtype, call=call, what="dtype",
                misconception="t.detach().cpu().numpy() keeps the dtype; a round trip through .tolist() does not")
    check_values(got, x, call=call, misconception="t.detach().cpu().numpy() keeps the shape: do not squeeze or "
                 "flatten")


def check_left_alone(t, x, requires_grad, device, call):
    check_equal(t.requires_grad, requires_grad, call=call, what="t.requires_grad afterwards",
                misconception="detach() gives a tensor outside the graph and leaves t as it was; "
                "t.requires_grad_(False) changes the caller's tensor (and fails for non-leaf tensors)")
    check_equal(t.device.type, "cuda" if device == "gpu (mocked)" else device, call=call, what="t's device afterwards")


@st.composite
def to_numpy_cases(draw):
    x = draw(ARRAYS)
    requires_grad = x.dtype.kind == "f" and draw(st.booleans())
    return x, requires_grad, draw(st.sampled_from(["leaf", "non-leaf"])) if requires_grad else "leaf"


@example(case=(COLUMN, True, "non-leaf"))
@example(case=(SCALAR, True, "leaf"))
@example(case=(INTS, False, "leaf"))
@FEWER
@given(case=to_numpy_cases())
def test_to_numpy_from_any_device_and_graph(kata, device, case):
    x, requires_grad, graph = case
    if device == "mps" and x.dtype == np.float64:
        x = x.astype(np.float32)  # MPS has no float64
    t = make_tensor(x, device=device, requires_grad=requires_grad, graph=graph)
    call = f"to_numpy({describe(t)} {where(device, requires_grad, graph)})"
    check_array(kata.to_numpy(t), x, call)
    check_left_alone(t, x, requires_grad, device, call)


GPU_CASES = [(COLUMN, False, "leaf"), (WIDE, True, "leaf"), (SCALAR, True, "non-leaf")]


@pytest.mark.parametrize(("x", "requires_grad", "graph"), GPU_CASES, ids=["plain", "requires-grad", "non-leaf"])
def test_to_numpy_of_a_gpu_tensor(kata, x, requires_grad, graph):
    t = make_tensor(x, device="gpu (mocked)", requires_grad=requires_grad, graph=graph)
    call = f"to_numpy(torch {x.dtype} {x.shape} {where('a GPU (mocked)', requires_grad, graph)})"
    check_array(kata.to_numpy(t), x, call)
    check_left_alone(t, x, requires_grad, "gpu (mocked)", call)


@pytest.mark.parametrize(("x", "requires_grad", "graph"), GPU_CASES, ids=["plain", "requires-grad", "non-leaf"])
def test_torch_to_tf_of_a_gpu_tensor(kata, x, requires_grad, graph):
    t = make_tensor(x, device="gpu (mocked)", requires_grad=requires_grad, graph=graph)
    call = f"torch_to_tf(torch {x.dtype} {x.shape} {where('a GPU (mocked)', requires_grad, graph)})"
    check_tensor(kata.torch_to_tf(t), x, framework="tensorflow", call=call,
                 misconception="go through NumPy from the CPU: tf.constant(t.detach().cpu().numpy())")


@st.composite
def arrays_in_memory(draw):
    """(a, how): a whole array, or a strided view a[..., ::2] of a larger one."""
    base = draw(ARRAYS)
    how = draw(st.sampled_from(["whole", "strided"])) if base.ndim else "whole"
    return base, how


def laid_out(base, how):
    if how == "whole":
        return base.copy()
    wider = np.zeros((*base.shape[:-1], 2 * base.shape[-1]), dtype=base.dtype)
    wider[..., ::2] = base
    return wider[..., ::2]


@example(case=(WIDE, "strided"), step=1)  # a copy of any kind misses the write
@example(case=(COLUMN, "whole"), step=2)  # float32: .float() keeps sharing here, frombuffer(float64) does not
@example(case=(INTS, "strided"), step=3)
@FEWER
@given(case=arrays_in_memory(), step=st.integers(1, 5))
def test_from_numpy_shared_sees_later_writes(kata, case, step):
    a = laid_out(*case)
    layout = "" if a.flags.c_contiguous else " (a strided view)"
    call = f"from_numpy_shared({describe(a)}{layout})"
    t = kata.from_numpy_shared(a)
    check_tensor(t, a, framework="torch", call=call,
                 misconception="torch.from_numpy(a) keeps a's dtype and shape")
    np.add(a, step, out=a)  # every element changes
    check_tensor(t, a, framework="torch", call=f"{call}, then a += {step}",
                 misconception="the tensor must share a's memory: torch.from_numpy(a) shares, while torch.tensor(a), "
                 "a.copy(), np.ascontiguousarray(a) on a strided view, or a cast such as .float() copy")


@st.composite
def torch_cases(draw):
    x = draw(ARRAYS)
    return x, x.dtype.kind == "f" and draw(st.booleans())


@example(case=(WIDE, True))
@example(case=(INTS, False))
@example(case=(SCALAR, True))
@FEWER
@given(case=torch_cases())
def test_torch_to_tf_keeps_values_dtype_and_shape(kata, case):
    x, requires_grad = case
    t = make_tensor(x, requires_grad=requires_grad)
    call = f"torch_to_tf({describe(t)}, requires_grad={requires_grad})"
    got = kata.torch_to_tf(t)
    if not isinstance(got, tf.Tensor):
        fail(call, "type", "a tf.Tensor", f"{type(got).__module__}.{type(got).__name__}",
             "tf.constant(array) makes a tf.Tensor; a tf.Variable is mutable training state, not a tensor")
    check_tensor(got, x, framework="tensorflow", call=call,
                 misconception="go through NumPy: tf.constant(t.detach().cpu().numpy()) keeps dtype and shape "
                 "(.tolist() does not, and NumPy and TensorFlow lay arrays out alike: no transpose)")
    check_equal(t.requires_grad, requires_grad, call=call, what="t.requires_grad afterwards")


@example(x=SCALAR.astype(np.float32))  # 0-d: x.numpy() is a NumPy scalar
@example(x=INTS.astype(np.int32))
@example(x=WIDE)
@FEWER
@given(x=ARRAYS)
def test_tf_to_torch_keeps_values_dtype_and_shape(kata, x):
    check_tensor(kata.tf_to_torch(to_tf(x)), x, framework="torch", call=f"tf_to_torch({describe(to_tf(x))})",
                 misconception="go through NumPy: torch.as_tensor(x.numpy()) keeps dtype and shape, 0-d too "
                 "(a 0-d x.numpy() is a NumPy scalar, which torch.from_numpy refuses)")
