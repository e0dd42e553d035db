"""Correct alternatives of kata tensors/broadcasting: other styles the tests must accept."""

from itertools import zip_longest

import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("torch.add with b first", replaces="add_bias")
def add_bias_torch_add(x, b):
    return torch.add(b, x)


@alternative("out-of-place add on a clone: x.clone().add_(b)", replaces="add_bias")
def add_bias_clone_inplace(x, b):
    out = x.clone()
    out.add_(b)
    return out


@alternative("negative indices from the right, message with the shapes as lists", replaces="broadcast_shape")
def broadcast_shape_negative_index(a, b):
    n = max(len(a), len(b))
    out = [0] * n
    for i in range(1, n + 1):
        x = a[-i] if i <= len(a) else 1
        y = b[-i] if i <= len(b) else 1
        if x != y and 1 not in (x, y):
            raise ValueError("shapes %s and %s are not broadcastable" % (list(a), list(b)))
        out[-i] = max(x, y)
    return tuple(out)


@alternative("recursion on the last sides", replaces="broadcast_shape")
def broadcast_shape_recursive(a, b):
    a, b = tuple(a), tuple(b)

    def go(p, q):
        if not p:
            return q
        if not q:
            return p
        x, y = p[-1], q[-1]
        if x != y and x != 1 and y != 1:
            raise ValueError(f"{a} and {b} do not broadcast (side {x} vs {y})")
        return go(p[:-1], q[:-1]) + (y if x == 1 else x,)

    return go(a, b)


@alternative("tf.nn.bias_add", replaces="tf_add_bias")
def tf_add_bias_nn(x, b):
    return tf.nn.bias_add(x, b)


@alternative("reshape b to a (1, F) row, b first", replaces="tf_add_bias")
def tf_add_bias_row(x, b):
    return tf.reshape(b, (1, -1)) + x


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
def broadcast_shape_negative_index_2(a, b):
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
