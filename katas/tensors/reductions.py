"""Kata tensors/reductions: means over a dimension.

A reduction collapses a dimension. Reducing dim 0 of a (rows, columns) table averages down each
column. ``keepdim`` keeps the reduced dimension as a side of 1, so the result still broadcasts
against the input.

Every function returns a tensor of its input's framework, dtype (float32 stays float32) and
device, with values equal to the exact mean up to that dtype's rounding, and leaves its input
unchanged.
Inputs have one or more dimensions, any side may be 1, and a torch input may be non-contiguous.
"""

import tensorflow as tf
import torch


def column_means(x: torch.Tensor) -> torch.Tensor:
    """The mean over dim 0: for x of shape (N, ...), a tensor of shape (...).

    Only dim 0 goes, even where other sides are 1: (3, 1) gives (1,), (2, 3, 4) gives (3, 4),
    and a 1-D (N,) gives a 0-d tensor.

    >>> column_means(torch.tensor([[1., 2.], [3., 4.]]))
    tensor([2., 3.])
    """
    raise NotImplementedError("column_means(): not implemented yet (kata tensors/reductions)")


def means_keepdim(x: torch.Tensor, dim: int) -> torch.Tensor:
    """The mean over ``dim`` (negative counts from the end), keeping it as a side of 1: the result
    has x's shape with side ``dim`` replaced by 1, so (2, 3, 4) with dim=-1 gives (2, 3, 1).

    >>> means_keepdim(torch.ones(2, 3), 1).shape
    torch.Size([2, 1])
    """
    raise NotImplementedError("means_keepdim(): not implemented yet (kata tensors/reductions)")


def tf_column_means(x: tf.Tensor) -> tf.Tensor:
    """TensorFlow's ``column_means`` (tf.reduce_mean): the same rule, returning a tf.Tensor."""
    raise NotImplementedError("tf_column_means(): not implemented yet (kata tensors/reductions)")


def tf_means_keepdim(x: tf.Tensor, dim: int) -> tf.Tensor:
    """TensorFlow's ``means_keepdim``: the same rule, returning a tf.Tensor."""
    raise NotImplementedError("tf_means_keepdim(): not implemented yet (kata tensors/reductions)")
