"""Named mistakes of kata tensors/reductions."""

import tensorflow as tf
import torch

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


# Found in review: passes while no input has a side of 1

@mistake("kept dim 0, then squeeze() without a dim: every other side of 1 goes too", replaces="column_means")
def keepdim_then_squeeze(x):
    return x.mean(0, keepdim=True).squeeze()


@mistake("divided x in place to save memory: the caller's tensor changes", replaces="column_means")
def divided_in_place(x):
    return x.div_(x.shape[0]).sum(dim=0)


# Written blind, from the stub alone (red team, 2026-12)

@mistake("I used dim=-2 because the columns are the second-to-last axis; fine on 2-D tables only",
         replaces="column_means")
def column_means_dim_minus_two(x):
    return x.mean(dim=-2)


@mistake("I kept the reduced dim, so I get shape (1, ...) instead of (...)", replaces="column_means")
def column_means_keepdim(x):
    return x.mean(dim=0, keepdim=True)


@mistake("I summed down the columns and divided by the number of columns (same only for square tables)",
         replaces="column_means")
def column_means_divide_by_columns(x):
    return x.sum(dim=0) / x.shape[1]


@mistake("I used floor division for the average, so 2.5 becomes 2.0", replaces="column_means")
def column_means_floor_division(x):
    return x.sum(dim=0) // x.shape[0]


@mistake("I averaged the smallest and largest value of each column (same as the mean for two rows)",
         replaces="column_means")
def column_means_midrange(x):
    return (x.max(dim=0).values + x.min(dim=0).values) / 2


@mistake("I transposed with .t() and averaged each row; only works for 2-D input", replaces="column_means")
def column_means_transpose_rows(x):
    return x.t().mean(dim=1)


@mistake("I went through NumPy and returned the ndarray, not a tensor", replaces="column_means")
def column_means_returns_ndarray(x):
    return x.detach().numpy().mean(axis=0)


@mistake("I divided by N-1 like the sample variance", replaces="column_means")
def column_means_n_minus_one(x):
    return x.sum(dim=0) / (x.shape[0] - 1)


@mistake("I put the size-1 side back at the end with unsqueeze(-1), right only when dim is the last one",
         replaces="means_keepdim")
def means_keepdim_unsqueeze_last(x, dim):
    return x.mean(dim=dim).unsqueeze(-1)


@mistake("I turned a negative dim into a positive one with abs(), right only for dim=-1 on 2-D input",
         replaces="means_keepdim")
def means_keepdim_abs_dim(x, dim):
    return x.mean(dim=abs(dim), keepdim=True)


@mistake("I normalised negative dims with x.dim() - 1 + dim (off by one)", replaces="means_keepdim")
def means_keepdim_negative_off_by_one(x, dim):
    if dim < 0:
        dim = x.dim() - 1 + dim
    return x.mean(dim=dim, keepdim=True)


@mistake("I summed with keepdim instead of averaging (the shape is right)", replaces="means_keepdim")
def means_keepdim_sum(x, dim):
    return x.sum(dim=dim, keepdim=True)


@mistake("I expanded the mean back to the input's shape so it 'broadcasts'", replaces="means_keepdim")
def means_keepdim_expanded(x, dim):
    return x.mean(dim=dim, keepdim=True).expand_as(x)


@mistake("I did it in torch and returned a torch tensor", replaces="tf_column_means")
def tf_column_means_returns_torch(x):
    return torch.from_numpy(x.numpy()).mean(dim=0)


@mistake("I transposed with tf.transpose and averaged axis 1; tf.transpose reverses all axes on 3-D",
         replaces="tf_column_means")
def tf_column_means_transpose(x):
    return tf.reduce_mean(tf.transpose(x), axis=1)


@mistake("I always reduced axis 0 and ignored dim", replaces="tf_means_keepdim")
def tf_means_keepdim_ignores_dim(x, dim):
    return tf.reduce_mean(x, axis=0, keepdims=True)


# Found reading the held-out sample's notes (2026-12-03): "and device" was tried only on the devices
# a machine has (means_keepdim on none), so on a CPU-only machine a detour through the CPU passed


@mistake("averaged on the CPU to be safe (x.cpu().mean(0)): the result leaves the input's device",
         replaces="column_means")
def column_means_on_the_cpu(x):
    return x.cpu().mean(dim=0)


@mistake("averaged in NumPy and came back with torch.from_numpy: the result is on the CPU",
         replaces="means_keepdim")
def means_keepdim_through_numpy(x, dim):
    return torch.from_numpy(x.detach().cpu().numpy().mean(axis=dim, keepdims=True))
