"""Blind red team: wrong answers for kata tensors/creating."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- from_nested

@mistake("made the tensor with torch.tensor(data) and then called .to(dtype)",
         replaces="from_nested")
def nested_cast_afterwards(data, dtype):
    return torch.tensor(data).to(dtype)


@mistake("used torch.FloatTensor(data) and converted it to the dtype asked for",
         replaces="from_nested")
def nested_via_floattensor(data, dtype):
    return torch.FloatTensor(data).type(dtype)


# ---------------------------------------------------------------- filled

@mistake("seeded the generator so rand gives reproducible values", replaces="filled")
def filled_seeded_rand(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        torch.manual_seed(0)
        return torch.rand(shape)
    raise ValueError(f"unknown kind: {kind}")


@mistake("lower-cased the kind first to be forgiving about capitals", replaces="filled")
def filled_case_insensitive(kind, shape):
    k = kind.lower()
    if k == "zeros":
        return torch.zeros(shape)
    if k == "ones":
        return torch.ones(shape)
    if k == "rand":
        return torch.rand(shape)
    raise ValueError(f"unknown kind: {kind}")


@mistake("looked the kind up in a dict, so an unknown kind gives a KeyError", replaces="filled")
def filled_dict_keyerror(kind, shape):
    makers = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand}
    return makers[kind](shape)


@mistake("fell back to torch.empty for any other kind instead of raising", replaces="filled")
def filled_empty_fallback(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        return torch.rand(shape)
    return torch.empty(shape)


@mistake("unpacked the shape into the call, torch.zeros(*shape)", replaces="filled")
def filled_star_shape(kind, shape):
    if kind == "zeros":
        return torch.zeros(*shape)
    if kind == "ones":
        return torch.ones(*shape)
    if kind == "rand":
        return torch.rand(*shape)
    raise ValueError(f"unknown kind: {kind}")


@mistake("raised ValueError but with a generic message", replaces="filled")
def filled_generic_message(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        return torch.rand(shape)
    raise ValueError("kind must be zeros, ones or rand")


# ---------------------------------------------------------------- shape_and_dtype

@mistake("returned str(t.dtype), which still has the torch. prefix", replaces="shape_and_dtype")
def shape_dtype_with_prefix(t):
    return tuple(t.shape), str(t.dtype)


@mistake("read the dtype name through numpy", replaces="shape_and_dtype")
def shape_dtype_via_numpy(t):
    return tuple(t.shape), t.numpy().dtype.name


# ---------------------------------------------------------------- TensorFlow

@mistake("wrapped the data in a tf.Variable", replaces="tf_from_nested")
def tf_nested_variable(data, dtype):
    return tf.Variable(data, dtype=dtype)


@mistake("set the TF seed so rand is reproducible", replaces="tf_filled")
def tf_filled_set_seed(kind, shape):
    if kind == "zeros":
        return tf.zeros(shape)
    if kind == "ones":
        return tf.ones(shape)
    if kind == "rand":
        tf.random.set_seed(0)
        return tf.random.uniform(shape)
    raise ValueError(f"unknown kind: {kind}")
