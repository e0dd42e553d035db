"""Blind red team: correct alternative answers for kata tensors/dense."""
import tensorflow as tf
import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


@alternative("einsum with an ellipsis, message spelled with torch.Size", replaces="dense")
def dense_einsum(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"cannot multiply x of shape {x.shape} by W of shape {W.shape}")
    return torch.einsum("...i,ij->...j", x, W) + b


@alternative("F.linear with W turned into its (out, in) weight layout, list-spelled shapes", replaces="dense")
def dense_linear_weight_layout(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {list(x.shape)} and W {list(W.shape)}: inner sides differ")
    return F.linear(x, W.T, b)


@alternative("torch.matmul(...).add(b), check written with size(-1) and len(W), %-formatting", replaces="dense")
def dense_matmul_add(x, W, b):
    if x.size(-1) != len(W):
        raise ValueError("shape mismatch: x is %s, W is %s" % (tuple(x.shape), tuple(W.shape)))
    return torch.matmul(x, W).add(b)


@alternative("tf.tensordot over one axis, message with TensorShape", replaces="tf_dense")
def tf_dense_tensordot(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {x.shape} does not fit W of shape {W.shape}")
    return tf.tensordot(x, W, axes=1) + b


@alternative("tf.einsum with an ellipsis, as_list() shapes", replaces="tf_dense")
def tf_dense_einsum(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {x.shape.as_list()} vs W {W.shape.as_list()}")
    return tf.einsum("...i,ij->...j", x, W) + b


@alternative("flatten the batch dims, 2-D matmul, reshape back", replaces="tf_dense")
def tf_dense_flatten_batch(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not match W {tuple(W.shape)}")
    flat = tf.reshape(x, [-1, W.shape[0]])
    out = tf.matmul(flat, W) + b
    return tf.reshape(out, tf.concat([tf.shape(x)[:-1], [W.shape[1]]], axis=0))
