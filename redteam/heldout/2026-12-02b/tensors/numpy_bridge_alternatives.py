"""Blind red team: correct alternative answers for kata tensors/numpy_bridge."""
import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("numpy(force=True)", replaces="to_numpy")
def to_numpy_force(t):
    return t.numpy(force=True)


@alternative("cpu() before detach(), then an explicit copy", replaces="to_numpy")
def to_numpy_cpu_then_detach(t):
    return t.cpu().detach().numpy().copy()


@alternative("torch.as_tensor", replaces="from_numpy_shared")
def from_numpy_shared_as_tensor(a):
    return torch.as_tensor(a)


@alternative("torch.asarray", replaces="from_numpy_shared")
def from_numpy_shared_asarray(a):
    return torch.asarray(a)


@alternative("tf.constant from numpy(force=True)", replaces="torch_to_tf")
def torch_to_tf_constant_force(t):
    return tf.constant(t.numpy(force=True))


@alternative("cpu, then detach, then tf.convert_to_tensor", replaces="torch_to_tf")
def torch_to_tf_cpu_detach(t):
    return tf.convert_to_tensor(t.cpu().detach().numpy())


@alternative("np.asarray on x.numpy() so a 0-d value becomes a 0-d array, then from_numpy", replaces="tf_to_torch")
def tf_to_torch_asarray(x):
    return torch.from_numpy(np.asarray(x.numpy()))


@alternative("torch.tensor (a copy) of np.array(x.numpy())", replaces="tf_to_torch")
def tf_to_torch_tensor_copy(x):
    return torch.tensor(np.array(x.numpy()))
