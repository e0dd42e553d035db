"""Blind red team: wrong answers for kata autograd/derivative."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake

# one leaf made once and reused by derivative_shared_leaf
_shared_w = torch.tensor(0.0, requires_grad=True)


# -------------------------------------------------------------- derivative


@mistake("returns w.grad itself, a 0-d tensor, instead of a Python float", replaces="derivative")
def derivative_returns_tensor(f, w):
    t = torch.tensor(w, requires_grad=True)
    f(t).backward()
    return t.grad


@mistake("central finite difference: no autograd, and f is evaluated twice", replaces="derivative")
def derivative_finite_difference(f, w):
    h = 1e-3
    t = torch.tensor(w, dtype=torch.float64)
    return float((f(t + h) - f(t - h)) / (2 * h))


@mistake("checks that f returns a 0-d tensor first, then calls f again for the backward pass",
         replaces="derivative")
def derivative_evaluates_twice(f, w):
    t = torch.tensor(w, requires_grad=True)
    if f(t).dim() != 0:
        raise ValueError("f must return a 0-d tensor")
    y = f(t)
    y.backward()
    return t.grad.item()


@mistake("makes the leaf tensor once and reuses it, never zeroing its .grad", replaces="derivative")
def derivative_shared_leaf(f, w):
    with torch.no_grad():
        _shared_w.fill_(w)
    f(_shared_w).backward()
    return _shared_w.grad.item()


@mistake("uses a float16 tensor to save memory", replaces="derivative")
def derivative_float16(f, w):
    t = torch.tensor(w, dtype=torch.float16, requires_grad=True)
    f(t).backward()
    return t.grad.item()


@mistake("writes torch.tensor([w], ...): f gets shape (1,), not a 0-d tensor", replaces="derivative")
def derivative_one_element_vector(f, w):
    t = torch.tensor([w], requires_grad=True)
    f(t).backward()
    return t.grad.item()


@mistake("differentiates the quest's f by hand: 6w + 2", replaces="derivative")
def derivative_hard_coded(f, w):
    return float(6 * w + 2)


# ----------------------------------------------------------- tf_derivative


@mistake("returns what tape.gradient gives, a tf tensor", replaces="tf_derivative")
def tf_derivative_returns_tensor(f, w):
    v = tf.Variable(w, dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v)


@mistake("returns tape.gradient(...).numpy(), a NumPy scalar", replaces="tf_derivative")
def tf_derivative_numpy_scalar(f, w):
    v = tf.Variable(w, dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v).numpy()


@mistake("uses tf.constant and forgets tape.watch, so the tape records nothing", replaces="tf_derivative")
def tf_derivative_unwatched_constant(f, w):
    x = tf.constant(w, dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = f(x)
    return float(tape.gradient(y, x))


@mistake("makes the variable float16", replaces="tf_derivative")
def tf_derivative_float16(f, w):
    v = tf.Variable(w, dtype=tf.float16)
    with tf.GradientTape() as tape:
        y = f(v)
    return float(tape.gradient(y, v))


@mistake("writes tf.Variable([w]): a shape (1,) variable, not 0-d", replaces="tf_derivative")
def tf_derivative_shape_one(f, w):
    v = tf.Variable([w], dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = f(v)
    return float(tape.gradient(y, v)[0])
