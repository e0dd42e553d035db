"""Blind red team: correct answers in other styles for kata tensors/dense."""
import tensorflow as tf
import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


@alternative(
    "einsum with an ellipsis for the batch dimensions; the error names torch.Size objects",
    replaces="dense",
)
def einsum_dense(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"cannot multiply x of shape {x.shape} by W of shape {W.shape}")
    return torch.einsum("...i,io->...o", x, W) + b


@alternative(
    "F.linear with W transposed to nn.Linear's (out, in) layout; the error names the shapes as lists",
    replaces="dense",
)
def functional_linear_transposed(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"shapes {list(x.shape)} and {list(W.shape)} do not fit")
    return F.linear(x, W.t(), b)


@alternative(
    "torch.tensordot contracting x's last dimension with W's first, bias added with .add",
    replaces="dense",
)
def tensordot_dense(x, W, b):
    in_x, in_w = x.shape[-1], W.shape[0]
    if in_x != in_w:
        raise ValueError(f"x {tuple(x.shape)} and W {tuple(W.shape)}: {in_x} != {in_w}")
    return torch.tensordot(x, W, dims=1).add(b)


@alternative(
    "tf.tensordot over one axis, the error naming the shapes with as_list()",
    replaces="tf_dense",
)
def tf_tensordot_dense(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"shapes {x.shape.as_list()} and {W.shape.as_list()} do not fit")
    return tf.tensordot(x, W, axes=1) + b
