"""Kata tensors/reshaping: reshape, view, and when they share memory.

``reshape`` gives any compatible shape. ``view`` gives the same data under a new shape without
copying, which needs a compatible memory layout: it fails on a non-contiguous tensor such as a
transpose, where ``reshape`` quietly copies.
"""

import tensorflow as tf
import torch


def reshape_to(t: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """``t`` with the same values in row-major order, arranged as ``shape``. Works for any ``t``:
    a non-contiguous one (a transpose), one that requires grad (the result stays in its graph).
    ``t`` itself is left as it was (no in-place ``resize_``).

    >>> reshape_to(torch.arange(24).reshape(8, 3), (4, 6)).shape   # the novice challenge
    torch.Size([4, 6])
    """
    raise NotImplementedError("reshape_to(): not implemented yet (kata tensors/reshaping)")


def try_view(t: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor | None:
    """A view of ``t`` with ``shape`` that shares ``t``'s storage, or None when no view is
    possible (for example flattening a transposed tensor). Never a copy, and ``t`` is left as
    it was. Some non-contiguous tensors can still be viewed (every other row of a matrix, split
    along its last side): return their view. ``shape`` always holds t's number of elements.

    >>> try_view(torch.zeros(2, 3).T, (6,)) is None
    True
    """
    raise NotImplementedError("try_view(): not implemented yet (kata tensors/reshaping)")


def shares_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    """True when ``a`` and ``b`` are backed by the same storage (a view, a slice; two slices of
    one tensor even where they do not overlap), in either order, else False. A bool; tensors
    that require grad work too.

    >>> t = torch.zeros(4); shares_storage(t, t[1:]), shares_storage(t, t.clone())
    (True, False)
    """
    raise NotImplementedError("shares_storage(): not implemented yet (kata tensors/reshaping)")


def tf_reshape_to(t: tf.Tensor, shape: tuple[int, ...]) -> tf.Tensor:
    """TensorFlow's ``reshape_to``, as a tf.Tensor. (TensorFlow has no views: tensors are immutable.)"""
    raise NotImplementedError("tf_reshape_to(): not implemented yet (kata tensors/reshaping)")
