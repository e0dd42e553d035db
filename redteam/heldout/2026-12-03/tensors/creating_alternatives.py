"""Blind red team: correct answers in other styles for kata tensors/creating."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("torch.as_tensor with the dtype given up front", replaces="from_nested")
def as_tensor_direct(data, dtype):
    return torch.as_tensor(data, dtype=dtype)


@alternative(
    "if/elif chain with torch.full(shape, 1.0) for ones and torch.empty(...).uniform_() for rand",
    replaces="filled",
)
def full_and_uniform(kind, shape):
    if kind == "zeros":
        return torch.zeros(size=shape, dtype=torch.float32)
    elif kind == "ones":
        return torch.full(shape, 1.0, dtype=torch.float32)
    elif kind == "rand":
        return torch.empty(shape, dtype=torch.float32).uniform_()
    else:
        raise ValueError(f"filled(): kind must be 'zeros', 'ones' or 'rand', not {kind}")


@alternative(
    "t.size() made into plain ints, and the dtype name split off after the last dot",
    replaces="shape_and_dtype",
)
def size_and_split(t):
    shape = tuple(int(side) for side in t.size())
    return shape, str(t.dtype).split(".")[-1]


@alternative("tf.convert_to_tensor with the dtype given up front", replaces="tf_from_nested")
def tf_convert_direct(data, dtype):
    return tf.convert_to_tensor(data, dtype=dtype)


@alternative(
    "a dict of makers, tf.random.uniform with its bounds written out",
    replaces="tf_filled",
)
def tf_dict_of_makers(kind, shape):
    makers = {
        "zeros": lambda: tf.zeros(shape, dtype=tf.float32),
        "ones": lambda: tf.ones(shape, dtype=tf.float32),
        "rand": lambda: tf.random.uniform(shape, minval=0.0, maxval=1.0, dtype=tf.float32),
    }
    if kind not in makers:
        raise ValueError(f"unknown kind {kind}")
    return makers[kind]()
