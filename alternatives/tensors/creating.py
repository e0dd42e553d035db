"""Correct alternatives of kata tensors/creating: other styles the tests must accept."""

import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("via a NumPy array (float64/int64, exact for Python numbers) then .to(dtype)", replaces="from_nested")
def from_nested_numpy(data, dtype):
    return torch.from_numpy(np.array(data)).to(dtype)


@alternative("match statement, torch.full for zeros/ones, uniform_ for rand, message with f-string",
             replaces="filled")
def filled_match(kind, shape):
    match kind:
        case "zeros":
            return torch.full(shape, 0.0)
        case "ones":
            return torch.full(shape, 1.0, dtype=torch.float32)
        case "rand":
            return torch.empty(shape).uniform_(0, 1)
        case _:
            raise ValueError(f"filled(): unknown kind '{kind}'; use zeros, ones or rand")


@alternative("dict of factories with explicit float32 and a membership check first", replaces="filled")
def filled_dict(kind, shape):
    factories = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand}
    if kind not in factories:
        raise ValueError("unknown kind: %s" % kind)
    return factories[kind](size=shape, dtype=torch.float32)


@alternative("shape from t.dim()/t.size(i)", replaces="shape_and_dtype")
def shape_and_dtype_dims(t):
    return tuple(t.size(i) for i in range(t.dim())), str(t.dtype)[len("torch."):]


@alternative("tf.constant of an exact NumPy array (float64/int64), then tf.cast", replaces="tf_from_nested")
def tf_from_nested_cast_exact(data, dtype):
    return tf.cast(tf.constant(np.array(data)), dtype)


@alternative("dict of lambdas, tf.random.Generator for rand", replaces="tf_filled")
def tf_filled_generator(kind, shape):
    makers = {
        "zeros": lambda: tf.zeros(shape, tf.float32),
        "ones": lambda: tf.ones(shape, tf.float32),
        "rand": lambda: tf.random.Generator.from_non_deterministic_state().uniform(shape),
    }
    if kind not in makers:
        raise ValueError("bad kind " + str(kind))
    return makers[kind]()
