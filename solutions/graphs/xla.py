"""Reference answer of kata graphs/xla."""

from collections.abc import Callable

import numpy as np
import tensorflow as tf

REFUSAL = "Detected unsupported operations"


def xla_version(fn: Callable[[tf.Tensor], tf.Tensor]) -> Callable[[tf.Tensor], tf.Tensor]:
    return tf.function(fn, jit_compile=True)


def compiles_with_xla(fn: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> bool:
    try:
        xla_version(fn)(x)
    except tf.errors.InvalidArgumentError as error:
        if REFUSAL not in str(error):
            raise  # fn's own complaint, not XLA's
        return False
    return True


def largest_difference(fn: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> float:
    compiled = xla_version(fn)(x).numpy()
    eager = fn(x).numpy()
    return float(np.max(np.abs(compiled - eager)))
