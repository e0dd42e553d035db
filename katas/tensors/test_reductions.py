"""Tests of kata tensors/reductions.

Drawn inputs have distinct sides (one may be 1), so reducing the wrong dimension gives the wrong
shape. The pinned examples hold what random draws seldom combine: a side of 1 beside the reduced
one, 1-D and 3-D inputs, three rows (where the midrange is not the mean), means that are not
whole numbers, non-contiguous storage, float32 and float64, negative dims.
"""

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_on_meta, check_tensor, describe, dtype_name, fail, framework_of
from katas._support.strategies import FRAMEWORKS, float_arrays, pick, to_framework, to_torch

ARRAYS = float_arrays(min_dims=1, max_dims=3, min_side=1, distinct=True)
LAYOUTS = st.sampled_from(["contiguous", "non-contiguous"])
# The pinned examples reject every known mistake; the draws look for unknown ones. A quarter of the
# profile's draws (ci: 10, thorough: 100) keeps --verify, which re-runs this file for each named
# mistake and alternative, fast.
FEWER = settings(max_examples=max(10, settings.default.max_examples // 4))

# (3, 1, 2) float32: three rows, a side of 1 after dim 0, column means 1 and 5/3
THREE_ROWS = np.array([[[0.0, 0.0]], [[0.0, 1.0]], [[3.0, 4.0]]], dtype=np.float32)
WIDE = np.array([[0.5, -2.0, 7.25], [1.5, 3.0, -1.0]])  # (2, 3) float64
ROW = np.array([2.0, -1.0, 0.5, 4.0], dtype=np.float32)  # (4,): the mean is a 0-d tensor
CUBE = (np.arange(24, dtype=np.float32) * 0.75 - 5.0).reshape(2, 3, 4)  # (2, 3, 4) float32
TALL = np.array([[0.25], [-3.0], [2.0]])  # (3, 1) float64


def tolerance(x):
    return {"rtol": 1e-5, "atol": 1e-5} if x.dtype.itemsize == 4 else {"rtol": 1e-12, "atol": 1e-12}


def torch_input(x, layout, device="cpu"):
    """x as a torch tensor; 'non-contiguous' stores it transposed and permutes it back."""
    if layout == "contiguous" or x.ndim < 2:
        return to_torch(x, device)
    order = tuple(reversed(range(x.ndim)))
    return to_torch(np.ascontiguousarray(x.transpose(order)), device).permute(order)


def hint(got, want, framework, hints):
    """The misconception for the first thing check_tensor will find wrong."""
    if framework_of(got) != framework or not hasattr(got, "shape"):
        return hints["type"]
    if dtype_name(got) != want.dtype.name:
        return hints["dtype"]
    if tuple(got.shape) != want.shape:
        return hints["shape"]
    return hints["values"]


def check_unchanged(t, x, call):
    after = t.detach().cpu().numpy()
    if after.shape != x.shape:
        fail(call, "input's shape afterwards", f"{x.shape}, unchanged", after.shape,
             "an in-place op (t_, unsqueeze_, resize_) changed the caller's tensor: compute a new tensor instead")
    if not np.array_equal(after, x):
        index = tuple(int(i) for i in np.argwhere(after != x)[0])
        fail(call, "input afterwards", f"x unchanged ({x[index]!r} at index {index})", repr(after[index]),
             "an in-place op (div_, sub_, x /= ...) changed the caller's tensor: compute a new tensor instead")


COLUMN_HINTS = {
    "type": "return the tensor itself (x.mean(dim=0)), not a NumPy array or a list",
    "dtype": "x.mean(dim=0) keeps x's dtype; do not cast",
    "shape": "only dim 0 goes: the result has shape x.shape[1:]. keepdim=True would keep a 1 in front, "
             "squeeze() without a dim drops other sides of 1 too, and dim=-2 or .t() is dim 0 only on 2-D",
    "values": "each column's sum divided by N = x.shape[0], the number of rows (not N - 1, not the "
              "number of columns, no floor division, not the midrange)",
}
TF_COLUMN_HINTS = {**COLUMN_HINTS, "type": "return a tf.Tensor: tf.reduce_mean(x, axis=0)",
                   "shape": "tf.reduce_mean(x, axis=0): without axis it averages everything, keepdims=True "
                            "keeps a 1 in front, and tf.transpose reverses every axis"}
KEEPDIM_HINTS = {
    "type": "return a tensor of the input's framework",
    "dtype": "the mean keeps x's dtype; do not cast",
    "shape": "keepdim=True (torch) / keepdims=True (TensorFlow) leaves a side of 1 where dim was, in place: "
             "reduce that dim (a negative dim counts from the end, -1 is the last) and do not expand back",
    "values": "a mean divides the sum over dim by x.shape[dim]",
}

COLUMN_EXAMPLES = [(THREE_ROWS, "contiguous"), (WIDE, "non-contiguous"), (ROW, "contiguous"),
                   (CUBE, "non-contiguous"), (TALL, "contiguous")]


def column_examples(test):
    for x, layout in reversed(COLUMN_EXAMPLES):
        test = example(x=x, layout=layout)(test)
    return test


@column_examples
@FEWER
@given(x=ARRAYS, layout=LAYOUTS)
def test_column_means_on_device(kata, device, x, layout):
    if device == "mps":
        x = x.astype(np.float32)  # MPS has no float64
    t = torch_input(x, layout, device)
    call = f"column_means({describe(t)}{', non-contiguous' if not t.is_contiguous() else ''})"
    want = x.mean(axis=0)
    got = kata.column_means(t)
    check_tensor(got, want, framework="torch", device=device, call=call,
                 misconception=hint(got, want, "torch", COLUMN_HINTS), **tolerance(x))
    check_unchanged(t, x, call)


@column_examples
@FEWER
@given(x=ARRAYS, layout=LAYOUTS)
def test_tf_column_means(kata, x, layout):
    want = x.mean(axis=0)
    got = kata.tf_column_means(to_framework("tensorflow", x))
    check_tensor(got, want, framework="tensorflow", call=f"tf_column_means({describe(x)})",
                 misconception=hint(got, want, "tensorflow", TF_COLUMN_HINTS), **tolerance(x))


@pytest.mark.parametrize("function", ["column_means", "means_keepdim"])
def test_torch_results_stay_on_the_inputs_device(kata, function):
    """"Every function returns a tensor of its input's ... device", checked on every machine, on
    the meta device (see ``check_on_meta``)."""
    reduce = getattr(kata, function)  # skips here without torch
    import torch

    x = torch.empty(2, 3, 4, dtype=torch.float64, device="meta")
    args, shape = ((), (3, 4)) if function == "column_means" else ((-1,), (2, 3, 1))
    check_on_meta(lambda: reduce(x, *args), shape=shape, dtype=torch.float64,
                  call=f"{function}(x float64 (2, 3, 4){', dim=-1' if args else ''}) on the meta device "
                  "(shapes without values, for a GPU)",
                  advice="x.mean(...) runs where x is: no .cpu(), .numpy() or .to('cpu') on the way, which leaves its device")


@st.composite
def arrays_and_dims(draw):
    x = draw(ARRAYS)
    return x, draw(st.integers(-x.ndim, x.ndim - 1))


@pytest.mark.parametrize("framework", FRAMEWORKS)
@example(case=(CUBE, -1), layout="non-contiguous")  # negative dim on 3-D: abs(dim) or off-by-one fails
@example(case=(THREE_ROWS, 0), layout="contiguous")  # dim 0: the 1 goes in front, not at the end
@example(case=(WIDE, 1), layout="non-contiguous")  # dim 1 of 2-D, float64
@example(case=(TALL, -2), layout="contiguous")  # -2 is dim 0 here
@example(case=(ROW, -1), layout="contiguous")
@FEWER
@given(case=arrays_and_dims(), layout=LAYOUTS)
def test_means_keepdim_keeps_a_side_of_one(kata, framework, case, layout):
    x, dim = case
    t = torch_input(x, layout) if framework == "torch" else to_framework(framework, x)
    call = f"{'means_keepdim' if framework == 'torch' else 'tf_means_keepdim'}({describe(t)}, dim={dim})"
    want = x.mean(axis=dim, keepdims=True)
    got = pick(kata, "means_keepdim", framework)(t, dim)
    check_tensor(got, want, framework=framework, call=call, misconception=hint(got, want, framework, KEEPDIM_HINTS),
                 **tolerance(x))
    if framework == "torch":
        check_unchanged(t, x, call)
