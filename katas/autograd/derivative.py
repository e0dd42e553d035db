"""Kata autograd/derivative: let the framework differentiate for you.

The quest's check: for f(w) = 3w² + 2w, df/dw = 6w + 2, so at w = 4 the derivative is 26.
You will not write 6w + 2 anywhere: autograd works it out from one evaluation of f.
"""

from collections.abc import Callable

import tensorflow as tf
import torch


def derivative(f: Callable[[torch.Tensor], torch.Tensor], w: float) -> float:
    """Return df/dw at ``w``, computed by torch autograd, as a Python float.

    ``f`` takes a 0-d tensor and returns a 0-d tensor. Evaluate it once, at a tensor that
    records operations, and ask torch for the gradient.

    >>> derivative(lambda w: 3 * w**2 + 2 * w, 4.0)
    26.0
    """
    raise NotImplementedError("derivative(): not implemented yet (kata autograd/derivative)")


def tf_derivative(f: Callable[[tf.Tensor], tf.Tensor], w: float) -> float:
    """The same with TensorFlow: df/dw at ``w`` via ``tf.GradientTape``, as a Python float.

    >>> tf_derivative(lambda w: w * w, 2.0)
    4.0
    """
    raise NotImplementedError("tf_derivative(): not implemented yet (kata autograd/derivative)")
