"""Blind red team: correct answers in other styles for kata tensors/broadcasting."""
from itertools import zip_longest

import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("torch.add with b lifted to a (1, F) row by indexing with None", replaces="add_bias")
def add_bias_torch_add_row(x, b):
    return torch.add(x, b[None, :])


@alternative("clones x, then adds the bias in place on the clone", replaces="add_bias")
def add_bias_clone_then_add_(x, b):
    out = x.clone()
    out.add_(b)
    return out


@alternative("zip_longest from the right with fillvalue 1; error names the shapes as lists",
             replaces="broadcast_shape")
def broadcast_shape_zip_longest(a, b):
    sides = []
    for x, y in zip_longest(reversed(a), reversed(b), fillvalue=1):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"shapes {list(a)} and {list(b)} do not broadcast")
        sides.append(max(x, y))
    return tuple(reversed(sides))


@alternative("negative indexes from the right, result built with insert(0, ...), %-formatting",
             replaces="broadcast_shape")
def broadcast_shape_negative_index(a, b):
    result = []
    for i in range(1, max(len(a), len(b)) + 1):
        x = a[-i] if i <= len(a) else 1
        y = b[-i] if i <= len(b) else 1
        if x == y or y == 1:
            result.insert(0, x)
        elif x == 1:
            result.insert(0, y)
        else:
            raise ValueError("shapes %s and %s do not broadcast" % (tuple(a), tuple(b)))
    return tuple(result)


@alternative("tf.nn.bias_add, the op made for adding a bias along the last axis", replaces="tf_add_bias")
def tf_add_bias_bias_add(x, b):
    return tf.nn.bias_add(x, b)
