"""Named mistakes of kata tensors/broadcasting."""

from itertools import zip_longest

import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake("bias added down the columns (b[:, None]) instead of along each row", replaces="add_bias")
def bias_as_column(x, b):
    return x + b[: x.shape[0], None]


@mistake("shapes aligned from the left instead of the right", replaces="broadcast_shape")
def aligned_left(a, b):
    result = []
    for side_a, side_b in zip_longest(a, b, fillvalue=1):
        if side_a != side_b and 1 not in (side_a, side_b):
            raise ValueError(f"{a} vs {b}")
        result.append(max(side_a, side_b))
    return tuple(result)


@mistake("took the larger side without checking that the other is 1", replaces="broadcast_shape")
def unchecked_max(a, b):
    return tuple(reversed([max(x, y) for x, y in zip_longest(reversed(a), reversed(b), fillvalue=1)]))


@mistake("tf: bias added down the columns", replaces="tf_add_bias")
def tf_bias_as_column(x, b):
    return x + tf.reshape(b[: x.shape[0]], (-1, 1))


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- add_bias

@mistake("added in place with x += b: changes the caller's x", replaces="add_bias")
def add_bias_inplace(x, b):
    x += b
    return x


@mistake("built a tensor of the bias repeated N times and forgot to add x", replaces="add_bias")
def add_bias_forgot_x(x, b):
    return b.repeat(x.shape[0], 1)


@mistake("cast the result to float32 'to be safe'", replaces="add_bias")
def add_bias_float32(x, b):
    return (x + b).float()


@mistake("added the mean of the bias to everything", replaces="add_bias")
def add_bias_mean(x, b):
    return x + b.mean()


# ---------------------------------------------------------------- broadcast_shape

@mistake("raised ValueError but with a message that names neither shape", replaces="broadcast_shape")
def broadcast_shape_vague_message(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError("shapes do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake("message names only the clashing sides, e.g. '3 vs 4', not the two shapes", replaces="broadcast_shape")
def broadcast_shape_message_sides(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"cannot broadcast side {x} with side {y}")
        out.append(max(x, y))
    return tuple(out)


@mistake("raised RuntimeError (like torch does) instead of ValueError", replaces="broadcast_shape")
def broadcast_shape_runtime_error(a, b):
    n = max(len(a), len(b))
    pa = (1,) * (n - len(a)) + tuple(a)
    pb = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise RuntimeError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake("zipped the reversed shapes, which stops at the shorter one, so leading sides are lost",
         replaces="broadcast_shape")
def broadcast_shape_zip_truncates(a, b):
    out = []
    for x, y in zip(reversed(a), reversed(b)):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(reversed(out))


@mistake("built the result from the right and forgot to reverse it back", replaces="broadcast_shape")
def broadcast_shape_not_reversed(a, b):
    ra, rb = list(reversed(a)), list(reversed(b))
    out = []
    for i in range(max(len(ra), len(rb))):
        x = ra[i] if i < len(ra) else 1
        y = rb[i] if i < len(rb) else 1
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


@mistake("used torch.broadcast_shapes, which the kata forbids (and returns a torch.Size)", replaces="broadcast_shape")
def broadcast_shape_torch(a, b):
    try:
        return torch.broadcast_shapes(a, b)
    except RuntimeError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


@mistake("used np.broadcast_shapes, which the kata forbids", replaces="broadcast_shape")
def broadcast_shape_numpy(a, b):
    try:
        return tuple(int(n) for n in np.broadcast_shapes(tuple(a), tuple(b)))
    except ValueError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


@mistake("returned a list instead of a tuple", replaces="broadcast_shape")
def broadcast_shape_list(a, b):
    n = max(len(a), len(b))
    pa = [1] * (n - len(a)) + list(a)
    pb = [1] * (n - len(b)) + list(b)
    out = []
    for x, y in zip(pa, pb):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return out


# ---------------------------------------------------------------- tf_add_bias

@mistake("returned NumPy: x.numpy() + b.numpy()", replaces="tf_add_bias")
def tf_add_bias_numpy(x, b):
    return x.numpy() + b.numpy()


@mistake("cast the result to float32", replaces="tf_add_bias")
def tf_add_bias_cast(x, b):
    return tf.cast(x + b, tf.float32)


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


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("made two NumPy arrays with np.full and added them, rewrapping NumPy's error", replaces="broadcast_shape")
def numpy_full_arrays_added(a, b):
    import numpy as np

    try:
        return (np.full(a, 0) + np.full(b, 0)).shape
    except ValueError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


@mistake("made two torch tensors with torch.rand and added them, rewrapping torch's error", replaces="broadcast_shape")
def torch_rand_tensors_added(a, b):
    import torch

    try:
        return tuple((torch.rand(a) + torch.rand(b)).shape)
    except RuntimeError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


@mistake("used torch.functional.broadcast_shapes, another name of the helper", replaces="broadcast_shape")
def torch_functional_broadcast_shapes(a, b):
    import torch

    try:
        return tuple(torch.functional.broadcast_shapes(a, b))
    except RuntimeError:
        raise ValueError(f"shapes {a} and {b} do not broadcast") from None


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until "on their device" was checked on the meta device.

@mistake("moved both to the CPU before adding, so the result is not on the inputs' device", replaces="add_bias")
def moved_to_cpu(x, b):
    return x.cpu() + b.cpu()


# Held-out blind round (2026-12-03), run with the pinned profile (the @example pins alone): the only
# pin of the error, (3,) and (4,), reads the same reversed, and only drawn examples rejected this


@mistake(
    "reversed and padded a and b, then named those in the error: (2, 3) and (4,) are reported as (3, 2) and "
    "(4, 1), not the shapes passed in",
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
