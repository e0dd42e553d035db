"""Blind red team: wrong answers for kata autograd/custom_function."""
import tensorflow as tf
import torch
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- Cube

@mistake("my backward returns 3x² and forgets to multiply by the incoming gradient "
         "(fine for y.sum().backward(), wrong for y.backward(g))", replaces="Cube")
class CubeIgnoresUpstream(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return 3 * x ** 2


@mistake("I saved the output y and wrote 3x² as 3·y^(2/3): NaN for negative x", replaces="Cube")
class CubeFromOutputFractionalPower(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x ** 3
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        return grad_output * 3 * y ** (2.0 / 3.0)


@mistake("I saved both x and y and wrote 3x² as 3·y/x: NaN at x = 0", replaces="Cube")
class CubeYOverX(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x ** 3
        ctx.save_for_backward(x, y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        x, y = ctx.saved_tensors
        return grad_output * 3 * y / x


@mistake("I built the Jacobian diag(3x²) and multiplied the gradient by it: only works "
         "for 1-D x", replaces="Cube")
class CubeJacobianDiag(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        jacobian = torch.diag(3 * x ** 2)
        return grad_output @ jacobian


@mistake("to save memory I multiply the incoming gradient in place and return it "
         "(changes the caller's g)", replaces="Cube")
class CubeInplaceUpstream(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        grad_output *= 3 * x ** 2
        return grad_output


@mistake("I made sure the input is float with x.float(), so float64 inputs come out float32",
         replaces="Cube")
class CubeCastsToFloat32(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x = x.float()
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x ** 2


@mistake("autograd already knows the derivative of x**3, so I just gave Cube an apply() "
         "and no hand-written backward", replaces="Cube")
class CubeWithoutFunction:
    @staticmethod
    def apply(x):
        return x ** 3


# ---------------------------------------------------- tf_round_straight_through

@mistake("rounds with floor(x + 0.5): half-way values go up (0.5 -> 1, 2.5 -> 3) instead "
         "of to the even neighbour", replaces="tf_round_straight_through")
def round_half_up(x):
    @tf.custom_gradient
    def _round(v):
        def grad(dy):
            return dy
        return tf.floor(v + 0.5), grad
    return _round(x)


@mistake("straight-through means gradient 1, so my gradient returns ones instead of the "
         "upstream gradient", replaces="tf_round_straight_through")
def round_gradient_ones(x):
    @tf.custom_gradient
    def _round(v):
        def grad(dy):
            return tf.ones_like(dy)
        return tf.round(v), grad
    return _round(x)


@mistake("just tf.round(x): no custom gradient, so the tape gives None",
         replaces="tf_round_straight_through")
def round_without_custom_gradient(x):
    return tf.round(x)


@mistake("casts to float32 before rounding, so float64 inputs come out float32",
         replaces="tf_round_straight_through")
def round_casts_float32(x):
    @tf.custom_gradient
    def _round(v):
        v32 = tf.cast(v, tf.float32)
        def grad(dy):
            return dy
        return tf.round(v32), grad
    return _round(x)


@mistake("used the clipped straight-through estimator (gradient zeroed where |x| > 1), "
         "as in binarised networks", replaces="tf_round_straight_through")
def round_clipped_straight_through(x):
    @tf.custom_gradient
    def _round(v):
        def grad(dy):
            return dy * tf.cast(tf.abs(v) <= 1.0, dy.dtype)
        return tf.round(v), grad
    return _round(x)
