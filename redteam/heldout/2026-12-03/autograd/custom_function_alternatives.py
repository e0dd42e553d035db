"""Blind red team: correct answers in other styles for kata autograd/custom_function."""
import tensorflow as tf
import torch

from katas._support.mistakes import alternative


@alternative("PyTorch 2 style: forward(x) without ctx plus a separate setup_context that saves x; "
             "backward written with torch.mul and x.square()", replaces="Cube")
class cube_setup_context(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * x * x

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        ctx.save_for_backward(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return torch.mul(grad_output, 3 * x.square())


@alternative("the local derivative 3x² is computed in forward and saved instead of x; backward is one "
             "multiplication", replaces="Cube")
class cube_saves_local_derivative(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(3 * x.pow(2))
        return x.pow(3)

    @staticmethod
    def backward(ctx, grad_output):
        (local,) = ctx.saved_tensors
        return grad_output * local


@alternative("the stop_gradient trick the docstring names: x + tf.stop_gradient(tf.round(x) - x), no "
             "custom_gradient", replaces="tf_round_straight_through")
def stop_gradient_trick(x):
    return x + tf.stop_gradient(tf.round(x) - x)


@alternative("@tf.custom_gradient with tf.math.rint (also rounds half to even) and tf.identity on the "
             "upstream gradient", replaces="tf_round_straight_through")
@tf.custom_gradient
def rint_with_identity_gradient(x):
    def grad(dy):
        return tf.identity(dy)

    return tf.math.rint(x), grad
