"""Blind red team: correct answers in other styles for kata autograd/custom_function."""
import tensorflow as tf
import torch
from torch.autograd.function import once_differentiable
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- Cube

@alternative("keeps x as a ctx attribute instead of save_for_backward, and x*x*x",
             replaces="Cube")
class CubeCtxAttribute(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.x = x
        return x * x * x

    @staticmethod
    def backward(ctx, grad_output):
        x = ctx.x
        return 3 * x * x * grad_output


@alternative("torch 2 style: forward without ctx plus a setup_context staticmethod",
             replaces="Cube")
class CubeSetupContext(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return torch.pow(x, 3)

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        ctx.save_for_backward(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * torch.square(x)


@alternative("backward marked @once_differentiable, saves x and y, uses torch.mul",
             replaces="Cube")
class CubeOnceDifferentiable(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.pow(3)
        ctx.save_for_backward(x, y)
        return y

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        x, _y = ctx.saved_tensors
        return torch.mul(grad_output, x.pow(2)).mul(3)


# ---------------------------------------------------- tf_round_straight_through

@alternative("the stop_gradient trick x + stop_gradient(round(x) - x), no decorator",
             replaces="tf_round_straight_through")
def round_stop_gradient_trick(x):
    return x + tf.stop_gradient(tf.round(x) - x)


@alternative("@tf.custom_gradient stacked directly on the function, gradient tf.identity(upstream)",
             replaces="tf_round_straight_through")
@tf.custom_gradient
def round_decorated_identity(x):
    def grad(upstream):
        return tf.identity(upstream)
    return tf.round(x), grad


@alternative("tf.math.rint (also round-half-to-even) inside a nested custom_gradient helper",
             replaces="tf_round_straight_through")
def round_rint_nested(x):
    @tf.custom_gradient
    def _st(v):
        return tf.math.rint(v), lambda dy: dy
    return _st(x)
