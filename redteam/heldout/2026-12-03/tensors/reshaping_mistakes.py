"""Blind red team: wrong answers for kata tensors/reshaping."""
import numpy as np
import torch

from katas._support.mistakes import mistake


@mistake(
    "used t.view(shape): view fails on a non-contiguous tensor such as a transpose, and "
    "reshape_to must work for any t",
    replaces="reshape_to",
)
def view_only(t, shape):
    return t.view(shape)


@mistake(
    "resized in place with t.resize_(shape): the caller's t changes shape (and a tensor that "
    "requires grad cannot be resized at all)",
    replaces="reshape_to",
)
def in_place_resize(t, shape):
    return t.resize_(shape)


@mistake(
    "detached before reshaping to keep autograd out of it: the result is no longer in t's graph",
    replaces="reshape_to",
)
def detached_reshape(t, shape):
    return t.detach().reshape(shape)


@mistake(
    "filled the new shape column by column (Fortran order, through reversed transposes) instead "
    "of in row-major order: the shape is right, the values are in the wrong places",
    replaces="reshape_to",
)
def column_major_fill(t, shape):
    reverse_in = tuple(range(t.dim() - 1, -1, -1))
    reverse_out = tuple(range(len(shape) - 1, -1, -1))
    return t.permute(reverse_in).reshape(tuple(reversed(shape))).permute(reverse_out)


@mistake(
    "returned t.reshape(shape): on a transpose reshape quietly copies, so a copy comes back "
    "where None is asked for",
    replaces="try_view",
)
def reshape_instead_of_view(t, shape):
    return t.reshape(shape)


@mistake(
    "returned None for every non-contiguous tensor, but every other row of a matrix, split along "
    "its last side, can still be viewed and its view must be returned",
    replaces="try_view",
)
def none_unless_contiguous(t, shape):
    if not t.is_contiguous():
        return None
    return t.view(shape)


@mistake(
    "cloned t before viewing so the view never fails: the result has its own storage, a copy, "
    "not a view sharing t's storage",
    replaces="try_view",
)
def view_of_a_clone(t, shape):
    try:
        return t.clone().view(shape)
    except RuntimeError:
        return None


@mistake(
    "compared a.data_ptr() with b.data_ptr(), the address of the first element: a slice that "
    "starts later (t[1:]) is reported as not sharing storage",
    replaces="shares_storage",
)
def same_first_element(a, b):
    return a.data_ptr() == b.data_ptr()


@mistake(
    "checked a._base is b or b._base is a: two slices of one tensor both have that tensor as "
    "their base, so they are reported as not sharing",
    replaces="shares_storage",
)
def base_of_each_other(a, b):
    return a is b or a._base is b or b._base is a


@mistake(
    "used np.shares_memory on the NumPy views: it asks whether the elements overlap, so two "
    "non-overlapping slices of one tensor give False",
    replaces="shares_storage",
)
def numpy_overlap(a, b):
    return bool(np.shares_memory(a.detach().numpy(), b.detach().numpy()))


@mistake(
    "checked that b's first element lies inside a's memory: works for shares_storage(t, t[1:]) "
    "but not in the other order, nor for slices that do not overlap",
    replaces="shares_storage",
)
def b_inside_a(a, b):
    start = a.data_ptr()
    end = start + a.numel() * a.element_size()
    return start <= b.data_ptr() < end


@mistake(
    "reshaped in NumPy (t.numpy().reshape(shape)): the result is a NumPy array, not a tf.Tensor",
    replaces="tf_reshape_to",
)
def tf_numpy_reshape(t, shape):
    return t.numpy().reshape(shape)
