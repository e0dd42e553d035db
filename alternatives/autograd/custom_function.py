"""Correct alternatives of kata autograd/custom_function: other styles the tests must accept."""

import tensorflow as tf
import torch
from torch.autograd.function import once_differentiable

from katas._support.mistakes import alternative


@alternative("the stop-gradient trick x + tf.stop_gradient(tf.round(x) - x): no custom gradient, same "
             "forward values and the identity's gradient", replaces="tf_round_straight_through")
def stop_gradient_trick(x):
    x = tf.convert_to_tensor(x)
    return x + tf.stop_gradient(tf.round(x) - x)


# Written blind, from the stub alone (red team, 2026-12)

@alternative("keeps x on a ctx attribute (ctx.x = x) instead of ctx.save_for_backward", replaces="Cube")
class cube_ctx_attribute(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.x = x
        return x * x * x

    @staticmethod
    def backward(ctx, grad_output):
        x = ctx.x
        return 3 * x * x * grad_output


@alternative("saves x² computed in forward and reuses it for both the output (x²·x) and the backward (3x²)",
             replaces="Cube")
class cube_saves_square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x2 = x.mul(x)
        ctx.save_for_backward(x2)
        return x2.mul(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x2,) = ctx.saved_tensors
        return grad_output.mul(x2).mul(3)


@alternative("PyTorch 2 style: forward(x) without ctx plus a separate setup_context staticmethod; "
             "torch.pow and @once_differentiable", replaces="Cube")
class cube_setup_context(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return torch.pow(x, 3)

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        ctx.save_for_backward(x)

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return torch.mul(grad_output, 3.0 * torch.pow(x, 2))


@alternative("tf.math.rint (also rounds half to even) and tf.identity(upstream) in the gradient",
             replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_rint(x):
    def grad(upstream):
        return tf.identity(upstream)
    return tf.math.rint(x), grad


@tf.custom_gradient
def _rounded_with_identity_grad(v):
    def grad(dy):
        return dy * tf.ones_like(v)
    return tf.round(v), grad


@alternative("public function delegates to a module-level @tf.custom_gradient helper; the gradient is "
             "written as dy * ones_like(x)", replaces="tf_round_straight_through")
def ste_delegates(x):
    return _rounded_with_identity_grad(x)


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
