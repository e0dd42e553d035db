"""Reference answer of kata autograd/derivative."""

from collections.abc import Callable

import tensorflow as tf
import torch


def derivative(f: Callable[[torch.Tensor], torch.Tensor], w: float) -> float:
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(x).backward()
    return float(x.grad)


def tf_derivative(f: Callable[[tf.Tensor], tf.Tensor], w: float) -> float:
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    return float(tape.gradient(y, x))
