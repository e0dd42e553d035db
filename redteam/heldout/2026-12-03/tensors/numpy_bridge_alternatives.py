"""Blind red team: correct alternative answers for kata tensors/numpy_bridge."""
import numpy as np
import tensorflow as tf
import torch
from katas._support.mistakes import alternative


@alternative("t.numpy(force=True): detaches and moves to cpu for you", replaces="to_numpy")
def force_to_numpy(t):
    return t.numpy(force=True)


@alternative(".to('cpu') before .detach() (order swapped)", replaces="to_numpy")
def to_cpu_then_detach_to_numpy(t):
    return t.to("cpu").detach().numpy()


@alternative("torch.as_tensor(a), which shares memory with a NumPy array of a torch dtype", replaces="from_numpy_shared")
def as_tensor_from_numpy(a):
    return torch.as_tensor(a)


@alternative("tf.constant on the array from t.numpy(force=True)", replaces="torch_to_tf")
def constant_torch_to_tf(t):
    return tf.constant(t.numpy(force=True))


@alternative("np.asarray around x.numpy() so a 0-d value becomes a 0-d array, then torch.from_numpy",
             replaces="tf_to_torch")
def asarray_tf_to_torch(x):
    return torch.from_numpy(np.asarray(x.numpy()))
