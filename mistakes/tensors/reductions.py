"""Named mistakes of kata tensors/reductions."""

import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("row means (dim=1) instead of column means (dim=0)", replaces="column_means")
def row_means(x):
    return x.mean(dim=-1)


@mistake("sum instead of mean", replaces="column_means")
def summed(x):
    return x.sum(dim=0)


@mistake("forgot keepdim=True", replaces="means_keepdim")
def dropped_dim(x, dim):
    return x.mean(dim=dim)


@mistake("tf.reduce_mean without axis: the mean of everything", replaces="tf_column_means")
def tf_mean_of_everything(x):
    return tf.reduce_mean(x)


@mistake("forgot keepdims=True", replaces="tf_means_keepdim")
def tf_dropped_dim(x, dim):
    return tf.reduce_mean(x, axis=dim)
