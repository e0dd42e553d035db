"""Named mistakes of kata autograd/custom_function."""

import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake("backward ignores grad_output: the chain rule is broken", replaces="Cube")
class NoChainRule(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return 3 * x**2


@mistake("backward returns 3x instead of 3x²", replaces="Cube")
class WrongPower(NoChainRule):  # the same forward; only backward is wrong
    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x


@mistake("plain tf.round: it has no gradient, so the tape returns None", replaces="tf_round_straight_through")
def plain_round(x):
    return tf.round(x)


@mistake("custom gradient returns zeros: that is tf.round's true gradient, nothing passes through",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def zero_gradient(x):
    return tf.round(x), lambda upstream: tf.zeros_like(upstream)
