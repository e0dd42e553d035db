"""Reference answer of kata tensors/reductions."""

import tensorflow as tf
import torch


def column_means(x: torch.Tensor) -> torch.Tensor:
    return x.mean(dim=0)


def means_keepdim(x: torch.Tensor, dim: int) -> torch.Tensor:
    return x.mean(dim=dim, keepdim=True)


def tf_column_means(x: tf.Tensor) -> tf.Tensor:
    return tf.reduce_mean(x, axis=0)


def tf_means_keepdim(x: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.reduce_mean(x, axis=dim, keepdims=True)
