"""Blind red team: correct answers in other styles for kata graphs/xla."""
import numpy as np
import tensorflow as tf
from katas._support.mistakes import alternative

# Cache used by `cache_keyed_on_fn_object`: keyed on the function object itself (the dict keeps it
# alive, so no id reuse): the same fn gets the same XLA function, another fn never does.
_XLA_BY_FN = {}


# ---------------------------------------------------------------- xla_version

@alternative("decorator-factory style: tf.function(jit_compile=True)(fn)", replaces="xla_version")
def decorator_style(fn):
    return tf.function(jit_compile=True)(fn)


@alternative("a plain Python closure that calls the XLA tf.function", replaces="xla_version")
def closure_calling_jitted(fn):
    jitted = tf.function(fn, jit_compile=True)

    def call(x):
        return jitted(x)

    return call


@alternative("cache keyed on the fn object itself (same fn -> same XLA function)", replaces="xla_version")
def cache_keyed_on_fn_object(fn):
    if fn not in _XLA_BY_FN:
        _XLA_BY_FN[fn] = tf.function(fn, jit_compile=True)
    return _XLA_BY_FN[fn]


# ---------------------------------------------------------------- compiles_with_xla

@alternative("reads the OpError's .message attribute, bare raise for anything else", replaces="compiles_with_xla")
def reads_error_message_attribute(fn, x):
    jitted = tf.function(fn, jit_compile=True)
    try:
        jitted(x)
    except tf.errors.InvalidArgumentError as err:
        if "Detected unsupported operations" in err.message:
            return False
        raise
    return True


@alternative("catches the OpError base class, checks isinstance and message, keeps the result in a variable",
             replaces="compiles_with_xla")
def catches_op_error_base(fn, x):
    compiled = False
    try:
        _ = tf.function(jit_compile=True)(fn)(x)
        compiled = True
    except tf.errors.OpError as err:
        if not (isinstance(err, tf.errors.InvalidArgumentError)
                and "Detected unsupported operations" in str(err)):
            raise
    return compiled


@alternative("else-branch style: True in the try's else", replaces="compiles_with_xla")
def try_else_style(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as err:
        if "Detected unsupported operations" not in str(err):
            raise
        return False
    else:
        return True


# ---------------------------------------------------------------- largest_difference

@alternative("TensorFlow ops in float64, .numpy().item() for the Python float", replaces="largest_difference")
def tf_ops_float64(fn, x):
    xla = tf.function(fn, jit_compile=True)(x)
    eager = fn(x)
    diff = tf.abs(tf.cast(xla, tf.float64) - tf.cast(eager, tf.float64))
    return tf.reduce_max(diff).numpy().item()


@alternative("numpy in float64 with .max(), wrapped in float()", replaces="largest_difference")
def numpy_float64(fn, x):
    eager = np.asarray(fn(x), dtype=np.float64)
    xla = np.asarray(tf.function(fn, jit_compile=True)(x), dtype=np.float64)
    return float(np.abs(xla - eager).max())


@alternative("Python loop over the flattened elements, builtin max with default 0.0", replaces="largest_difference")
def python_loop_over_elements(fn, x):
    xla = tf.function(fn, jit_compile=True)(x).numpy().ravel()
    eager = fn(x).numpy().ravel()
    return max((abs(float(a) - float(b)) for a, b in zip(xla, eager)), default=0.0)
