"""Blind red team: wrong answers for kata tensors/broadcasting."""
import numpy as np
import torch

from katas._support.mistakes import mistake


@mistake(
    "added in place (x += b) and returned x: the caller's x is changed, not a new tensor",
    replaces="add_bias",
)
def in_place_add(x, b):
    x += b
    return x


@mistake(
    "started from torch.zeros_like(x) and added b, forgetting x itself: right only when x is all "
    "zeros, as in the example",
    replaces="add_bias",
)
def forgot_x(x, b):
    return torch.zeros_like(x) + b


@mistake(
    "called .float() on the sum, so float64 inputs come back as float32 instead of their dtype",
    replaces="add_bias",
)
def forced_float32(x, b):
    return (x + b).float()


@mistake(
    "moved both to the CPU before adding, so the result is not on the inputs' device",
    replaces="add_bias",
)
def moved_to_cpu(x, b):
    return x.cpu() + b.cpu()


@mistake(
    "took the larger side of each pair without checking that the other is equal or 1: "
    "(3,) and (4,) give (4,) instead of raising ValueError",
    replaces="broadcast_shape",
)
def no_compatibility_check(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    return tuple(max(x, y) for x, y in zip(pa, pb))


@mistake(
    "raised RuntimeError (like torch does) instead of ValueError when the shapes do not broadcast",
    replaces="broadcast_shape",
)
def runtime_error(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise RuntimeError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake(
    "raised ValueError('shapes do not broadcast') without naming the two shapes",
    replaces="broadcast_shape",
)
def message_without_shapes(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError("shapes do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake(
    "returned the result as a list, not as a tuple",
    replaces="broadcast_shape",
)
def returns_list(a, b):
    n = max(len(a), len(b))
    pa = [1] * (n - len(a)) + list(a)
    pb = [1] * (n - len(b)) + list(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return out


@mistake(
    "called np.broadcast_shapes instead of working it out by hand, which the docstring forbids",
    replaces="broadcast_shape",
)
def numpy_broadcast_shapes(a, b):
    try:
        return tuple(np.broadcast_shapes(tuple(a), tuple(b)))
    except ValueError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


@mistake(
    "kept the extra leading sides of a only, assuming the first shape is the longer one: "
    "(5, 1) and (4, 1, 3) give (5, 3), not (4, 5, 3)",
    replaces="broadcast_shape",
)
def first_assumed_longer(a, b):
    lead = tuple(a[: len(a) - len(b)]) if len(a) > len(b) else ()
    out = []
    for x, y in zip(reversed(a), reversed(b)):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return lead + tuple(reversed(out))


@mistake(
    "reversed and padded a and b in place, then named those in the error: (2, 3) and (4,) are "
    "reported as (3, 2) and (4, 1), not the shapes passed in",
    replaces="broadcast_shape",
)
def message_names_reversed_shapes(a, b):
    n = max(len(a), len(b))
    a = tuple(reversed(a)) + (1,) * (n - len(a))
    b = tuple(reversed(b)) + (1,) * (n - len(b))
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(reversed(out))


@mistake(
    "added the NumPy arrays (x.numpy() + b.numpy()): the result is a NumPy array, not a tf.Tensor",
    replaces="tf_add_bias",
)
def tf_numpy_add(x, b):
    return x.numpy() + b.numpy()
