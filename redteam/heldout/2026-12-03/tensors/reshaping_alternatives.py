"""Blind red team: correct answers in other styles for kata tensors/reshaping."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("make it contiguous first, then view (contiguous() keeps the graph)", replaces="reshape_to")
def contiguous_then_view(t, shape):
    return t.contiguous().view(shape)


@alternative("the function form torch.reshape(t, shape)", replaces="reshape_to")
def torch_reshape_function(t, shape):
    return torch.reshape(t, shape)


@alternative(
    "reshape (which gives a view whenever one is possible), kept only if it shares t's storage",
    replaces="try_view",
)
def reshape_then_check_storage(t, shape):
    try:
        result = t.reshape(shape)
    except RuntimeError:
        return None
    if result.untyped_storage().data_ptr() != t.untyped_storage().data_ptr():
        return None
    return result


@alternative(
    "storage base address worked out from data_ptr() minus the storage offset in bytes",
    replaces="shares_storage",
)
def base_address(a, b):
    base_a = a.data_ptr() - a.storage_offset() * a.element_size()
    base_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return bool(base_a == base_b)


@alternative("tf.reshape with the shape as a list", replaces="tf_reshape_to")
def tf_reshape_list(t, shape):
    return tf.reshape(t, list(shape))
