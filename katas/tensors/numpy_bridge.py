"""Kata tensors/numpy_bridge: NumPy arrays, torch tensors and TensorFlow tensors.

NumPy is the common ground. ``torch.from_numpy`` shares memory with the array; ``.numpy()``
needs a CPU tensor that is not part of a graph. torch and TensorFlow tensors never mix directly:
convert through NumPy.

Every conversion keeps the values, the dtype (float32 stays float32, int32 stays int32) and the
shape, 0-d included, and leaves its input as it was.
"""

import numpy as np
import tensorflow as tf
import torch


def to_numpy(t: torch.Tensor) -> np.ndarray:
    """The values of ``t`` as a NumPy array (an np.ndarray, 0-d for a 0-d ``t``), wherever ``t``
    lives and even if it requires grad. ``t`` itself stays as it was: on its device, in its graph.

    >>> to_numpy(torch.ones(2, requires_grad=True))
    array([1., 1.], dtype=float32)
    """
    raise NotImplementedError("to_numpy(): not implemented yet (kata tensors/numpy_bridge)")


def from_numpy_shared(a: np.ndarray) -> torch.Tensor:
    """A tensor that shares memory with ``a``: writing into ``a`` shows in the tensor. ``a`` may be a
    strided view such as ``b[:, ::2]`` (never one with negative strides).

    >>> a = np.zeros(2); t = from_numpy_shared(a); a[0] = 5; t
    tensor([5., 0.], dtype=torch.float64)
    """
    raise NotImplementedError("from_numpy_shared(): not implemented yet (kata tensors/numpy_bridge)")


def torch_to_tf(t: torch.Tensor) -> tf.Tensor:
    """The same values, dtype and shape as a tf.Tensor (not a tf.Variable). Like ``to_numpy``,
    ``t`` may live on any device and require grad."""
    raise NotImplementedError("torch_to_tf(): not implemented yet (kata tensors/numpy_bridge)")


def tf_to_torch(x: tf.Tensor) -> torch.Tensor:
    """The same values, dtype and shape as a torch tensor, for a 0-d ``x`` too."""
    raise NotImplementedError("tf_to_torch(): not implemented yet (kata tensors/numpy_bridge)")
