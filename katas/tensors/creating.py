"""Kata tensors/creating: make tensors, and read their shape and dtype.

Tensors are n-dimensional arrays with a dtype. The torch functions are yours to write; the
TensorFlow ones mirror them.
"""

import tensorflow as tf
import torch


def from_nested(data: list, dtype: torch.dtype) -> torch.Tensor:
    """A tensor with exactly the values of the nested lists ``data``, of dtype ``dtype``.

    Build it in ``dtype`` directly: made as float32 first and cast afterwards, float64 0.1 or
    int64 2**40 + 1 would come out rounded.

    >>> from_nested([[1, 2], [3, 4]], torch.float32)
    tensor([[1., 2.],
            [3., 4.]])
    """
    raise NotImplementedError("from_nested(): not implemented yet (kata tensors/creating)")


def filled(kind: str, shape: tuple[int, ...]) -> torch.Tensor:
    """A float32 tensor of ``shape``: all zeros ("zeros"), all ones ("ones"), or uniform random
    values in [0, 1) ("rand"), fresh ones on each call (do not seed the generator here).
    ``shape`` may be ``()``, a 0-d tensor. The kind is matched exactly: any other ``kind``
    ("empty", "Zeros") raises ValueError with the kind in its message.

    >>> filled("ones", (2, 3)).shape
    torch.Size([2, 3])
    """
    raise NotImplementedError("filled(): not implemented yet (kata tensors/creating)")


def shape_and_dtype(t: torch.Tensor) -> tuple[tuple[int, ...], str]:
    """The shape as a tuple of ints and the dtype's short name, for a tensor of any dtype
    (bfloat16 and bool too) and one that requires grad.

    >>> shape_and_dtype(torch.zeros(2, 3, dtype=torch.int64))
    ((2, 3), 'int64')
    """
    raise NotImplementedError("shape_and_dtype(): not implemented yet (kata tensors/creating)")


def tf_from_nested(data: list, dtype: tf.DType) -> tf.Tensor:
    """TensorFlow's ``from_nested``: a tf.Tensor (not a tf.Variable) of ``dtype`` with exactly
    the values of ``data``."""
    raise NotImplementedError("tf_from_nested(): not implemented yet (kata tensors/creating)")


def tf_filled(kind: str, shape: tuple[int, ...]) -> tf.Tensor:
    """TensorFlow's ``filled``: a float32 tf.Tensor of zeros, ones or fresh uniform [0, 1) values;
    any other kind raises ValueError with the kind in its message."""
    raise NotImplementedError("tf_filled(): not implemented yet (kata tensors/creating)")
