"""Correct alternatives of kata tensors/numpy_bridge: other styles the tests must accept."""

import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("t.numpy(force=True) does detach + cpu in one call", replaces="to_numpy")
def to_numpy_force(t):
    return t.numpy(force=True)


@alternative("torch.no_grad() lets .numpy() accept a tensor that requires grad", replaces="to_numpy")
def to_numpy_under_no_grad(t):
    with torch.no_grad():
        return t.cpu().numpy()


@alternative("torch.as_tensor shares memory with the array", replaces="from_numpy_shared")
def from_numpy_as_tensor(a):
    return torch.as_tensor(a)


@alternative("explicit dtype from the NumPy array with tf.as_dtype, tf.convert_to_tensor", replaces="torch_to_tf")
def torch_to_tf_explicit_dtype(t):
    arr = t.detach().cpu().numpy()
    return tf.convert_to_tensor(arr, dtype=tf.as_dtype(arr.dtype))


@alternative("torch.tensor copy of np.asarray(x.numpy()) (an array even for a 0-d x)", replaces="tf_to_torch")
def tf_to_torch_tensor_copy(x):
    return torch.tensor(np.asarray(x.numpy()))
