"""Blind red team: wrong answers for kata tensors/broadcasting."""
import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- add_bias


@mistake("adds the bias with x += b so no new memory is needed, and returns x", replaces="add_bias")
def add_bias_plus_equals(x, b):
    x += b
    return x


@mistake("turns b into a (1, F) row with b.unsqueeze_(0) before adding", replaces="add_bias")
def add_bias_unsqueezes_b_in_place(x, b):
    b.unsqueeze_(0)
    return x + b


@mistake("puts .float() on the result out of habit, so float64 inputs come back float32", replaces="add_bias")
def add_bias_cast_to_float32(x, b):
    return (x + b).float()


# --------------------------------------------------------- broadcast_shape


@mistake("lets torch.broadcast_shapes do the work", replaces="broadcast_shape")
def broadcast_shape_with_torch(a, b):
    return tuple(torch.broadcast_shapes(a, b))


@mistake("uses np.broadcast_shapes, whose ValueError already names the shapes", replaces="broadcast_shape")
def broadcast_shape_with_numpy(a, b):
    return tuple(np.broadcast_shapes(a, b))


@mistake("multiplies the two sides instead of taking the larger (1 * n is n, so it looked right)",
         replaces="broadcast_shape")
def broadcast_shape_multiplies_sides(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {tuple(a)} and {tuple(b)} do not broadcast")
        out.append(x * y)
    return tuple(out)


@mistake("takes the larger side of each pair but never checks that the pair is compatible",
         replaces="broadcast_shape")
def broadcast_shape_never_raises(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    return tuple(max(x, y) for x, y in zip(pa, pb))


@mistake("raises RuntimeError, the error torch raises for this", replaces="broadcast_shape")
def broadcast_shape_runtime_error(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise RuntimeError(f"shapes {tuple(a)} and {tuple(b)} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake("error message says the shapes do not broadcast but does not say which shapes",
         replaces="broadcast_shape")
def broadcast_shape_message_without_shapes(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"sides {x} and {y} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake("returns the list it built instead of a tuple", replaces="broadcast_shape")
def broadcast_shape_returns_list(a, b):
    result = []
    for i in range(1, max(len(a), len(b)) + 1):
        x = a[-i] if i <= len(a) else 1
        y = b[-i] if i <= len(b) else 1
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        result.insert(0, max(x, y))
    return result


@mistake("pads the shorter shape with 1s first, then names the padded shapes in the error",
         replaces="broadcast_shape")
def broadcast_shape_names_padded_shapes(a, b):
    n = max(len(a), len(b))
    a = (1,) * (n - len(a)) + tuple(a)
    b = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


# ------------------------------------------------------------- tf_add_bias


@mistake("casts both to float32 first so TensorFlow never complains about dtypes", replaces="tf_add_bias")
def tf_add_bias_cast_to_float32(x, b):
    return tf.cast(x, tf.float32) + tf.cast(b, tf.float32)


@mistake("returns the sum as a NumPy array with .numpy()", replaces="tf_add_bias")
def tf_add_bias_returns_numpy(x, b):
    return (x + b).numpy()
