"""Named mistakes of kata tensors/creating."""

import numpy as np
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


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- from_nested

@mistake("I always asked for float32, the example used float32 so I hard-coded it", replaces="from_nested")
def from_nested_hardcoded_float32(data, dtype):
    return torch.tensor(data, dtype=torch.float32)


@mistake("I built it with torch.Tensor(data) (float32) and then cast to dtype, losing precision for float64/int64",
         replaces="from_nested")
def from_nested_via_float32_then_cast(data, dtype):
    return torch.Tensor(data).to(dtype)


@mistake("I flattened the nested lists first, so the tensor lost its shape", replaces="from_nested")
def from_nested_flattened(data, dtype):
    flat = []

    def walk(d):
        if isinstance(d, (list, tuple)):
            for e in d:
                walk(e)
        else:
            flat.append(d)

    walk(data)
    return torch.tensor(flat, dtype=dtype)


# ---------------------------------------------------------------- filled

@mistake("looked the kind up in a dict, so an unknown kind raises KeyError, not ValueError", replaces="filled")
def filled_keyerror(kind, shape):
    makers = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand}
    return makers[kind](shape)


@mistake("raised ValueError but the message does not say which kind was bad", replaces="filled")
def filled_message_without_kind(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        return torch.rand(shape)
    raise ValueError("kind must be zeros, ones or rand")


@mistake("made the kind case-insensitive, so 'ZEROS' or 'Ones' is accepted instead of raising", replaces="filled")
def filled_case_insensitive(kind, shape):
    k = kind.lower().strip()
    if k == "zeros":
        return torch.zeros(shape)
    if k == "ones":
        return torch.ones(shape)
    if k == "rand":
        return torch.rand(shape)
    raise ValueError(f"unknown kind {kind!r}")


@mistake("used torch.zeros(*shape): breaks for the scalar shape ()", replaces="filled")
def filled_star_shape(kind, shape):
    if kind == "zeros":
        return torch.zeros(*shape)
    if kind == "ones":
        return torch.ones(*shape)
    if kind == "rand":
        return torch.rand(*shape)
    raise ValueError(f"unknown kind {kind!r}")


@mistake("wrote ones with dtype=torch.long (ones are counts, I thought), so they come out int64 not float32", replaces="filled")
def filled_int_ones(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape, dtype=torch.long)
    if kind == "rand":
        return torch.rand(shape)
    raise ValueError(f"unknown kind {kind!r}")


@mistake("seeded the generator inside the function so 'rand' returns the same values every call "
         "(and resets everyone's random state)", replaces="filled")
def filled_reseeds(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        torch.manual_seed(0)
        return torch.rand(shape)
    raise ValueError(f"unknown kind {kind!r}")


# ---------------------------------------------------------------- shape_and_dtype

@mistake("returned str(t.dtype), which is 'torch.int64', not the short name", replaces="shape_and_dtype")
def shape_and_dtype_long_name(t):
    return tuple(t.shape), str(t.dtype)


@mistake("returned the shape as a list", replaces="shape_and_dtype")
def shape_and_dtype_list_shape(t):
    return list(t.shape), str(t.dtype).split(".")[-1]


@mistake("asked NumPy for the dtype name: crashes on tensors that require grad and on bfloat16",
         replaces="shape_and_dtype")
def shape_and_dtype_via_numpy(t):
    return tuple(t.shape), t.numpy().dtype.name


@mistake("a lookup table of a few dtypes, defaulting to 'float32' for the rest", replaces="shape_and_dtype")
def shape_and_dtype_table(t):
    names = {torch.int64: "int64", torch.float32: "float32", torch.int32: "int32"}
    return tuple(t.shape), names.get(t.dtype, "float32")


# ---------------------------------------------------------------- tf_from_nested

@mistake("returned a tf.Variable, not a tf.Tensor", replaces="tf_from_nested")
def tf_from_nested_variable(data, dtype):
    return tf.Variable(data, dtype=dtype)


@mistake("returned a NumPy array of the right dtype instead of a tf.Tensor", replaces="tf_from_nested")
def tf_from_nested_numpy(data, dtype):
    return np.array(data, dtype=dtype.as_numpy_dtype)


# ---------------------------------------------------------------- tf_filled

@mistake("rand as tf.random.uniform(minval=-1, maxval=1), the range I remembered from weight init, not [0, 1)", replaces="tf_filled")
def tf_filled_wrong_range(kind, shape):
    if kind == "zeros":
        return tf.zeros(shape)
    if kind == "ones":
        return tf.ones(shape)
    if kind == "rand":
        return tf.random.uniform(shape, minval=-1.0, maxval=1.0)
    raise ValueError(f"unknown kind {kind!r}")


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("built the tensor in float64 'to be safe', then cast to dtype: int64 beyond 2**53 comes out rounded",
         replaces="from_nested")
def from_nested_via_float64_then_cast(data, dtype):
    return torch.tensor(data, dtype=torch.float64).to(dtype)


@mistake("spread the shape for rand: torch.rand(*shape) is torch.rand() for a 0-d shape", replaces="filled")
def filled_rand_star_shape(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        return torch.rand(*shape)
    raise ValueError(f"unknown kind {kind!r}")


_calls = iter(range(1, 10**9))


@mistake("seeded torch's generator with a new seed on each call: fresh values, but everyone's random state is reset",
         replaces="filled")
def filled_reseeds_with_a_counter(kind, shape):
    if kind == "zeros":
        return torch.zeros(shape)
    if kind == "ones":
        return torch.ones(shape)
    if kind == "rand":
        torch.manual_seed(next(_calls))
        return torch.rand(shape)
    raise ValueError(f"unknown kind {kind!r}")
