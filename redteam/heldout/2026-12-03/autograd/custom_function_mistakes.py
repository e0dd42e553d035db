"""Blind red team: wrong answers for kata autograd/custom_function."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- Cube

@mistake("my backward returns 3x² and never multiplies by grad_output: right for y.sum().backward() "
         "(upstream all ones), wrong for y.backward(g) with any other g", replaces="Cube")
class cube_ignores_upstream(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return 3 * x ** 2


@mistake("I treated the upstream gradient as one number and used grad_output.mean(): right when it is "
         "all ones, wrong for an upstream g that varies by element (the docstring says element by "
         "element)", replaces="Cube")
class cube_averages_upstream(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output.mean() * 3 * x ** 2


@mistake("I saved x and y and wrote 3x² as 3·y/x: 0/0 gives NaN at x = 0, which the docstring says "
         "is included", replaces="Cube")
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


@mistake("I saved only the output y and got x back as y ** (1/3): a fractional power of a negative "
         "number is NaN, and the docstring says negative values are included", replaces="Cube")
class cube_root_of_output(torch.autograd.Function):
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


@mistake("to save memory my backward multiplies grad_output in place (grad_output.mul_(3x²)) and "
         "returns it: the caller's upstream gradient g is changed (and an expanded all-ones upstream "
         "cannot be written in place); the docstring says it is not changed in place",
         replaces="Cube")
class cube_scales_upstream_in_place(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        grad_output.mul_(3 * x ** 2)
        return grad_output


@mistake("my backward turns the saved x into 3x² in place (x.pow_(2).mul_(3)): the saved tensor is "
         "the caller's x, so x is changed after backward; the docstring says x is not changed in place",
         replaces="Cube")
class cube_overwrites_saved_input(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        local = x.pow_(2).mul_(3)
        return grad_output * local


@mistake("I wrote x.float() ** 3 in forward to be sure it is a float: a float64 x gives a float32 y, "
         "but the docstring says y has x's dtype", replaces="Cube")
class cube_forces_float32(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.float() ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output.to(x.dtype) * 3 * x ** 2


# ---------------------------------------------------------------- tf_round_straight_through

@mistake("I rounded with tf.floor(x + 0.5): half-way values go up (0.5 -> 1, 2.5 -> 3), not to the "
         "even neighbour the docstring asks for; the example (0.4, 1.6) still passes",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def floor_plus_half(x):
    def grad(upstream):
        return upstream

    return tf.floor(x + 0.5), grad


@mistake("my gradient function returns tf.ones_like(x) ('the identity has derivative 1') instead of "
         "the upstream gradient: right only when the upstream is all ones",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def gradient_is_ones(x):
    def grad(upstream):
        return tf.ones_like(x)

    return tf.round(x), grad


@mistake("I returned tf.round(x) without @tf.custom_gradient: tf.round has no gradient, so the tape "
         "gives None instead of passing the upstream gradient through",
         replaces="tf_round_straight_through")
def plain_round_no_gradient(x):
    return tf.round(x)


@mistake("I cast the rounded value to tf.float32: a float64 x gives a float32 result, but the "
         "docstring says x's dtype (float32 or float64)", replaces="tf_round_straight_through")
@tf.custom_gradient
def casts_to_float32(x):
    def grad(upstream):
        return tf.cast(upstream, x.dtype)

    return tf.cast(tf.round(x), tf.float32), grad


@mistake("I clipped the straight-through gradient to [-1, 1] (the 'clipped STE' I had read about): "
         "the docstring says the upstream gradient passes through unchanged whatever its values",
         replaces="tf_round_straight_through")
@tf.custom_gradient
def clipped_straight_through(x):
    def grad(upstream):
        return tf.clip_by_value(upstream, -1.0, 1.0)

    return tf.round(x), grad
