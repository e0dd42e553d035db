"""Correct alternatives of kata autograd/derivative: other styles the tests must accept."""

import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("the quest's float32 leaf torch.tensor(w, requires_grad=True) (was listed as a mistake "
             "while the tests demanded float64 without saying so)", replaces="derivative")
def float32_tensor(f, w):
    x = torch.tensor(w, requires_grad=True)
    f(x).backward()
    return float(x.grad)


# Written blind, from the stub alone (red team, 2026-12)

@alternative("tutorial idiom: float32 leaf torch.tensor(float(w), requires_grad=True), float(grad)",
             replaces="derivative")
def float32_tutorial(f, w):
    w_t = torch.tensor(float(w), requires_grad=True)
    loss = f(w_t)
    loss.backward()
    return float(w_t.grad)


@alternative("torch.autograd.grad instead of .backward() / .grad", replaces="derivative")
def autograd_grad(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(f(t), t)
    return g.item()


@alternative("as_tensor(...).requires_grad_() then .grad.item()", replaces="derivative")
def as_tensor_requires_grad_(f, w):
    t = torch.as_tensor(w, dtype=torch.float64).requires_grad_()
    y = f(t)
    y.backward(torch.ones_like(y))
    return t.grad.item()


@alternative("tf.constant + tape.watch, float32 (TF default dtype)", replaces="tf_derivative")
def tf_watch_constant(f, w):
    x = tf.constant(float(w))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return float(tape.gradient(y, x))


@alternative("tf.Variable in float64, .numpy().item()", replaces="tf_derivative")
def tf_variable_float64(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    dy_dx = tape.gradient(y, x)
    return dy_dx.numpy().item()


@alternative("persistent tape, gradient taken after the with-block", replaces="tf_derivative")
def tf_persistent_tape(f, w):
    x = tf.Variable(float(w))
    with tf.GradientTape(persistent=True) as tape:
        y = f(x)
    g = tape.gradient(y, x)
    del tape
    return float(g.numpy())
