"""Blind red team: wrong answers for kata tensors/numpy_bridge."""
import numpy as np
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- to_numpy


@mistake("I detach and call .numpy()", replaces="to_numpy")
def to_numpy_no_cpu(t):
    # breaks: "wherever t lives" -> a CUDA tensor raises in .numpy()
    return t.detach().numpy()


@mistake("I switch off requires_grad on t so .numpy() is allowed", replaces="to_numpy")
def to_numpy_turns_off_grad(t):
    # breaks: "t itself stays as it was: ... in its graph" (t no longer requires grad;
    # a non-leaf t raises)
    return t.requires_grad_(False).cpu().numpy()


@mistake("I go through tolist() into np.array", replaces="to_numpy")
def to_numpy_via_tolist(t):
    # breaks: "keeps ... the dtype (float32 stays float32, int32 stays int32)" -> float64/int64
    return np.array(t.tolist())


@mistake("I return the plain number for a 0-d tensor", replaces="to_numpy")
def to_numpy_scalar_item(t):
    # breaks: "an np.ndarray, 0-d for a 0-d t" -> a Python float/int
    if t.dim() == 0:
        return t.item()
    return t.detach().cpu().numpy()


@mistake("I convert to float so NumPy always gets a float array", replaces="to_numpy")
def to_numpy_as_float(t):
    # breaks: dtype kept -> int32 and float64 come back as float32
    return t.detach().cpu().float().numpy()


# ---------------------------------------------------------------- from_numpy_shared


@mistake("I used torch.tensor(a)", replaces="from_numpy_shared")
def from_numpy_shared_tensor_copy(a):
    # breaks: "A tensor that shares memory with a" -> torch.tensor always copies
    return torch.tensor(a)


@mistake("I make the array contiguous first since from_numpy wants that", replaces="from_numpy_shared")
def from_numpy_shared_ascontiguous(a):
    # a strided view such as b[:, ::2] gets copied, so writes into a no longer show
    return torch.from_numpy(np.ascontiguousarray(a))


@mistake("I call .contiguous() on the tensor to be safe", replaces="from_numpy_shared")
def from_numpy_shared_contiguous_tensor(a):
    # for a strided view contiguous() makes a copy: breaks "writing into a shows in the tensor"
    return torch.from_numpy(a).contiguous()


# ---------------------------------------------------------------- torch_to_tf


@mistake("I made a tf.Variable from the array", replaces="torch_to_tf")
def torch_to_tf_variable(t):
    # breaks: "as a tf.Tensor (not a tf.Variable)"
    return tf.Variable(t.detach().cpu().numpy())


@mistake("I build it with tf.constant from the Python list", replaces="torch_to_tf")
def torch_to_tf_from_list(t):
    # float64 becomes float32 and int64 becomes int32: breaks "same ... dtype"
    return tf.constant(t.detach().cpu().tolist())


@mistake("I move it to the CPU and take .numpy()", replaces="torch_to_tf")
def torch_to_tf_no_detach(t):
    # breaks: "t may ... require grad" -> .numpy() raises on a tensor that requires grad
    return tf.convert_to_tensor(t.cpu().numpy())


# ---------------------------------------------------------------- tf_to_torch


@mistake("I do torch.from_numpy(x.numpy())", replaces="tf_to_torch")
def tf_to_torch_from_numpy(x):
    # breaks: "for a 0-d x too" -> a 0-d x.numpy() is a NumPy scalar, from_numpy raises TypeError
    return torch.from_numpy(x.numpy())


@mistake("I wrap x.numpy() in np.atleast_1d so from_numpy accepts scalars", replaces="tf_to_torch")
def tf_to_torch_atleast_1d(x):
    # breaks: "same ... shape, 0-d included" -> a 0-d x comes back with shape (1,)
    return torch.from_numpy(np.atleast_1d(x.numpy()))


@mistake("I build it with torch.tensor from the list", replaces="tf_to_torch")
def tf_to_torch_from_list(x):
    # float64 becomes float32 and int32 becomes int64: breaks "same ... dtype"
    return torch.tensor(x.numpy().tolist())
