"""Blind red team: correct answers in other styles for kata tensors/reductions."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("move dim 0 to the end with torch.movedim, then average the last dimension", replaces="column_means")
def movedim_then_last(x):
    return torch.movedim(x, 0, -1).mean(dim=-1)


@alternative("keepdim=True, then squeeze only dim 0", replaces="column_means")
def keepdim_then_squeeze_zero(x):
    return x.mean(dim=0, keepdim=True).squeeze(0)


@alternative("mean without keepdim, then unsqueeze at the same (possibly negative) dim", replaces="means_keepdim")
def mean_then_unsqueeze(x, dim):
    return x.mean(dim).unsqueeze(dim)


@alternative("torch.mean with dim given as a one-element tuple", replaces="means_keepdim")
def tuple_dim(x, dim):
    return torch.mean(x, dim=(dim,), keepdim=True)


@alternative("tf.math.reduce_mean, then tf.expand_dims at the same (possibly negative) axis", replaces="tf_means_keepdim")
def tf_reduce_then_expand(x, dim):
    return tf.expand_dims(tf.math.reduce_mean(x, axis=dim), axis=dim)
