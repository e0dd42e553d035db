"""Named mistakes of kata autograd/derivative."""

import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake("hard-coded the quest's answer 6w + 2 instead of differentiating f", replaces="derivative")
def hard_coded(f, w):
    return 6 * w + 2


@mistake("central finite difference instead of autograd", replaces="derivative")
def finite_difference(f, w):
    h = 1e-4
    return float((f(torch.tensor(w + h, dtype=torch.float64)) - f(torch.tensor(w - h, dtype=torch.float64))) / (2 * h))


@mistake("returned the gradient tensor, not a Python float", replaces="derivative")
def returned_tensor(f, w):
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(x).backward()
    return x.grad


@mistake("float32 input: the gradient loses precision", replaces="derivative")
def float32_tensor(f, w):
    x = torch.tensor(w, requires_grad=True)
    f(x).backward()
    return float(x.grad)


@mistake("tape does not watch a constant: gradient is None", replaces="tf_derivative")
def unwatched_constant(f, w):
    x = tf.constant(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    grad = tape.gradient(y, x)
    return float(grad) if grad is not None else 0.0


@mistake("hard-coded the quest's answer 6w + 2 instead of differentiating f", replaces="tf_derivative")
def tf_hard_coded(f, w):
    return 6 * w + 2
