"""Kata autograd/derivative: let the framework differentiate for you.

The quest's check: for f(w) = 3w² + 2w, df/dw = 6w + 2, so at w = 4 the derivative is 26.
You will not write 6w + 2 anywhere: autograd works it out from one evaluation of f.

Precision follows the dtype you choose: float32 (the default, as the quest writes
``torch.tensor(4.0, requires_grad=True)``) is checked to about 5 significant digits, float64 to about 12.
float16 is not accepted: it rounds w itself (1000.3 becomes 1000.5).
"""

from collections.abc import Callable

import tensorflow as tf
import torch


def derivative(f: Callable[[torch.Tensor], torch.Tensor], w: float) -> float:
    """Return df/dw at ``w``, computed by torch autograd, as a Python float (``float``: not a
    tensor, not an int).

    ``f`` takes a 0-d tensor and returns a 0-d tensor. Evaluate it exactly once, at a 0-d
    float32 or float64 tensor holding ``w`` that records operations (``requires_grad=True``),
    and ask torch for the gradient. Each call starts afresh: no gradient from an earlier call
    may leak into the next.

    >>> derivative(lambda w: 3 * w**2 + 2 * w, 4.0)
    26.0
    """
    raise NotImplementedError("derivative(): not implemented yet (kata autograd/derivative)")


def tf_derivative(f: Callable[[tf.Tensor], tf.Tensor], w: float) -> float:
    """The same with TensorFlow: df/dw at ``w`` via ``tf.GradientTape``, as a Python float
    (not a tensor, not the NumPy scalar that ``.numpy()`` gives, not an int).

    Evaluate ``f`` exactly once, inside the tape, at a 0-d float32 or float64 ``tf.Variable``
    holding ``w`` (or a constant the tape watches).

    >>> tf_derivative(lambda w: w * w, 2.0)
    4.0
    """
    raise NotImplementedError("tf_derivative(): not implemented yet (kata autograd/derivative)")
