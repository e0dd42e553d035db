"""Named mistakes of kata tensors/reshaping."""

import numpy as np
import tensorflow as tf
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


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- reshape_to

@mistake("went through NumPy with order='F' (column-major), not row-major", replaces="reshape_to")
def reshape_to_column_major(t, shape):
    return torch.from_numpy(np.reshape(t.detach().cpu().numpy(), shape, order="F").copy())


@mistake("cloned then resize_()d: for a transposed tensor the clone keeps its strides and resize_ reads "
         "the memory order, not the row-major order", replaces="reshape_to")
def reshape_to_clone_resize(t, shape):
    return t.clone().resize_(shape)


@mistake("resize_ on t itself: reshapes the caller's tensor in place", replaces="reshape_to")
def reshape_to_resize_inplace(t, shape):
    return t.resize_(shape)


@mistake("only used the first side and -1, fine for 2-D targets like (4, 6) only", replaces="reshape_to")
def reshape_to_first_dim_only(t, shape):
    return t.reshape(shape[0], -1)


@mistake("round-tripped through NumPy: crashes when t requires grad", replaces="reshape_to")
def reshape_to_numpy_roundtrip(t, shape):
    return torch.from_numpy(t.numpy().reshape(shape))


# ---------------------------------------------------------------- try_view

@mistake("no try/except: raises RuntimeError instead of returning None", replaces="try_view")
def try_view_no_except(t, shape):
    return t.view(shape)


@mistake("returned None for every non-contiguous tensor, though some (e.g. a strided slice split along "
         "its last side) can still be viewed", replaces="try_view")
def try_view_contiguity_test(t, shape):
    if not t.is_contiguous():
        return None
    try:
        return t.view(shape)
    except RuntimeError:
        return None


@mistake("made the view contiguous afterwards 'to be safe', which copies when the view is strided",
         replaces="try_view")
def try_view_then_contiguous(t, shape):
    try:
        return t.view(shape).contiguous()
    except RuntimeError:
        return None


@mistake("on failure returned t unchanged instead of None", replaces="try_view")
def try_view_returns_t(t, shape):
    try:
        return t.view(shape)
    except RuntimeError:
        return t


# ---------------------------------------------------------------- shares_storage

@mistake("checked only whether b's start lies inside a's memory, so shares_storage(t[1:], t) is False",
         replaces="shares_storage")
def shares_storage_one_direction(a, b):
    start = a.data_ptr()
    end = start + a.numel() * a.element_size()
    return start <= b.data_ptr() < end


@mistake("checked _base both ways, but a tensor vs itself and two sibling slices come out False",
         replaces="shares_storage")
def shares_storage_base_both(a, b):
    return a._base is b or b._base is a


@mistake("compared the values with torch.equal, not the memory", replaces="shares_storage")
def shares_storage_values(a, b):
    return a.shape == b.shape and torch.equal(a, b)


@mistake("returned 1/0 instead of True/False", replaces="shares_storage")
def shares_storage_int(a, b):
    return 1 if a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr() else 0


@mistake("used np.shares_memory on .numpy(): crashes when a tensor requires grad", replaces="shares_storage")
def shares_storage_numpy(a, b):
    return bool(np.may_share_memory(a.numpy(), b.numpy()))


# ---------------------------------------------------------------- tf_reshape_to

@mistake("wrapped the result in tf.Variable", replaces="tf_reshape_to")
def tf_reshape_to_variable(t, shape):
    return tf.Variable(tf.reshape(t, shape))


@mistake("I reshaped a detached copy and switched requires_grad back on if t had it", replaces="reshape_to")
def reshape_to_rewraps_requires_grad(t, shape):
    # result requires grad but is a new leaf: not in t's graph, gradients never reach t
    out = t.detach().reshape(shape).clone()
    if t.requires_grad:
        out.requires_grad_(True)
    return out


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("followed ._base to each tensor's root and compared the roots: a detached alias has no ._base",
         replaces="shares_storage")
def shares_storage_root_bases(a, b):
    def root(x):
        return x._base if x._base is not None else x

    return root(a) is root(b)
