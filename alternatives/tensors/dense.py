"""Correct alternatives of kata tensors/dense: other styles the tests must accept."""

import tensorflow as tf
import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


@alternative("einsum with an ellipsis, message shows torch.Size", replaces="dense")
def dense_einsum(x, W, b):
    if W.dim() != 2 or x.dim() == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"cannot multiply x of shape {x.shape} by W of shape {W.shape}")
    return torch.einsum("...i,io->...o", x, W) + b


@alternative("F.linear with the transposed weight", replaces="dense")
def dense_linear(x, W, b):
    if W.ndim != 2 or x.ndim < 1 or x.size(-1) != W.size(0):
        raise ValueError("shapes do not fit: x %s, W %s" % (tuple(x.shape), tuple(W.shape)))
    return F.linear(x, W.t(), b)


@alternative("flatten the batch dims, torch.addmm, reshape back; message with lists", replaces="dense")
def dense_addmm(x, W, b):
    if W.dim() != 2 or x.dim() == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {list(x.shape)} and W {list(W.shape)} do not fit")
    flat = x.reshape(-1, x.shape[-1])
    return torch.addmm(b, flat, W).reshape(*x.shape[:-1], W.shape[1])


@alternative("tf.tensordot over the last axis of x", replaces="tf_dense")
def tf_dense_tensordot(x, W, b):
    if len(W.shape) != 2 or len(x.shape) == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x shape {x.shape} does not fit W shape {W.shape}")
    return tf.tensordot(x, W, axes=1) + b


@alternative("tf.einsum with an ellipsis; message with as_list()", replaces="tf_dense")
def tf_dense_einsum(x, W, b):
    if len(W.shape) != 2 or len(x.shape) == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {x.shape.as_list()} vs W {W.shape.as_list()}")
    return tf.add(tf.einsum("...i,io->...o", x, W), b)


@alternative("reshape to 2-D, tf.matmul, tf.nn.bias_add, reshape back", replaces="tf_dense")
def tf_dense_flatten(x, W, b):
    if len(W.shape) != 2 or len(x.shape) == 0 or x.shape[-1] != W.shape[0]:
        raise ValueError("x %s and W %s do not fit" % (tuple(x.shape), tuple(W.shape)))
    flat = tf.reshape(x, (-1, x.shape[-1]))
    out = tf.nn.bias_add(tf.matmul(flat, W), b)
    return tf.reshape(out, tf.concat([tf.shape(x)[:-1], [W.shape[1]]], axis=0))
