"""Blind red team: correct alternative answers for kata tensors/reshaping."""
import contextlib

import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("contiguous() then view()", replaces="reshape_to")
def reshape_to_contiguous_view(t, shape):
    return t.contiguous().view(shape)


@alternative("functional torch.reshape", replaces="reshape_to")
def reshape_to_functional(t, shape):
    return torch.reshape(t, shape)


@alternative("flatten first, then reshape", replaces="reshape_to")
def reshape_to_flatten_first(t, shape):
    return t.flatten().reshape(shape)


@alternative("contextlib.suppress(RuntimeError) around view", replaces="try_view")
def try_view_suppress(t, shape):
    with contextlib.suppress(RuntimeError):
        return t.view(shape)
    return None


@alternative("view with a list shape, result stored then returned", replaces="try_view")
def try_view_list_shape(t, shape):
    try:
        result = t.view(list(shape))
    except RuntimeError:
        result = None
    return result


@alternative("compares storage base addresses from data_ptr and storage_offset", replaces="shares_storage")
def shares_storage_base_address(a, b):
    base_a = a.data_ptr() - a.storage_offset() * a.element_size()
    base_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return base_a == base_b


@alternative("untyped_storage of detached tensors, wrapped in bool()", replaces="shares_storage")
def shares_storage_detached(a, b):
    return bool(a.detach().untyped_storage().data_ptr() == b.detach().untyped_storage().data_ptr())


@alternative("tf.reshape with a list shape", replaces="tf_reshape_to")
def tf_reshape_to_list(t, shape):
    return tf.reshape(t, list(shape))


@alternative("NumPy reshape then back to a tf.Tensor", replaces="tf_reshape_to")
def tf_reshape_to_numpy_roundtrip(t, shape):
    return tf.convert_to_tensor(np.asarray(t.numpy()).reshape(shape))
