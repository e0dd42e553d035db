"""Blind red team: wrong answers for kata tensors/numpy_bridge."""
import numpy as np
import tensorflow as tf
import torch
from katas._support.mistakes import mistake

# ---------------------------------------------------------------- to_numpy

@mistake("detaches but forgets .cpu(): fails for a tensor that lives on a GPU", replaces="to_numpy")
def detach_no_cpu_to_numpy(t):
    return t.detach().numpy()


@mistake("moves to cpu but forgets .detach(): fails for a tensor that requires grad", replaces="to_numpy")
def cpu_no_detach_to_numpy(t):
    return t.cpu().numpy()


@mistake("uses the in-place t.detach_(), which cuts the caller's tensor out of its graph", replaces="to_numpy")
def detach_inplace_to_numpy(t):
    return t.detach_().cpu().numpy()


@mistake("goes through np.array(t.tolist()): float32 comes back as float64, int32 as int64", replaces="to_numpy")
def tolist_to_numpy(t):
    return np.array(t.tolist())


@mistake("returns t.item() for a 0-d tensor (a Python number), not a 0-d np.ndarray", replaces="to_numpy")
def item_for_scalar_to_numpy(t):
    a = t.detach().cpu()
    if a.dim() == 0:
        return a.item()
    return a.numpy()


# ---------------------------------------------------------------- from_numpy_shared

@mistake("uses torch.tensor(a), which always copies: later writes into a do not show", replaces="from_numpy_shared")
def tensor_copy_from_numpy(a):
    return torch.tensor(a)


@mistake("makes the array contiguous first (np.ascontiguousarray): a strided view like b[:, ::2] gets copied",
         replaces="from_numpy_shared")
def contiguous_from_numpy(a):
    return torch.from_numpy(np.ascontiguousarray(a))


@mistake("asks torch.as_tensor for float32: a float64 (or int) array is converted, hence copied",
         replaces="from_numpy_shared")
def float32_as_tensor_from_numpy(a):
    return torch.as_tensor(a, dtype=torch.float32)


# ---------------------------------------------------------------- torch_to_tf

@mistake("wraps the values in a tf.Variable; the docstring wants a tf.Tensor, not a Variable", replaces="torch_to_tf")
def variable_torch_to_tf(t):
    return tf.Variable(t.detach().cpu().numpy())


@mistake("builds tf.constant(t.tolist()): TF infers float32 for float64 values and int32 for int64", replaces="torch_to_tf")
def tolist_constant_torch_to_tf(t):
    return tf.constant(t.tolist())


# ---------------------------------------------------------------- tf_to_torch

@mistake("torch.from_numpy(x.numpy()) breaks for a 0-d x: .numpy() gives a NumPy scalar, not an ndarray",
         replaces="tf_to_torch")
def from_numpy_scalar_tf_to_torch(x):
    return torch.from_numpy(x.numpy())


@mistake("patches the 0-d case with np.atleast_1d: a 0-d x comes back with shape (1,)", replaces="tf_to_torch")
def atleast_1d_tf_to_torch(x):
    return torch.from_numpy(np.atleast_1d(x.numpy()))
