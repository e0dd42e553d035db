"""Kata tensors/broadcasting: how shapes stretch to fit.

Two shapes broadcast when, compared from the right, each pair of sides is equal or one of them
is 1 (a missing side counts as 1). Each result side is the larger of the pair. (Every side
here is at least 1.)
"""

import tensorflow as tf
import torch


def add_bias(x: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Add the bias ``b`` of shape (F,) to every row of ``x`` of shape (N, F): a new tensor of the
    dtype of ``x`` and ``b`` (float32 or float64), on their device; ``x`` and ``b`` are left as
    they were.

    >>> add_bias(torch.zeros(2, 3), torch.tensor([1., 2., 3.]))
    tensor([[1., 2., 3.],
            [1., 2., 3.]])
    """
    raise NotImplementedError("add_bias(): not implemented yet (kata tensors/broadcasting)")


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of ``x + y`` for ``x`` of shape ``a`` and ``y`` of shape ``b``, as a tuple, worked
    out by hand: no torch, NumPy or TensorFlow call (no ``broadcast_shapes``, no arrays made to
    add). When they do not broadcast, ValueError naming both shapes, as in "shapes (3,) and
    (4,) do not broadcast" (a list spelling such as [3] is fine too).

    >>> broadcast_shape((4, 1, 3), (5, 1))
    (4, 5, 3)
    """
    raise NotImplementedError("broadcast_shape(): not implemented yet (kata tensors/broadcasting)")


def tf_add_bias(x: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``add_bias``: a tf.Tensor of the dtype of ``x`` and ``b``."""
    raise NotImplementedError("tf_add_bias(): not implemented yet (kata tensors/broadcasting)")
