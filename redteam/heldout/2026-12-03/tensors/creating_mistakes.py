"""Blind red team: wrong answers for kata tensors/creating."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake(
    "made the tensor with torch's default dtype and cast it with .to(dtype) afterwards: "
    "float64 0.1 goes through float32 first and comes out rounded",
    replaces="from_nested",
)
def default_dtype_then_cast(data, dtype):
    return torch.tensor(data).to(dtype)


@mistake(
    "built everything as float32 (torch.tensor(data, dtype=torch.float32)) and cast to dtype "
    "afterwards: int64 2**40 + 1 loses its last bit",
    replaces="from_nested",
)
def float32_then_cast(data, dtype):
    return torch.tensor(data, dtype=torch.float32).to(dtype)


@mistake(
    "went through float64 'to be safe' and cast to dtype afterwards: int64 values above 2**53 "
    "(2**53 + 1) come out rounded, not exactly the values of data",
    replaces="from_nested",
)
def float64_then_cast(data, dtype):
    return torch.tensor(data, dtype=torch.float64).to(dtype)


@mistake(
    "put 'empty' (torch.empty) in the table of kinds, so filled('empty', ...) returns a tensor "
    "instead of raising ValueError",
    replaces="filled",
)
def accepts_empty(kind, shape):
    makers = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand, "empty": torch.empty}
    if kind not in makers:
        raise ValueError(f"unknown kind: {kind}")
    return makers[kind](shape, dtype=torch.float32)


@mistake(
    "lower-cased the kind to be friendly, so 'Zeros' is accepted instead of raising ValueError "
    "(the kind is to be matched exactly)",
    replaces="filled",
)
def case_insensitive_kind(kind, shape):
    name = kind.lower()
    if name == "zeros":
        return torch.zeros(shape, dtype=torch.float32)
    if name == "ones":
        return torch.ones(shape, dtype=torch.float32)
    if name == "rand":
        return torch.rand(shape, dtype=torch.float32)
    raise ValueError(f"unknown kind: {kind}")


@mistake(
    "seeded the generator (torch.manual_seed(0)) before torch.rand, so 'rand' gives the same "
    "values on every call instead of fresh ones",
    replaces="filled",
)
def seeded_rand(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape, dtype=torch.float32)
    if kind == "ones":
        return torch.ones(shape, dtype=torch.float32)
    if kind == "rand":
        torch.manual_seed(0)
        return torch.rand(shape, dtype=torch.float32)
    raise ValueError(f"unknown kind: {kind}")


@mistake(
    "used torch.full(shape, 0) and torch.full(shape, 1): an integer fill value makes an int64 "
    "tensor, not float32 (the example only looks at the shape)",
    replaces="filled",
)
def full_with_int_fill(kind, shape):
    if kind == "zeros":
        return torch.full(shape, 0)
    if kind == "ones":
        return torch.full(shape, 1)
    if kind == "rand":
        return torch.rand(shape)
    raise ValueError(f"unknown kind: {kind}")


@mistake(
    "returned str(t.dtype), which is 'torch.int64', not the short name 'int64'",
    replaces="shape_and_dtype",
)
def long_dtype_name(t):
    return tuple(t.shape), str(t.dtype)


@mistake(
    "took the dtype name from NumPy (t.detach().numpy().dtype.name): NumPy has no bfloat16, so a "
    "bfloat16 tensor raises instead of giving 'bfloat16'",
    replaces="shape_and_dtype",
)
def numpy_dtype_name(t):
    return tuple(t.shape), t.detach().numpy().dtype.name


@mistake(
    "returned the shape as a list (list(t.shape)), not a tuple of ints",
    replaces="shape_and_dtype",
)
def shape_as_list(t):
    return list(t.shape), str(t.dtype).replace("torch.", "")


@mistake(
    "wrapped the values in tf.Variable(data, dtype=dtype): a Variable, not the tf.Tensor asked for",
    replaces="tf_from_nested",
)
def tf_variable_instead(data, dtype):
    return tf.Variable(data, dtype=dtype)


@mistake(
    "used tf.fill(shape, 0) / tf.fill(shape, 1): integer fill values make an int32 tensor, "
    "not float32",
    replaces="tf_filled",
)
def tf_fill_int(kind, shape):
    if kind == "zeros":
        return tf.fill(shape, 0)
    if kind == "ones":
        return tf.fill(shape, 1)
    if kind == "rand":
        return tf.random.uniform(shape)
    raise ValueError(f"unknown kind: {kind}")
