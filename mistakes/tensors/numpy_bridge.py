"""Named mistakes of kata tensors/numpy_bridge."""

import numpy as np
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


# Written blind, from the stub alone (red team, 2026-12)

@mistake("I detached but did not move to the CPU, so a cuda/mps tensor fails", replaces="to_numpy")
def to_numpy_no_cpu(t):
    return t.detach().numpy()


@mistake("I moved to the CPU but forgot detach(), so a tensor that requires grad fails", replaces="to_numpy")
def to_numpy_no_detach(t):
    return t.cpu().numpy()


@mistake("I went through .tolist(), so float32 comes back as float64", replaces="to_numpy")
def to_numpy_via_tolist(t):
    return np.array(t.tolist())


@mistake("I squeezed the array, dropping size-1 dims", replaces="to_numpy")
def to_numpy_squeeze(t):
    return t.detach().cpu().numpy().squeeze()


@mistake("I switched requires_grad off on t itself; that changes the caller's tensor and fails for non-leaf tensors",
         replaces="to_numpy")
def to_numpy_requires_grad_off(t):
    t.requires_grad_(False)
    return t.cpu().numpy()


@mistake("for 0-d tensors I returned t.item(), a Python number, not an array", replaces="to_numpy")
def to_numpy_scalar_item(t):
    if t.dim() == 0:
        return t.item()
    return t.detach().cpu().numpy()


@mistake("I copied the array first to be safe", replaces="from_numpy_shared")
def from_numpy_copy_first(a):
    return torch.from_numpy(a.copy())


@mistake("I added .float(), which copies a float64 array into a new float32 tensor", replaces="from_numpy_shared")
def from_numpy_then_float(a):
    return torch.from_numpy(a).float()


@mistake("I made the array contiguous first; for a strided slice that is a copy", replaces="from_numpy_shared")
def from_numpy_ascontiguous(a):
    return torch.from_numpy(np.ascontiguousarray(a))


@mistake("I used torch.frombuffer with dtype float64: shares memory but flattens and ignores a's dtype",
         replaces="from_numpy_shared")
def from_numpy_frombuffer(a):
    return torch.frombuffer(a, dtype=torch.float64)


@mistake("I went through .tolist(): float64 becomes float32 and int64 becomes int32", replaces="torch_to_tf")
def torch_to_tf_via_list(t):
    return tf.constant(t.tolist())


@mistake("I made a tf.Variable, not a tf.Tensor", replaces="torch_to_tf")
def torch_to_tf_variable(t):
    return tf.Variable(t.detach().cpu().numpy())


@mistake("I transposed because I thought TF lays arrays out the other way", replaces="torch_to_tf")
def torch_to_tf_transposed(t):
    return tf.constant(t.detach().cpu().numpy().T)


@mistake("I switched requires_grad on so it is ready for training; integer tensors cannot require grad",
         replaces="tf_to_torch")
def tf_to_torch_requires_grad(x):
    return torch.from_numpy(x.numpy()).requires_grad_()


@mistake("I used torch.from_numpy(x.numpy()); for a 0-d TF tensor .numpy() gives a NumPy scalar, not an "
         "ndarray, and from_numpy raises", replaces="tf_to_torch")
def tf_to_torch_from_numpy_scalar_breaks(x):
    return torch.from_numpy(x.numpy())
