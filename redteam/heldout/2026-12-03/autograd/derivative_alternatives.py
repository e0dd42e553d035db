"""Blind red team: correct alternative answers for kata autograd/derivative."""
import tensorflow as tf
import torch
from katas._support.mistakes import alternative


@alternative("the quest's idiom: float32 torch.tensor(w, requires_grad=True), .backward(), .grad.item()",
             replaces="derivative")
def tutorial_float32_derivative(f, w):
    wt = torch.tensor(float(w), requires_grad=True)
    y = f(wt)
    y.backward()
    return wt.grad.item()


@alternative("float64 with torch.autograd.grad, converted with float()", replaces="derivative")
def autograd_grad_float64_derivative(f, w):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(f(wt), wt)
    return float(g)


@alternative("torch.full((), w, dtype=float64, requires_grad=True) and .grad.tolist()", replaces="derivative")
def full_tolist_derivative(f, w):
    wt = torch.full((), float(w), dtype=torch.float64, requires_grad=True)
    f(wt).backward()
    return wt.grad.tolist()


@alternative("float64 tf.constant watched by the tape, float() of the gradient", replaces="tf_derivative")
def watched_constant_tf_derivative(f, w):
    c = tf.constant(float(w), dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = f(c)
    return float(tape.gradient(y, c))


@alternative("default float32 tf.Variable, gradient turned into a float with .numpy().item()",
             replaces="tf_derivative")
def float32_variable_tf_derivative(f, w):
    v = tf.Variable(float(w))
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v).numpy().item()
