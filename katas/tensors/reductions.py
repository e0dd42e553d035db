"""Kata tensors/reductions: means over a dimension.

A reduction collapses a dimension. Reducing dim 0 of a (rows, columns) table averages down each
column. ``keepdim`` keeps the reduced dimension as a side of 1, so the result still broadcasts
against the input.
"""

import tensorflow as tf
import torch


def column_means(x: torch.Tensor) -> torch.Tensor:
    """The mean over dim 0: for x of shape (N, ...), a tensor of shape (...).

    >>> column_means(torch.tensor([[1., 2.], [3., 4.]]))
    tensor([2., 3.])
    """
    raise NotImplementedError("column_means(): not implemented yet (kata tensors/reductions)")


def means_keepdim(x: torch.Tensor, dim: int) -> torch.Tensor:
    """The mean over ``dim`` (negative counts from the end), keeping it as a side of 1.

    >>> means_keepdim(torch.ones(2, 3), 1).shape
    torch.Size([2, 1])
    """
    raise NotImplementedError("means_keepdim(): not implemented yet (kata tensors/reductions)")


def tf_column_means(x: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``column_means`` (tf.reduce_mean)."""
    raise NotImplementedError("tf_column_means(): not implemented yet (kata tensors/reductions)")


def tf_means_keepdim(x: tf.Tensor, dim: int) -> tf.Tensor:
    """TensorFlow's ``means_keepdim``."""
    raise NotImplementedError("tf_means_keepdim(): not implemented yet (kata tensors/reductions)")
