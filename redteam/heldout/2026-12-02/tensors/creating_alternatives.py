"""Blind red team: correct answers in other styles for kata tensors/creating."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("torch.as_tensor with the dtype keyword", replaces="from_nested")
def nested_as_tensor(data, dtype):
    return torch.as_tensor(data, dtype=dtype)


@alternative("torch.asarray with the dtype keyword", replaces="from_nested")
def nested_asarray(data, dtype):
    return torch.asarray(data, dtype=dtype)


@alternative("match statement, torch.full for constants, empty().uniform_() for rand, repr of kind in the message",
             replaces="filled")
def filled_match_full(kind, shape):
    match kind:
        case "zeros":
            return torch.full(shape, 0.0)
        case "ones":
            return torch.full(shape, 1.0, dtype=torch.float32)
        case "rand":
            return torch.empty(shape).uniform_()
        case _:
            raise ValueError(f"filled(): unsupported kind {kind!r}; use 'zeros', 'ones' or 'rand'")


@alternative("dict of makers with explicit membership check and size= keyword", replaces="filled")
def filled_dict_checked(kind, shape):
    makers = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand}
    if kind not in makers:
        raise ValueError("bad kind " + kind)
    return makers[kind](size=tuple(shape), dtype=torch.float32)


@alternative("t.size() with int() per dim and str(dtype).split('.')", replaces="shape_and_dtype")
def shape_dtype_split(t):
    return tuple(int(d) for d in t.size()), str(t.dtype).split(".")[-1]


@alternative("removeprefix on repr(dtype), shape built with a loop", replaces="shape_and_dtype")
def shape_dtype_removeprefix(t):
    dims = []
    for i in range(t.dim()):
        dims.append(t.size(i))
    return tuple(dims), repr(t.dtype).removeprefix("torch.")


@alternative("tf.convert_to_tensor with the dtype keyword", replaces="tf_from_nested")
def tf_nested_convert(data, dtype):
    return tf.convert_to_tensor(data, dtype=dtype)


@alternative("tf.fill for constants and uniform with explicit minval/maxval", replaces="tf_filled")
def tf_filled_fill(kind, shape):
    if kind == "zeros":
        return tf.fill(shape, 0.0)
    if kind == "ones":
        return tf.fill(shape, tf.constant(1.0, tf.float32))
    if kind == "rand":
        return tf.random.uniform(shape, minval=0.0, maxval=1.0, dtype=tf.float32)
    raise ValueError(f"tf_filled: unknown kind {kind!r}")
