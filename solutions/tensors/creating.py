"""Reference answer of kata tensors/creating."""

import tensorflow as tf
import torch

TORCH_MAKERS = {"zeros": torch.zeros, "ones": torch.ones, "rand": torch.rand}
TF_MAKERS = {"zeros": tf.zeros, "ones": tf.ones, "rand": tf.random.uniform}


def from_nested(data: list, dtype: torch.dtype) -> torch.Tensor:
    return torch.tensor(data, dtype=dtype)


def filled(kind: str, shape: tuple[int, ...]) -> torch.Tensor:
    if kind not in TORCH_MAKERS:
        raise ValueError(f"unknown kind {kind!r}: use one of {sorted(TORCH_MAKERS)}")
    return TORCH_MAKERS[kind](shape, dtype=torch.float32)


def shape_and_dtype(t: torch.Tensor) -> tuple[tuple[int, ...], str]:
    return tuple(t.shape), str(t.dtype).removeprefix("torch.")


def tf_from_nested(data: list, dtype: tf.DType) -> tf.Tensor:
    return tf.constant(data, dtype=dtype)


def tf_filled(kind: str, shape: tuple[int, ...]) -> tf.Tensor:
    if kind not in TF_MAKERS:
        raise ValueError(f"unknown kind {kind!r}: use one of {sorted(TF_MAKERS)}")
    return TF_MAKERS[kind](shape, dtype=tf.float32)
