"""Blind red team: wrong answers for kata tensors/dense."""
import tensorflow as tf
import torch

from katas._support.mistakes import mistake


@mistake(
    "let torch multiply and turned its RuntimeError into a ValueError afterwards; the check must "
    "come before multiplying",
    replaces="dense",
)
def caught_afterwards(x, W, b):
    try:
        return x @ W + b
    except RuntimeError as err:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}") from err


@mistake(
    "when x's last side matched W's second side, transposed W to make it fit instead of raising "
    "ValueError",
    replaces="dense",
)
def transposed_to_fit(x, W, b):
    if x.shape[-1] != W.shape[0]:
        if x.shape[-1] == W.shape[1]:
            W = W.T
        else:
            raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return x @ W + b


@mistake(
    "no shape check at all: a mismatch raises torch's RuntimeError, not ValueError",
    replaces="dense",
)
def no_check(x, W, b):
    return torch.matmul(x, W) + b


@mistake(
    "made a 1-D x into a row with unsqueeze(0) but never squeezed it back: x of shape (in,) gives "
    "(1, out) instead of (out,)",
    replaces="dense",
)
def one_d_left_as_row(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    if x.dim() == 1:
        x = x.unsqueeze(0)
    return x @ W + b


@mistake(
    "used torch.mm, which only takes 2-D matrices: extra batch dimensions, or none, fail",
    replaces="dense",
)
def mm_only_2d(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return torch.mm(x, W) + b


@mistake(
    "the ValueError gives only the feature counts ('expected 2 features, got 1'), not the shapes of "
    "x and W",
    replaces="dense",
)
def dense_message_without_shapes(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"expected {W.shape[0]} input features, got {x.shape[-1]}")
    return x @ W + b


@mistake(
    "cast everything with .float() to be safe: float64 inputs give a float32 result",
    replaces="dense",
)
def dense_forced_float32(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return x.float() @ W.float() + b.float()


@mistake(
    "put the parentheses wrong, x @ (W + b): the bias is added to every row of W before "
    "multiplying (the example's zero bias hides it)",
    replaces="dense",
)
def bias_inside_matmul(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return x @ (W + b)


@mistake(
    "forgot the bias: returned x @ W (the example's zero bias hides it)",
    replaces="dense",
)
def forgot_bias(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return x @ W


@mistake(
    "called F.linear(x, W, b), which expects W as (out, in) like nn.Linear, so it computes x @ W.T: "
    "it errors on (in, out) weights and gives wrong values when in == out",
    replaces="dense",
)
def functional_linear_untransposed(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return torch.nn.functional.linear(x, W, b)


@mistake(
    "no shape check in TensorFlow: tf.matmul raises InvalidArgumentError, not ValueError",
    replaces="tf_dense",
)
def tf_no_check(x, W, b):
    return tf.matmul(x, W) + b


@mistake(
    "cast the TensorFlow result to float32, so float64 inputs come back as float32",
    replaces="tf_dense",
)
def tf_forced_float32(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x of shape {tuple(x.shape)} does not fit W of shape {tuple(W.shape)}")
    return tf.cast(tf.tensordot(x, W, axes=1) + b, tf.float32)
