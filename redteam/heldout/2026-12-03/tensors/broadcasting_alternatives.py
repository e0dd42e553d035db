"""Blind red team: correct answers in other styles for kata tensors/broadcasting."""
from itertools import zip_longest

import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("make the row dimension explicit: x + b.unsqueeze(0)", replaces="add_bias")
def unsqueezed_bias(x, b):
    return x + b.unsqueeze(0)


@alternative("expand b to x's rows by hand, then torch.add", replaces="add_bias")
def expanded_bias(x, b):
    return torch.add(x, b.expand(x.shape[0], -1))


@alternative(
    "zip_longest over the reversed shapes with fillvalue 1, error naming the shapes as lists",
    replaces="broadcast_shape",
)
def zip_longest_from_the_right(a, b):
    out = []
    for x, y in zip_longest(reversed(a), reversed(b), fillvalue=1):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {list(a)} and {list(b)} do not broadcast")
        out.append(max(x, y))
    return tuple(reversed(out))


@alternative(
    "negative indices from the right with an explicit if/elif per pair of sides",
    replaces="broadcast_shape",
)
def negative_indices(a, b):
    n = max(len(a), len(b))
    out = [0] * n
    for i in range(1, n + 1):
        x = a[-i] if i <= len(a) else 1
        y = b[-i] if i <= len(b) else 1
        if x == y or y == 1:
            out[-i] = x
        elif x == 1:
            out[-i] = y
        else:
            raise ValueError(f"shapes {tuple(a)} and {tuple(b)} do not broadcast")
    return tuple(out)


@alternative("tf.nn.bias_add, TensorFlow's own bias op", replaces="tf_add_bias")
def tf_bias_add(x, b):
    return tf.nn.bias_add(x, b)
