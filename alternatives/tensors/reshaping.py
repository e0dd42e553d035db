"""Correct alternatives of kata tensors/reshaping: other styles the tests must accept."""

import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("contiguous() then view", replaces="reshape_to")
def reshape_to_contiguous_view(t, shape):
    return t.contiguous().view(*shape)


@alternative("reshape and always copy (clone) the result", replaces="reshape_to")
def reshape_to_clone(t, shape):
    return t.reshape(shape).clone()


@alternative("reshape, keep it only if data_ptr did not move (it is a view)", replaces="try_view")
def try_view_via_reshape(t, shape):
    try:
        r = t.reshape(shape)
    except RuntimeError:
        return None
    return r if r.untyped_storage().data_ptr() == t.untyped_storage().data_ptr() else None


@alternative("view with *shape, catching any Exception", replaces="try_view")
def try_view_star(t, shape):
    try:
        v = t.view(*shape)
    except Exception:
        v = None
    return v


@alternative("compare storage base addresses worked out from data_ptr and storage_offset", replaces="shares_storage")
def shares_storage_offsets(a, b):
    base_a = a.data_ptr() - a.storage_offset() * a.element_size()
    base_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return base_a == base_b


@alternative("NumPy reshape (row-major) then tf.constant", replaces="tf_reshape_to")
def tf_reshape_to_numpy_constant(t, shape):
    return tf.constant(np.reshape(t.numpy(), shape))


@alternative("functional torch.reshape", replaces="reshape_to")
def reshape_to_functional(t, shape):
    return torch.reshape(t, shape)


@alternative("flatten first, then reshape", replaces="reshape_to")
def reshape_to_flatten_first(t, shape):
    return t.flatten().reshape(shape)
