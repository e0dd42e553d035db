"""Blind red team: wrong answers for kata tensors/reductions."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake(
    "called .squeeze() after the mean to tidy up: every side of 1 goes, so (3, 1) gives a 0-d "
    "tensor instead of shape (1,)",
    replaces="column_means",
)
def squeezed_all(x):
    return x.mean(dim=0).squeeze()


@mistake(
    "kept the reduced dimension (keepdim=True): (N, F) gives (1, F) instead of (F,)",
    replaces="column_means",
)
def kept_dim_zero(x):
    return torch.mean(x, dim=0, keepdim=True)


@mistake(
    "averaged in float64 for accuracy and forgot to cast back: float32 input gives a float64 result",
    replaces="column_means",
)
def mean_in_float64(x):
    return x.double().mean(dim=0)


@mistake(
    "divided x by N in place (x.div_) and then summed: the caller's tensor is changed",
    replaces="column_means",
)
def divided_in_place(x):
    return x.div_(x.shape[0]).sum(dim=0)


@mistake(
    "flattened with x.view(-1) to average the rows as blocks: view fails on a non-contiguous "
    "input such as a transpose",
    replaces="column_means",
)
def flat_view_blocks(x):
    n = x.shape[0]
    return x.view(-1).view(n, -1).mean(dim=0).view(x.shape[1:])


@mistake(
    "summed down the columns and divided by the number of columns (x.shape[-1]) instead of rows: "
    "right only for square tables such as the example, and for 1-D",
    replaces="column_means",
)
def divided_by_columns(x):
    return x.sum(dim=0) / x.shape[-1]


@mistake(
    "forgot keepdim=True: the reduced side disappears instead of staying as a side of 1",
    replaces="means_keepdim",
)
def forgot_keepdim(x, dim):
    return x.mean(dim=dim)


@mistake(
    "put the side of 1 back with unsqueeze(-1), at the end, not at dim: right only when dim is the "
    "last dimension, as in the example",
    replaces="means_keepdim",
)
def unsqueezed_at_end(x, dim):
    return x.mean(dim=dim).unsqueeze(-1)


@mistake(
    "converted a negative dim as x.dim() + dim - 1 (one too far left): dim=-1 on (2, 3, 4) "
    "reduces dim 1",
    replaces="means_keepdim",
)
def negative_dim_off_by_one(x, dim):
    if dim < 0:
        dim = x.dim() + dim - 1
    return x.mean(dim=dim, keepdim=True)


@mistake(
    "called x.float() first so that mean works on any dtype: float64 input comes back float32",
    replaces="means_keepdim",
)
def float_first(x, dim):
    return x.float().mean(dim=dim, keepdim=True)


@mistake(
    "tf.squeeze after tf.reduce_mean: every side of 1 goes, so (3, 1) gives shape () instead of (1,)",
    replaces="tf_column_means",
)
def tf_squeezed_all(x):
    return tf.squeeze(tf.reduce_mean(x, axis=0))


@mistake(
    "put the side of 1 back with tf.expand_dims(..., -1), at the end, not at dim",
    replaces="tf_means_keepdim",
)
def tf_expanded_at_end(x, dim):
    return tf.expand_dims(tf.reduce_mean(x, axis=dim), -1)
