"""Reference answer of kata tensors/reshaping."""

import tensorflow as tf
import torch


def reshape_to(t: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    return t.reshape(shape)


def try_view(t: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor | None:
    try:
        return t.view(shape)
    except RuntimeError:  # "view size is not compatible with input tensor's size and stride"
        return None


def shares_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


def tf_reshape_to(t: tf.Tensor, shape: tuple[int, ...]) -> tf.Tensor:
    return tf.reshape(t, shape)
