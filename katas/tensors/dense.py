"""Kata tensors/dense: matrix multiplication and the dense layer x @ W + b.

A dense (fully connected) layer maps ``in`` features to ``out`` features: x of shape
(..., in) times W of shape (in, out), plus a bias b of shape (out,). Leading dimensions of x
are batch dimensions and pass through unchanged.
"""

import tensorflow as tf
import torch


def dense(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``x @ W + b`` for x of shape (..., in), W (in, out), b (out,), in the inputs' dtype and on
    their device. Any number of leading batch dimensions, none too: x of shape (in,) gives (out,).

    When x's last side differs from W's first, raise ValueError naming the shapes of x and W,
    in any usual spelling ((2, 1), [2, 1] or torch.Size([2, 1])), before multiplying: not by
    catching torch's own error afterwards, and not by transposing W to make it fit.

    >>> dense(torch.ones(5, 2, 3), torch.ones(3, 4), torch.zeros(4)).shape
    torch.Size([5, 2, 4])
    """
    raise NotImplementedError("dense(): not implemented yet (kata tensors/dense)")


def tf_dense(x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``dense``, for x with at least one batch dimension (tf.matmul needs rank 2),
    with the same ValueError on a shape mismatch, raised before multiplying."""
    raise NotImplementedError("tf_dense(): not implemented yet (kata tensors/dense)")
