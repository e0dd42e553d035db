"""Named mistakes of kata tensors/creating."""

import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake("left out dtype=: the dtype is inferred from the values", replaces="from_nested")
def inferred_dtype(data, dtype):
    return torch.tensor(data)


@mistake("randn (normal) instead of rand (uniform in [0, 1))", replaces="filled")
def normal_not_uniform(kind, shape):
    makers = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.randn}
    if kind not in makers:
        raise ValueError(kind)
    return makers[kind](shape)


@mistake("an unknown kind silently gives zeros", replaces="filled")
def no_validation(kind, shape):
    return {"ones": torch.ones, "rand": torch.rand}.get(kind, torch.zeros)(shape)


@mistake("returned t.shape (a torch.Size) and t.dtype objects, not plain values", replaces="shape_and_dtype")
def framework_objects(t):
    return t.shape, t.dtype


@mistake("tf.constant without dtype=", replaces="tf_from_nested")
def tf_inferred_dtype(data, dtype):
    return tf.constant(data)


@mistake("tf.random.normal instead of tf.random.uniform", replaces="tf_filled")
def tf_normal_not_uniform(kind, shape):
    makers = {"zeros": tf.zeros, "ones": tf.ones, "rand": tf.random.normal}
    if kind not in makers:
        raise ValueError(kind)
    return makers[kind](shape)
