"""Kata tensors/broadcasting: how shapes stretch to fit.

Two shapes broadcast when, compared from the right, each pair of sides is equal or one of them
is 1 (a missing side counts as 1). Each result side is the larger of the pair.
"""

import tensorflow as tf
import torch


def add_bias(x: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Add the bias ``b`` of shape (F,) to every row of ``x`` of shape (N, F).

    >>> add_bias(torch.zeros(2, 3), torch.tensor([1., 2., 3.]))
    tensor([[1., 2., 3.],
            [1., 2., 3.]])
    """
    raise NotImplementedError("add_bias(): not implemented yet (kata tensors/broadcasting)")


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of ``x + y`` for ``x`` of shape ``a`` and ``y`` of shape ``b``, worked out by
    hand (no torch, no NumPy); ValueError naming both shapes when they do not broadcast.

    >>> broadcast_shape((4, 1, 3), (5, 1))
    (4, 5, 3)
    """
    raise NotImplementedError("broadcast_shape(): not implemented yet (kata tensors/broadcasting)")


def tf_add_bias(x: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``add_bias``."""
    raise NotImplementedError("tf_add_bias(): not implemented yet (kata tensors/broadcasting)")
