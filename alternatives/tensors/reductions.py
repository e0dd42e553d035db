"""Correct alternatives of kata tensors/reductions: other styles the tests must accept."""

import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("function form torch.mean(x, dim=0)", replaces="column_means")
def column_means_torch_mean(x):
    return torch.mean(x, dim=0)


@alternative("keepdim then squeeze(0): only the reduced side goes", replaces="column_means")
def column_means_keepdim_squeeze(x):
    return x.mean(0, keepdim=True).squeeze(0)


@alternative("reduce, then unsqueeze at the same (possibly negative) dim", replaces="means_keepdim")
def means_keepdim_unsqueeze_same(x, dim):
    return x.mean(dim=dim).unsqueeze(dim)


@alternative("normalise dim with %, sum, divide, reshape to the input shape with a 1", replaces="means_keepdim")
def means_keepdim_reshape(x, dim):
    d = dim % x.dim()
    shape = list(x.shape)
    n = shape[d]
    shape[d] = 1
    return (x.sum(dim=d) / n).reshape(shape)


@alternative("reduce_sum divided by tf.shape(x)[0] cast to x.dtype", replaces="tf_column_means")
def tf_column_means_sum_div(x):
    return tf.reduce_sum(x, axis=0) / tf.cast(tf.shape(x)[0], x.dtype)


@alternative("reduce, then tf.expand_dims at the normalised axis", replaces="tf_means_keepdim")
def tf_means_keepdim_expand(x, dim):
    d = dim % len(x.shape)
    return tf.expand_dims(tf.reduce_mean(x, axis=d), d)
