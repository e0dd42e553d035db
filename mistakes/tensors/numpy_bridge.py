"""Named mistakes of kata tensors/numpy_bridge."""

import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake("t.numpy() without .detach().cpu(): fails for tensors that require grad or live on a GPU", replaces="to_numpy")
def bare_numpy(t):
    return t.numpy()


@mistake("torch.tensor(a) copies, so the tensor does not see later writes", replaces="from_numpy_shared")
def copied(a):
    return torch.tensor(a)


@mistake("handed the torch tensor straight to TensorFlow", replaces="torch_to_tf")
def direct_to_tf(t):
    return tf.constant(t)


@mistake("returned x.numpy(): a NumPy array, not a torch tensor", replaces="tf_to_torch")
def stopped_at_numpy(x):
    return x.numpy()
