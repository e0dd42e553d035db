"""Named mistakes of kata graphs/xla."""

import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("a plain tf.function: a graph, but not compiled by XLA, so it runs string ops XLA refuses",
         replaces="xla_version")
def graph_without_xla(fn):
    return tf.function(fn)


@mistake("falls back to a graph without XLA when XLA refuses, hiding the refusal", replaces="xla_version")
def falls_back_without_xla(fn):
    compiled, plain = tf.function(fn, jit_compile=True), tf.function(fn)

    def run(x):
        try:
            return compiled(x)
        except tf.errors.InvalidArgumentError:
            return plain(x)
    return run


@mistake("catches every error as a refusal, so fn's own ValueError reads as 'XLA refuses it'",
         replaces="compiles_with_xla")
def every_error_is_a_refusal(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except Exception:
        return False
    return True


@mistake("takes the signed largest difference (xla - eager), not the absolute one", replaces="largest_difference")
def signed_difference(fn, x):
    return float(np.max(tf.function(fn, jit_compile=True)(x).numpy() - fn(x).numpy()))
