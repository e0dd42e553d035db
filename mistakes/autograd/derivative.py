"""Named mistakes of kata autograd/derivative.

float32_tensor, once listed here, is in alternatives/: the docstring allows float32 (the quest's own
idiom) and the tests compare to the precision of the dtype f is called with.
"""

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


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- derivative (torch)

@mistake("returns the .grad tensor itself instead of a Python float", replaces="derivative")
def grad_tensor_returned(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return t.grad


@mistake("returns int(grad): fine for 26 but wrong type, and truncates non-integer slopes",
         replaces="derivative")
def grad_as_int(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return int(t.grad.item())


@mistake("rounds the gradient to 2 decimals to make the output tidy", replaces="derivative")
def grad_rounded(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return round(t.grad.item(), 2)


@mistake("returns the value f(w) instead of the derivative", replaces="derivative")
def value_not_slope(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    y.backward()
    return y.item()


@mistake("hard-codes 6w + 2 from the quest instead of using autograd", replaces="derivative")
def hard_coded_formula(f, w):
    return float(6 * w + 2)


@mistake("forward finite difference (f(w+h) - f(w)) / h instead of autograd: off by O(h)",
         replaces="derivative")
def forward_difference(f, w):
    h = 1e-3
    a = f(torch.tensor(w + h, dtype=torch.float64)).item()
    b = f(torch.tensor(w, dtype=torch.float64)).item()
    return (a - b) / h


@mistake("central finite difference: exact on quadratics, but not autograd and evaluates f twice",
         replaces="derivative")
def central_difference_instead(f, w):
    h = 1e-4
    a = f(torch.tensor(w + h, dtype=torch.float64)).item()
    b = f(torch.tensor(w - h, dtype=torch.float64)).item()
    return (a - b) / (2 * h)


@mistake("evaluates f twice: once to 'look at the value', once more for backward",
         replaces="derivative")
def evaluates_twice(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    value = f(t)  # noqa: F841  (kept "for printing")
    f(t).backward()
    return t.grad.item()


@mistake("differentiates twice (create_graph + grad again): returns d2f/dw2", replaces="derivative")
def second_derivative(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(f(t), t, create_graph=True)
    (g2,) = torch.autograd.grad(g, t)
    return g2.item()


@mistake("passes a 1-element 1-d tensor [w] to f instead of a 0-d tensor", replaces="derivative")
def one_d_input(f, w):
    t = torch.tensor([w], dtype=torch.float64, requires_grad=True)
    f(t).sum().backward()
    return t.grad.item()


_SHARED_W = torch.zeros((), dtype=torch.float64, requires_grad=True)


@mistake("reuses one module-level leaf tensor: its .grad accumulates across calls",
         replaces="derivative")
def reused_leaf_accumulates(f, w):
    with torch.no_grad():
        _SHARED_W.fill_(w)
    f(_SHARED_W).backward()
    return _SHARED_W.grad.item()


@mistake("makes the leaf in float16 to save memory: w itself is rounded (e.g. 1000.3 -> 1000.5)",
         replaces="derivative")
def half_precision_leaf(f, w):
    t = torch.tensor(w, dtype=torch.float16, requires_grad=True)
    f(t).backward()
    return float(t.grad.item())


@mistake("returns the gradient-descent update w - grad instead of the gradient", replaces="derivative")
def returns_update_step(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return w - t.grad.item()


# ---------------------------------------------------------------- tf_derivative

@mistake("returns tape.gradient(...).numpy(): a numpy scalar, not a Python float",
         replaces="tf_derivative")
def tf_numpy_scalar(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.gradient(y, x).numpy()


@mistake("returns the gradient tf.Tensor itself", replaces="tf_derivative")
def tf_tensor_returned(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.gradient(y, x)


@mistake("uses a tf.constant without tape.watch: the tape sees nothing, gradient is None",
         replaces="tf_derivative")
def tf_constant_not_watched(f, w):
    x = tf.constant(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    g = tape.gradient(y, x)
    return float(g) if g is not None else 0.0


@mistake("computes f(x) before opening the tape, so nothing is recorded", replaces="tf_derivative")
def tf_forward_outside_tape(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    y = f(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
    g = tape.gradient(y, x)
    return float(g) if g is not None else 0.0


@mistake("swaps the arguments: tape.gradient(x, y)", replaces="tf_derivative")
def tf_gradient_args_swapped(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    g = tape.gradient(x, y)
    return float(g) if g is not None else 0.0


@mistake("'the same' taken literally: reuses torch autograd instead of tf.GradientTape "
         "(f gets a torch tensor, so tf ops in f break)", replaces="tf_derivative")
def tf_via_torch(f, w):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return t.grad.item()


@mistake("hard-codes 2w from the w*w example", replaces="tf_derivative")
def tf_hard_coded_two_w(f, w):
    return float(2 * w)


@mistake("returns int(gradient)", replaces="tf_derivative")
def tf_int_result(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    return int(tape.gradient(y, x).numpy())


@mistake("returns f(w) (the tape's target) instead of its gradient", replaces="tf_derivative")
def tf_value_not_slope(f, w):
    x = tf.Variable(w, dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = f(x)
    tape.gradient(y, x)
    return float(y.numpy())


@mistake("float16 variable: w itself is rounded before differentiating", replaces="tf_derivative")
def tf_half_precision(f, w):
    x = tf.Variable(w, dtype=tf.float16)
    with tf.GradientTape() as tape:
        y = f(x)
    return float(tape.gradient(y, x).numpy())


# Held-out blind round (2026-12-03), run with the pinned profile (the @example pins alone): the pin
# meant to catch rounding was 6w + 2 at w = 0.123, which is 2.738, four decimals; rounding to four
# passed it, and only drawn examples rejected this


@mistake("rounds the result to 4 decimals to make it look nice: loses the precision float64 is checked to",
         replaces="derivative")
def rounded_derivative(f, w):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    f(wt).backward()
    return round(wt.grad.item(), 4)
