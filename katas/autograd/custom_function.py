"""Kata autograd/custom_function: write the backward pass yourself.

A ``torch.autograd.Function`` has a ``forward`` that computes the output (and saves what the
backward needs) and a ``backward`` that turns the gradient of the loss with respect to the
output into the gradient with respect to the input: the chain rule, by hand.

The TensorFlow counterpart, ``tf.custom_gradient``, is also how you give a gradient to an
operation that has none: rounding, with a "straight-through" gradient.
"""

import tensorflow as tf
import torch


class Cube(torch.autograd.Function):
    """y = x³, element-wise, with a hand-written backward (dy/dx = 3x²).

    Used as ``Cube.apply(x)`` on a float tensor of any shape (negative values and 0 included);
    y has x's shape and dtype. ``backward`` gets the upstream gradient dL/dy, which need not be
    all ones (``y.backward(g)``), and returns dL/dx = dL/dy · 3x², element by element. Neither x
    nor the upstream gradient is changed in place. (A second derivative is not asked for.)

    >>> Cube.apply(torch.tensor([2.0]))
    tensor([8.])
    """

    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("Cube.forward(): not implemented yet (kata autograd/custom_function)")

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("Cube.backward(): not implemented yet (kata autograd/custom_function)")


def tf_round_straight_through(x: tf.Tensor) -> tf.Tensor:
    """``tf.round(x)`` in the forward pass (half-way values go to the even neighbour: 0.5 -> 0,
    1.5 -> 2, 2.5 -> 2), with x's dtype (float32 or float64) and shape; in the backward pass the
    upstream gradient passes through unchanged, whatever its values, as if this were the
    identity. Decorate it with ``@tf.custom_gradient`` (the tool this kata teaches; the trick
    ``x + tf.stop_gradient(tf.round(x) - x)`` gives the same result and passes too).

    >>> x = tf.Variable([0.4, 1.6])
    >>> with tf.GradientTape() as tape: y = tf_round_straight_through(x)
    >>> y.numpy(), tape.gradient(y, x).numpy()
    (array([0., 2.], dtype=float32), array([1., 1.], dtype=float32))
    """
    raise NotImplementedError("tf_round_straight_through(): not implemented yet (kata autograd/custom_function)")
