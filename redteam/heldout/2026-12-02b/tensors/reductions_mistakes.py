"""Blind red team: wrong answers for kata tensors/reductions."""
import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- column_means


@mistake("I summed each column and divided by the number of columns", replaces="column_means")
def column_means_divides_by_columns(x):
    # right only when rows == columns (the 2x2 example); a 1-D input has no shape[1]
    return x.sum(dim=0) / x.shape[1]


@mistake("I squeezed the result to get rid of any leftover size-1 dims", replaces="column_means")
def column_means_squeezed(x):
    # breaks: "Only dim 0 goes, even where other sides are 1: (3, 1) gives (1,)"
    return x.mean(dim=0).squeeze()


@mistake("I call .float() first so mean works on any tensor", replaces="column_means")
def column_means_casts_to_float(x):
    # breaks: "returns a tensor of its input's ... dtype" -> float64 input comes back float32
    return x.float().mean(dim=0)


@mistake("I flattened everything after the first dim into columns", replaces="column_means")
def column_means_flattens_rest(x):
    # breaks: "(2, 3, 4) gives (3, 4), and a 1-D (N,) gives a 0-d tensor" -> (12,) and (1,)
    return x.reshape(x.shape[0], -1).mean(dim=0)


@mistake("I add the rows up into the first row, then divide", replaces="column_means")
def column_means_accumulates_into_first_row(x):
    # x[0] is a view, so += writes the running sum into the caller's x
    # breaks: "leaves its input unchanged"
    total = x[0]
    for row in x[1:]:
        total += row
    return total / x.shape[0]


# ---------------------------------------------------------------- means_keepdim


@mistake("I took the mean and unsqueezed the last dim back in", replaces="means_keepdim")
def means_keepdim_unsqueeze_last(x, dim):
    # right only for the last dim: (2, 3) with dim=0 gives (3, 1) instead of (1, 3)
    return x.mean(dim=dim).unsqueeze(-1)


@mistake("I reduced the last dim like in the example", replaces="means_keepdim")
def means_keepdim_always_last(x, dim):
    # ignores dim: breaks "The mean over dim"
    return x.mean(dim=-1, keepdim=True)


@mistake("I divided the kept-dim sum by the size of the last side", replaces="means_keepdim")
def means_keepdim_divides_by_last_side(x, dim):
    # divides by the wrong count unless dim is the last one (or the sides are equal)
    return x.sum(dim=dim, keepdim=True) / x.shape[-1]


@mistake("I expanded the means back to x's shape so they broadcast", replaces="means_keepdim")
def means_keepdim_expanded(x, dim):
    # breaks: "the result has x's shape with side dim replaced by 1"
    return x.mean(dim=dim, keepdim=True).expand_as(x)


# ---------------------------------------------------------------- tf_column_means


@mistake("I used NumPy's mean on the array", replaces="tf_column_means")
def tf_column_means_numpy(x):
    # breaks: "returning a tf.Tensor" -> an np.ndarray (a NumPy scalar for 1-D input)
    return np.mean(x.numpy(), axis=0)


@mistake("I cast to float32 before reduce_mean to be safe", replaces="tf_column_means")
def tf_column_means_casts_float32(x):
    # breaks: "returns a tensor of its input's framework and dtype" for float64 input
    return tf.reduce_mean(tf.cast(x, tf.float32), axis=0)


# ---------------------------------------------------------------- tf_means_keepdim


@mistake("I forgot keepdims in reduce_mean", replaces="tf_means_keepdim")
def tf_means_keepdim_no_keepdims(x, dim):
    # breaks: "keeping it as a side of 1"
    return tf.reduce_mean(x, axis=dim)


@mistake("I reduced and then expand_dims at the end", replaces="tf_means_keepdim")
def tf_means_keepdim_expand_last(x, dim):
    # the side of 1 lands at the end, not at dim: (2, 3) dim=0 gives (3, 1)
    return tf.expand_dims(tf.reduce_mean(x, axis=dim), axis=-1)
