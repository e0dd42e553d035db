"""Blind red team: wrong answers for kata tensors/dense."""
import tensorflow as tf
import torch
import torch.nn.functional as F

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- dense


@mistake("I let torch try the matmul and turned its error into a ValueError", replaces="dense")
def dense_catches_torch_error(x, W, b):
    # breaks: "before multiplying: not by catching torch's own error afterwards"
    try:
        return x @ W + b
    except RuntimeError as err:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}") from err


@mistake("I transpose W when it was given the wrong way round", replaces="dense")
def dense_transposes_w(x, W, b):
    # breaks: "not by transposing W to make it fit"
    if x.shape[-1] != W.shape[0]:
        if x.shape[-1] == W.shape[1]:
            W = W.T
        else:
            raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("I raise ValueError with a short generic message", replaces="dense")
def dense_message_without_shapes(x, W, b):
    # breaks: "raise ValueError naming the shapes of x and W"
    if x.shape[-1] != W.shape[0]:
        raise ValueError("shape mismatch between x and W")
    return x @ W + b


@mistake("my error message shows x's shape", replaces="dense")
def dense_message_only_x_shape(x, W, b):
    # breaks: "naming the shapes of x and W" -> W's shape is missing
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x has the wrong shape {tuple(x.shape)} for this layer")
    return x @ W + b


@mistake("my error message gives the two sizes that differ", replaces="dense")
def dense_message_only_sides(x, W, b):
    # breaks: "naming the shapes of x and W" -> only the inner sides, not the shapes
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x has {x.shape[-1]} features but W expects {W.shape[0]}")
    return x @ W + b


@mistake("I check the shapes with assert", replaces="dense")
def dense_assert_check(x, W, b):
    # breaks: "raise ValueError" -> AssertionError (and nothing at all under python -O)
    assert x.shape[-1] == W.shape[0], f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}"
    return x @ W + b


@mistake("I check the shapes for the usual (batch, in) matrix", replaces="dense")
def dense_checks_only_matrices(x, W, b):
    # 1-D or 3-D x with a mismatch falls through to torch's RuntimeError
    if x.dim() == 2 and x.shape[1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("I turn a single sample into a batch of one", replaces="dense")
def dense_batches_single_sample(x, W, b):
    # breaks: "x of shape (in,) gives (out,)" -> gives (1, out)
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    if x.dim() == 1:
        x = x.unsqueeze(0)
    return x @ W + b


@mistake("I cast everything to float first so the dtypes agree", replaces="dense")
def dense_casts_float32(x, W, b):
    # breaks: "in the inputs' dtype" -> float64 inputs give float32
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x.float() @ W.float() + b.float()


@mistake("I used F.linear, which is exactly a dense layer", replaces="dense")
def dense_f_linear(x, W, b):
    # F.linear computes x @ W.T + b: wrong values for a square W, an error otherwise
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return F.linear(x, W, b)


# ---------------------------------------------------------------- tf_dense


@mistake("I left the shape check to tf.matmul", replaces="tf_dense")
def tf_dense_no_check(x, W, b):
    # a mismatch raises tf.errors.InvalidArgumentError, not ValueError
    return tf.matmul(x, W) + b


@mistake("I catch TensorFlow's error and re-raise it as ValueError", replaces="tf_dense")
def tf_dense_catches_tf_error(x, W, b):
    # breaks: "with the same ValueError on a shape mismatch, raised before multiplying"
    try:
        return tf.matmul(x, W) + b
    except tf.errors.InvalidArgumentError as err:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}") from err


@mistake("I cast x, W and b to float32 so matmul never complains", replaces="tf_dense")
def tf_dense_casts_float32(x, W, b):
    # breaks: "TensorFlow's dense ... in the inputs' dtype" -> float64 inputs give float32
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    x32 = tf.cast(x, tf.float32)
    W32 = tf.cast(W, tf.float32)
    return tf.matmul(x32, W32) + tf.cast(b, tf.float32)
