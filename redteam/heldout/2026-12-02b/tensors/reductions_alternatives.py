"""Blind red team: correct alternative answers for kata tensors/reductions."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("sum over dim 0 divided by the row count", replaces="column_means")
def column_means_sum_over_count(x):
    return x.sum(dim=0) / x.shape[0]


@alternative("torch.mean with keepdim, then squeeze only dim 0", replaces="column_means")
def column_means_keepdim_squeeze0(x):
    return torch.mean(x, 0, keepdim=True).squeeze(0)


@alternative("mean without keepdim, then unsqueeze at the same dim", replaces="means_keepdim")
def means_keepdim_unsqueeze_same(x, dim):
    return x.mean(dim=dim).unsqueeze(dim)


@alternative("mean, then reshape to x's shape with a 1 at dim", replaces="means_keepdim")
def means_keepdim_reshape(x, dim):
    shape = list(x.shape)
    shape[dim] = 1
    return x.mean(dim=dim).reshape(shape)


@alternative("tf.math.reduce_mean with a list axis", replaces="tf_column_means")
def tf_column_means_list_axis(x):
    return tf.math.reduce_mean(x, axis=[0])


@alternative("reduce_sum over the row count cast to x's dtype", replaces="tf_column_means")
def tf_column_means_sum(x):
    return tf.reduce_sum(x, axis=0) / tf.cast(tf.shape(x)[0], x.dtype)


@alternative("reduce, then expand_dims at the same axis", replaces="tf_means_keepdim")
def tf_means_keepdim_expand_same(x, dim):
    return tf.expand_dims(tf.reduce_mean(x, axis=dim), axis=dim)
