"""Kata tensors/dense: matrix multiplication and the dense layer x @ W + b.

A dense (fully connected) layer maps ``in`` features to ``out`` features: x of shape
(..., in) times W of shape (in, out), plus a bias b of shape (out,). Leading dimensions of x
are batch dimensions and pass through unchanged.
"""

import tensorflow as tf
import torch


def dense(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``x @ W + b`` for x of shape (..., in), W (in, out), b (out,). When the shapes do not fit,
    raise ValueError naming the shapes of x and W (before torch raises its own error).

    >>> dense(torch.ones(5, 2, 3), torch.ones(3, 4), torch.zeros(4)).shape
    torch.Size([5, 2, 4])
    """
    raise NotImplementedError("dense(): not implemented yet (kata tensors/dense)")


def tf_dense(x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``dense``, with the same ValueError on a shape mismatch."""
    raise NotImplementedError("tf_dense(): not implemented yet (kata tensors/dense)")
