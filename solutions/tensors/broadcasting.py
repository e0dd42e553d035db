"""Reference answer of kata tensors/broadcasting."""

from itertools import zip_longest

import tensorflow as tf
import torch


def add_bias(x: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return x + b


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    result = []
    for side_a, side_b in zip_longest(reversed(a), reversed(b), fillvalue=1):
        if side_a != side_b and 1 not in (side_a, side_b):
            raise ValueError(f"shapes {a} and {b} do not broadcast: {side_a} vs {side_b}")
        result.append(max(side_a, side_b))
    return tuple(reversed(result))


def tf_add_bias(x: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    return x + b
