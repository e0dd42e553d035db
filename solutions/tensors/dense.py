"""Reference answer of kata tensors/dense."""

import tensorflow as tf
import torch


def _check(x_shape: tuple[int, ...], w_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> None:
    if len(w_shape) != 2 or x_shape[-1] != w_shape[0] or b_shape != (w_shape[1],):
        raise ValueError(f"dense: x {x_shape} does not fit W {w_shape} and b {b_shape}")


def dense(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    _check(tuple(x.shape), tuple(W.shape), tuple(b.shape))
    return x @ W + b


def tf_dense(x: tf.Tensor, W: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    _check(tuple(x.shape), tuple(W.shape), tuple(b.shape))
    return x @ W + b
