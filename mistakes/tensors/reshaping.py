"""Named mistakes of kata tensors/reshaping."""

import torch

from katas._support.mistakes import mistake


@mistake("view instead of reshape: fails on a non-contiguous tensor", replaces="reshape_to")
def always_view(t, shape):
    return t.view(shape)


@mistake("flattened instead of reshaping", replaces="reshape_to")
def flattened(t, shape):
    return t.flatten()


@mistake("contiguous().view(): silently copies a transposed tensor instead of saying no view exists", replaces="try_view")
def contiguous_then_view(t, shape):
    return t.contiguous().view(shape)


@mistake("reshape in try_view: a copy is not a view", replaces="try_view")
def reshape_is_not_a_view(t, shape):
    return t.clone().reshape(shape)


@mistake("compared the tensors' data_ptr(): a slice starts elsewhere in the same storage", replaces="shares_storage")
def tensor_pointers(a, b):
    return a.data_ptr() == b.data_ptr()
