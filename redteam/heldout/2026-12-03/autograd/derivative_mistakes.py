"""Blind red team: wrong answers for kata autograd/derivative."""
import tensorflow as tf
import torch
from katas._support.mistakes import mistake

# ---------------------------------------------------------------- derivative (torch)

@mistake("returns w.grad itself, a 0-d tensor, instead of a Python float", replaces="derivative")
def tensor_grad_derivative(f, w):
    wt = torch.tensor(float(w), requires_grad=True)
    f(wt).backward()
    return wt.grad


_SHARED_W = torch.zeros((), dtype=torch.float64, requires_grad=True)


@mistake("reuses one module-level w tensor and only refills its value: .grad is never zeroed, so the "
         "second call returns the sum of both gradients", replaces="derivative")
def leaky_global_derivative(f, w):
    with torch.no_grad():
        _SHARED_W.fill_(float(w))
    f(_SHARED_W).backward()
    return _SHARED_W.grad.item()


@mistake("computes a central finite difference instead of asking autograd (and evaluates f twice)",
         replaces="derivative")
def finite_difference_derivative(f, w):
    h = 1e-4
    up = f(torch.tensor(float(w) + h, dtype=torch.float64))
    down = f(torch.tensor(float(w) - h, dtype=torch.float64))
    return float((up - down) / (2 * h))


@mistake("uses float16 to save memory: the docstring rules it out (it rounds w itself)", replaces="derivative")
def half_precision_derivative(f, w):
    wt = torch.tensor(float(w), dtype=torch.float16, requires_grad=True)
    f(wt).backward()
    return wt.grad.item()


@mistake("makes w a 1-element tensor torch.tensor([w]) instead of a 0-d tensor", replaces="derivative")
def one_element_derivative(f, w):
    wt = torch.tensor([float(w)], dtype=torch.float64, requires_grad=True)
    f(wt).backward()
    return wt.grad[0].item()


@mistake("evaluates f once to look at the value and again inside torch.autograd.grad: f runs twice",
         replaces="derivative")
def twice_evaluated_derivative(f, w):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    value = f(wt)
    assert value.dim() == 0
    (g,) = torch.autograd.grad(f(wt), wt)
    return g.item()


@mistake("rounds the result to 4 decimals to make it look nice: loses the precision float64 is checked to",
         replaces="derivative")
def rounded_derivative(f, w):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    f(wt).backward()
    return round(wt.grad.item(), 4)


# ---------------------------------------------------------------- tf_derivative

@mistake("returns tape.gradient(...).numpy(): a NumPy scalar, not a Python float", replaces="tf_derivative")
def numpy_scalar_tf_derivative(f, w):
    v = tf.Variable(float(w), dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v).numpy()


@mistake("uses a tf.constant without tape.watch: the tape records nothing and the gradient is None",
         replaces="tf_derivative")
def unwatched_constant_tf_derivative(f, w):
    c = tf.constant(float(w), dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(c)
    return float(tape.gradient(y, c))


@mistake("evaluates f before opening the tape, so nothing is recorded (gradient None)", replaces="tf_derivative")
def outside_tape_tf_derivative(f, w):
    v = tf.Variable(float(w), dtype=tf.float64)
    y = f(v)
    with tf.GradientTape() as tape:
        tape.watch(v)
    return float(tape.gradient(y, v))


@mistake("makes the Variable 1-d, tf.Variable([w]), instead of 0-d", replaces="tf_derivative")
def one_element_tf_derivative(f, w):
    v = tf.Variable([float(w)], dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(v)
    return float(tape.gradient(y, v).numpy()[0])


@mistake("uses a float16 Variable: the docstring accepts only float32 or float64", replaces="tf_derivative")
def half_precision_tf_derivative(f, w):
    v = tf.Variable(float(w), dtype=tf.float16)
    with tf.GradientTape() as tape:
        y = f(v)
    return float(tape.gradient(y, v))
