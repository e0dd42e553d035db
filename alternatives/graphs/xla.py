"""Correct alternatives of kata graphs/xla: other styles the tests must accept."""

import functools

import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- xla_version

@alternative("decorator on an inner function that calls fn", replaces="xla_version")
def decorated_inner(fn):
    @tf.function(jit_compile=True)
    def compiled(x):
        return fn(x)

    return compiled


@alternative("functools.partial(tf.function, jit_compile=True)", replaces="xla_version")
def partial_tf_function(fn):
    return functools.partial(tf.function, jit_compile=True)(fn)


@alternative("reduce_retracing=True and autograph=False alongside jit_compile", replaces="xla_version")
def reduce_retracing(fn):
    return tf.function(fn, jit_compile=True, reduce_retracing=True, autograph=False)


@alternative("the deprecated spelling experimental_compile=True", replaces="xla_version")
def experimental_compile_alias(fn):
    return tf.function(fn, experimental_compile=True)


# ---------------------------------------------------------- compiles_with_xla

@alternative("catches tf.errors.OpError, checks the type and the message with e.message",
             replaces="compiles_with_xla")
def op_error_with_message(fn, x):
    compiled = tf.function(lambda t: fn(t), jit_compile=True)
    try:
        compiled(x)
    except tf.errors.OpError as e:
        if isinstance(e, tf.errors.InvalidArgumentError) and \
                "detected unsupported operations" in e.message.lower():
            return False
        raise
    return True


@alternative("asks for the HLO first (experimental_get_compiler_ir), then runs it",
             replaces="compiles_with_xla")
def compiler_ir_then_run(fn, x):
    compiled = tf.function(lambda t: fn(t), jit_compile=True)
    try:
        compiled.experimental_get_compiler_ir(x)(stage="hlo")
    except (ValueError, tf.errors.InvalidArgumentError) as e:
        if "Detected unsupported operations" not in str(e):
            raise
        return False
    compiled(x)
    return True


@alternative("a flag variable and else-branch, ends with bool(...)", replaces="compiles_with_xla")
def flag_style(fn, x):
    refused = False
    try:
        result = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as err:
        if "Detected unsupported operations" not in str(err):
            raise
        refused = True
    else:
        del result
    return bool(not refused)


# --------------------------------------------------------- largest_difference

@alternative("numpy in float64, eager computed first", replaces="largest_difference")
def numpy_float64(fn, x):
    eager = np.asarray(fn(x), dtype=np.float64)
    xla = np.asarray(tf.function(fn, jit_compile=True)(x), dtype=np.float64)
    return float(np.max(np.abs(xla - eager)))


@alternative("tf.norm with ord=inf on the flattened difference, .numpy().item()",
             replaces="largest_difference")
def inf_norm(fn, x):
    diff = tf.function(lambda t: fn(t), jit_compile=True)(x) - fn(x)
    return tf.norm(tf.reshape(diff, [-1]), ord=np.inf).numpy().item()


@alternative("python max over the raveled elements", replaces="largest_difference")
def python_max(fn, x):
    xla = tf.function(fn, jit_compile=True)(x).numpy().ravel().tolist()
    eager = fn(x).numpy().ravel().tolist()
    return max((abs(p - q) for p, q in zip(xla, eager)), default=0.0)


@alternative("max of both signed differences", replaces="largest_difference")
def both_signs(fn, x):
    a = tf.function(fn, jit_compile=True)(x)
    b = fn(x)
    return float(max(tf.reduce_max(a - b), tf.reduce_max(b - a)))


@alternative("memoised with functools.lru_cache: the same fn gets back the same compiled function (a fn's "
             "own compiled function, never another fn's)", replaces="xla_version")
@functools.lru_cache(maxsize=None)
def memoised_per_fn(fn):
    return tf.function(fn, jit_compile=True)
