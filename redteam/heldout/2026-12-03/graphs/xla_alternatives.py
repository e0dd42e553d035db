"""Blind red team: correct answers in other styles for kata graphs/xla."""
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("tf.function used as a decorator factory: tf.function(jit_compile=True)(fn)", replaces="xla_version")
def decorator_factory(fn):
    return tf.function(jit_compile=True)(fn)


@alternative("a callable object that holds the XLA tf.function and calls it", replaces="xla_version")
def callable_holder(fn):
    class XlaCallable:
        def __init__(self, function):
            self._compiled = tf.function(function, jit_compile=True)

        def __call__(self, x):
            return self._compiled(x)

    return XlaCallable(fn)


@alternative("@tf.function(jit_compile=True) closure; refusal read from the error's .message", replaces="compiles_with_xla")
def closure_and_message_attribute(fn, x):
    @tf.function(jit_compile=True)
    def compiled(value):
        return fn(value)

    try:
        compiled(x)
    except tf.errors.InvalidArgumentError as error:
        if "Detected unsupported operations" in error.message:
            return False
        raise
    else:
        return True


@alternative("difference taken in NumPy, in float64, returned via float()", replaces="largest_difference")
def numpy_float64_difference(fn, x):
    eager_values = np.asarray(fn(x), dtype=np.float64)
    xla_values = np.asarray(tf.function(fn, jit_compile=True)(x), dtype=np.float64)
    return float(np.max(np.abs(xla_values - eager_values)))
