"""Tests of kata tensors/dense.

A shape mismatch is checked with every matrix product of the framework refusing to run: the
docstring asks for the ValueError before torch (or TensorFlow) raises its own error, so
catching the framework's error afterwards does not count. The message may spell the shapes
(2, 1), [2, 1] or torch.Size([2, 1]).
"""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from katas._support.checks import KataMismatch, check_on_meta, check_tensor, describe, expect_error, forbidden
from katas._support.strategies import (
    FRAMEWORKS, arrays, float_dtypes, pick, require, shapes, to_framework, to_tf, to_torch,
)

DENSE = ("x @ W + b with W of shape (in, out): one output per column of W, plus the bias; "
         "leading dimensions of x (any number, none too) pass through; keep the dtype of the inputs")


@st.composite
def layer_inputs(draw, device="cpu"):
    """x (..., in), W (in, out), b (out,), with in != out so a transposed W cannot pass."""
    dtype = draw(float_dtypes(device), label="dtype")
    batch = draw(shapes(min_dims=1, max_dims=2), label="batch dims")
    n_in, n_out = draw(shapes(min_dims=2, max_dims=2, distinct=True), label="(in, out)")
    x = draw(arrays(dtype, (*batch, n_in)), label="x")
    return x, draw(arrays(dtype, (n_in, n_out)), label="W"), draw(arrays(dtype, (n_out,)), label="b")


def pinned(kind, device="cpu"):
    """A batched x of three dimensions, or a single sample x of shape (in,); float64 where the
    device has it; a bias far from zero."""
    dtype = np.float32 if device == "mps" else np.float64
    x = np.arange(30, dtype=dtype).reshape(5, 2, 3) / 7 if kind == "3d" else np.array([0.5, -1.0, 2.0], dtype=dtype)
    W = np.arange(12, dtype=dtype).reshape(3, 4) / 5 - 1
    return x, W, np.array([10.0, -20.0, 30.5, 0.25], dtype=dtype)


def tolerance(x):
    return {"rtol": 1e-4, "atol": 1e-3} if x.dtype.itemsize == 4 else {"rtol": 1e-9, "atol": 1e-9}


@given(data=st.data())
@example(data="3d")
@example(data="1d")
def test_dense_matches_numpy(kata, device, data):
    x, W, b = pinned(data, device) if isinstance(data, str) else data.draw(layer_inputs(device))
    got = kata.dense(to_torch(x, device), to_torch(W, device), to_torch(b, device))
    check_tensor(got, x @ W + b, framework="torch", device=device, **tolerance(x), misconception=DENSE,
                 call=f"dense({describe(x)}, {describe(W)}, {describe(b)})")


def test_dense_keeps_the_inputs_device(kata):
    """"On their device", checked on every machine, on the meta device (see ``check_on_meta``)."""
    dense = kata.dense  # skips here without torch
    import torch

    x, W, b = (torch.empty(shape, dtype=torch.float64, device="meta") for shape in ((5, 2, 3), (3, 4), (4,)))
    check_on_meta(lambda: dense(x, W, b), shape=(5, 2, 4), dtype=torch.float64, misconception=DENSE,
                  call="dense(x float64 (5, 2, 3), W float64 (3, 4), b float64 (4,)), all on the meta device "
                  "(shapes without values, for a GPU)",
                  advice="x @ W + b runs where x, W and b are: no .cpu(), .numpy() or .to('cpu') on the way, "
                  "which leaves their device")


@given(data=st.data())
@example(data="3d")
def test_tf_dense_matches_numpy_on_its_device(kata, tf_device, data):
    x, W, b = pinned(data) if isinstance(data, str) else data.draw(layer_inputs())
    got = kata.tf_dense(to_tf(x, tf_device), to_tf(W, tf_device), to_tf(b, tf_device))
    check_tensor(got, x @ W + b, framework="tensorflow", device="gpu" if "GPU" in tf_device else "cpu",
                 **tolerance(x), misconception=DENSE, call=f"tf_dense({describe(x)}, {describe(W)}, {describe(b)})")


