"""Blind red team: correct answers in other styles for kata autograd/derivative."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("float64 leaf and torch.autograd.grad instead of .backward()", replaces="derivative")
def derivative_autograd_grad_float64(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(f(t), t)
    return g.item()


@alternative("torch.as_tensor(...).requires_grad_(), answer read with .tolist()", replaces="derivative")
def derivative_requires_grad_inplace(f, w):
    t = torch.as_tensor(float(w)).requires_grad_()
    y = f(t)
    y.backward()
    return t.grad.tolist()


@alternative("float64 constant watched by the tape, float() on the gradient", replaces="tf_derivative")
def tf_derivative_watched_constant(f, w):
    x = tf.constant(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return float(tape.gradient(y, x))


@alternative("float32 tf.Variable, gradient over a list of sources, .numpy().item()",
             replaces="tf_derivative")
def tf_derivative_variable_list(f, w):
    v = tf.Variable(float(w), dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = f(v)
    [g] = tape.gradient(y, [v])
    return g.numpy().item()
