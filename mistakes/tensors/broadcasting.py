"""Named mistakes of kata tensors/broadcasting."""

from itertools import zip_longest

import tensorflow as tf

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