@st.composite
def mismatched_inputs(draw):
    """x (..., in) and W (other, out) with other != in, and b (out,)."""
    batch = draw(shapes(min_dims=1, max_dims=2), label="batch dims")
    n_in, other, n_out = draw(shapes(min_dims=3, max_dims=3, distinct=True), label="(in, other in, out)")
    return (draw(arrays("float32", (*batch, n_in)), label="x"), draw(arrays("float32", (other, n_out)), label="W"),
            draw(arrays("float32", (n_out,)), label="b"))


#: x (2, 3) and W (4, 3): x fits W.T, which is still a mismatch (W is (in, out))
FITS_TRANSPOSE = (np.ones((2, 3), np.float32), np.ones((4, 3), np.float32), np.ones(3, np.float32))
#: a batch of (2, 3) matrices with 4 features against W (5, 2): the check is on the last side of any x
BATCHED_MISMATCH = (np.ones((2, 3, 4), np.float32), np.ones((5, 2), np.float32), np.ones(2, np.float32))
#: one sample, x of shape (in,), against W (4, 2): no batch dimension, still a mismatch (dense only)
ONE_SAMPLE_MISMATCH = (np.ones(3, np.float32), np.ones((4, 2), np.float32), np.ones(2, np.float32))


class before_multiplying(forbidden):  # noqa: N801
    """Every matrix product of torch or TensorFlow refuses to run while the block runs.

    ``Tensor.__matmul__`` may be inherited (torch's comes from its C base class): such an
    attribute is deleted again afterwards, not left behind as a copy.
    """

    def __init__(self, framework: str, call: str) -> None:
        require(framework)  # the other half of the kata skips where its framework is not installed
        if framework == "torch":
            import torch

            targets = [(torch.Tensor, name) for name in ("__matmul__", "__rmatmul__", "matmul", "mm")]
            targets += [(torch, name) for name in ("matmul", "mm", "bmm", "einsum", "tensordot", "addmm", "inner")]
            targets += [(torch.nn.functional, "linear")]
            targets += [(torch.linalg, name) for name in ("matmul", "multi_dot")]
            targets += [(torch, name) for name in ("baddbmm", "chain_matmul")]
        else:
            import tensorflow as tf

            targets = [(tf.Tensor, "__matmul__"), (tf.Tensor, "__rmatmul__")]
            targets += [(tf, name) for name in ("matmul", "einsum", "tensordot")]
            targets += [(tf.linalg, name) for name in ("matmul", "einsum", "tensordot")]
            targets += [(tf.experimental.numpy, name) for name in ("matmul", "dot", "einsum", "tensordot")]
        self.inherited = [(owner, name) for owner, name in targets if name not in vars(owner)]
        super().__init__(*targets, call=call,
                         rule="x's last side differs from W's first here: raise the ValueError before multiplying "
                         "(not after the framework's own error, and without transposing W to make it fit)")

    def __exit__(self, kind, error, traceback):
        __tracebackhide__ = True
        try:
            return super().__exit__(kind, error, traceback)
        finally:
            for owner, name in self.inherited:
                if name in vars(owner):
                    delattr(owner, name)


@pytest.mark.parametrize("framework", FRAMEWORKS)
@given(inputs=mismatched_inputs())
@example(inputs=FITS_TRANSPOSE)
@example(inputs=BATCHED_MISMATCH)
@example(inputs=ONE_SAMPLE_MISMATCH)
def test_shape_mismatch_raises_value_error_naming_both_shapes(kata, framework, inputs):
    x, W, b = inputs
    if x.ndim == 1 and framework != "torch":
        return  # tf_dense is for x with at least one batch dimension
    call = f"{'dense' if framework == 'torch' else 'tf_dense'}(x {x.shape}, W {W.shape}, b {b.shape})"
    error = None
    with before_multiplying(framework, call):  # outside expect_error, so a product is reported as such
        try:
            pick(kata, "dense", framework)(*(to_framework(framework, a) for a in inputs))
        except KataMismatch:
            raise
        except Exception as raised:  # noqa: BLE001 - judged below
            error = raised
    spellings = tuple((str(shape), str(list(shape))) for shape in (x.shape, W.shape))
    with expect_error(ValueError, call=call, mentioning=spellings,
                      misconception="check x.shape[-1] == W.shape[0] first (whatever the batch dimensions of x; "
                      "W is never transposed) and raise ValueError naming both shapes, as in "
                      "ValueError(f'x {tuple(x.shape)} does not fit W {tuple(W.shape)}')"):
        if error is not None:
            raise error
