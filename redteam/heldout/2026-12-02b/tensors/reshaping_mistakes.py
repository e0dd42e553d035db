"""Blind red team: wrong answers for kata tensors/reshaping."""
import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- reshape_to


@mistake("I used view, it's the same as reshape but faster", replaces="reshape_to")
def reshape_to_with_view(t, shape):
    # breaks: "Works for any t: a non-contiguous one (a transpose)" -> view raises there
    return t.view(shape)


@mistake("I detached first so the reshape doesn't drag the autograd graph along", replaces="reshape_to")
def reshape_to_detached(t, shape):
    # breaks: "one that requires grad (the result stays in its graph)"
    return t.detach().reshape(shape)


@mistake("I reshaped a detached copy and switched requires_grad back on if t had it", replaces="reshape_to")
def reshape_to_rewraps_requires_grad(t, shape):
    # result requires grad but is a new leaf: not in t's graph, gradients never reach t
    out = t.detach().reshape(shape).clone()
    if t.requires_grad:
        out.requires_grad_(True)
    return out


@mistake("I resized in place with resize_ to avoid allocating a new tensor", replaces="reshape_to")
def reshape_to_resize_inplace(t, shape):
    # breaks: "t itself is left as it was (no in-place resize_)"
    return t.resize_(shape)


@mistake("I gave reshape the first side and let -1 work out the rest", replaces="reshape_to")
def reshape_to_first_side_then_minus_one(t, shape):
    # only right for 2-D target shapes: (2, 3, 4) comes out as (2, 12)
    return t.reshape(shape[0], -1)


# ---------------------------------------------------------------- try_view


@mistake("views only exist for contiguous tensors, so I return None for the rest", replaces="try_view")
def try_view_contiguous_only(t, shape):
    # breaks: "Some non-contiguous tensors can still be viewed (every other row ...): return their view"
    if not t.is_contiguous():
        return None
    return t.view(shape)


@mistake("I call contiguous() first so that view always works", replaces="try_view")
def try_view_contiguous_first(t, shape):
    # breaks: "Never a copy" / "None when no view is possible" (a transpose gets copied)
    return t.contiguous().view(shape)


@mistake("I wrapped view in try/except ValueError", replaces="try_view")
def try_view_catches_value_error(t, shape):
    # view raises RuntimeError, so the error escapes instead of returning None
    try:
        return t.view(shape)
    except ValueError:
        return None


@mistake("I check that the last stride is 1 and then view", replaces="try_view")
def try_view_last_stride_check(t, shape):
    # every other row of a matrix has last stride 1 but cannot be flattened: view raises
    # instead of returning None; t[:, ::2] viewed as its own shape returns None wrongly
    if t.dim() > 0 and t.stride(-1) != 1:
        return None
    return t.view(shape)


# ---------------------------------------------------------------- shares_storage


@mistake("I compared data_ptr() of the two tensors", replaces="shares_storage")
def shares_storage_data_ptr(a, b):
    # breaks: "a slice" -> t[1:] starts at another address of the same storage
    return a.data_ptr() == b.data_ptr()


@mistake("I checked whether one tensor is the _base of the other", replaces="shares_storage")
def shares_storage_base_link(a, b):
    # breaks: "two slices of one tensor even where they do not overlap" (siblings)
    return a is b or a._base is b or b._base is a


@mistake("I asked NumPy's may_share_memory", replaces="shares_storage")
def shares_storage_numpy_bounds(a, b):
    # compares memory bounds: two non-overlapping slices of one tensor give False
    return bool(np.may_share_memory(a.detach().numpy(), b.detach().numpy()))


@mistake("I checked that b starts somewhere inside a's memory", replaces="shares_storage")
def shares_storage_one_direction(a, b):
    # breaks: "in either order" (t[1:], t) is False; non-overlapping slices False too
    start = a.data_ptr()
    end = start + a.numel() * a.element_size()
    return start <= b.data_ptr() < end


@mistake("I add 1 to a and look whether b changed, then subtract it again", replaces="shares_storage")
def shares_storage_poke(a, b):
    # non-overlapping slices of one tensor: b does not change -> False; also writes into a
    with torch.no_grad():
        before = b.clone()
        a.add_(1)
        changed = not torch.equal(b, before)
        a.sub_(1)
    return changed


# ---------------------------------------------------------------- tf_reshape_to


@mistake("I wrapped the reshaped tensor in a tf.Variable", replaces="tf_reshape_to")
def tf_reshape_to_variable(t, shape):
    # breaks: "as a tf.Tensor"
    return tf.Variable(tf.reshape(t, shape))


@mistake("I reshaped the NumPy array of it", replaces="tf_reshape_to")
def tf_reshape_to_numpy(t, shape):
    # breaks: "as a tf.Tensor" -> returns an np.ndarray
    return t.numpy().reshape(shape)
