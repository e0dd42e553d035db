"""Reference answer of kata autograd/custom_function."""

import tensorflow as tf
import torch


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x**2


@tf.custom_gradient
def tf_round_straight_through(x: tf.Tensor) -> tf.Tensor:
    def grad(upstream: tf.Tensor) -> tf.Tensor:
        return upstream

    return tf.round(x), grad
