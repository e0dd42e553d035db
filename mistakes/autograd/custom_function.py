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



# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- Cube

@mistake("saved the output y instead of the input and wrote backward as 3y²", replaces="Cube")
class cube_saves_output(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x ** 3
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        return grad_output * 3 * y ** 2


@mistake("wrote torch.pow(3, x) for x³: that is 3 to the power x", replaces="Cube")
class cube_pow_args_swapped(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.pow(3, x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x ** 2


@mistake("recovered x in backward from the saved output with y ** (1/3): NaN for negative x", replaces="Cube")
class cube_cube_root_of_output(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x ** 3
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        x = y ** (1.0 / 3.0)
        return grad_output * 3 * x ** 2


@mistake("cubed x in place in forward (x.pow_(3)): the caller's tensor is overwritten and backward "
         "then uses the cubed value", replaces="Cube")
class cube_in_place(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.pow_(3)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x ** 2


@mistake("summed grad_output to a scalar before multiplying: every element gets the total upstream gradient",
         replaces="Cube")
class cube_sums_grad_output(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output.sum() * 3 * x ** 2


@mistake("saved input and output and wrote the derivative as 3·y/x (= 3x²): NaN at x = 0", replaces="Cube")
class cube_divides_output_by_input(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x ** 3
        ctx.save_for_backward(x, y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        x, y = ctx.saved_tensors
        return grad_output * 3 * y / x


@mistake("computed the cube in float64 for accuracy and returned it as float64: tensor([8.]) becomes "
         "tensor([8.], dtype=torch.float64)", replaces="Cube")
class cube_float64(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.double() ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return (grad_output * 3 * x.double() ** 2).to(x.dtype)


@mistake("multiplied grad_output in place (grad_output.mul_(3 * x**2)) and returned it: overwrites the "
         "upstream gradient tensor (the caller's, for y.backward(g)) or fails on an expanded one",
         replaces="Cube")
class cube_in_place_grad_output(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output.mul_(3 * x ** 2)


# ---------------------------------------------------------------- tf_round_straight_through

@mistake("gradient function returns tf.ones_like(upstream): right only when the upstream gradient is all ones",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_returns_ones(x):
    def grad(upstream):
        return tf.ones_like(upstream)
    return tf.round(x), grad


@mistake("rounded the upstream gradient too: tf.round(upstream) instead of passing it through",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_rounds_gradient(x):
    def grad(upstream):
        return tf.round(upstream)
    return tf.round(x), grad


@mistake("rounded with tf.floor(x + 0.5): half-way values go up (0.5 -> 1, 2.5 -> 3, -0.5 -> 0) where "
         "tf.round rounds half to even", replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_floor_plus_half(x):
    def grad(upstream):
        return upstream
    return tf.floor(x + 0.5), grad


@mistake("used the 'clipped' straight-through estimator: gradient zeroed where |x| > 1", replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_clipped(x):
    def grad(upstream):
        return upstream * tf.cast(tf.abs(x) <= 1.0, upstream.dtype)
    return tf.round(x), grad


@mistake("cast the rounded values to int32 ('rounding gives integers')", replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_int_output(x):
    def grad(upstream):
        return tf.cast(upstream, x.dtype)
    return tf.cast(tf.round(x), tf.int32), grad


@mistake("the forward pass returns x itself (the identity) instead of tf.round(x)", replaces="tf_round_straight_through")
@tf.custom_gradient
def ste_identity_forward(x):
    def grad(upstream):
        return upstream
    return tf.identity(x), grad


@mistake("autograd already knows the derivative of x**3, so I just gave Cube an apply() "
         "and no hand-written backward", replaces="Cube")
class CubeWithoutFunction:
    @staticmethod
    def apply(x):
        return x ** 3
