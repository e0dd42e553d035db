"""Blind red team: wrong answers for kata graphs/xla."""
import numpy as np
import tensorflow as tf
from katas._support.mistakes import mistake

# Cache used by `cached_by_function_name` (keyed on fn.__name__: every lambda shares one entry).
_XLA_BY_NAME = {}


# ---------------------------------------------------------------- xla_version

@mistake("thought a plain tf.function already compiles the graph with XLA (forgot jit_compile=True)",
         replaces="xla_version")
def plain_tf_function(fn):
    return tf.function(fn)


@mistake("gave the XLA function a fixed float32 input signature to stop retracing", replaces="xla_version")
def fixed_float32_signature(fn):
    return tf.function(fn, jit_compile=True,
                       input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32)])


@mistake("falls back to running fn eagerly when XLA refuses it, so the caller still gets a result",
         replaces="xla_version")
def falls_back_to_eager(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        try:
            return compiled(x)
        except tf.errors.InvalidArgumentError:
            return fn(x)

    return run


@mistake("caches the compiled function by fn.__name__ to avoid recompiling", replaces="xla_version")
def cached_by_function_name(fn):
    key = getattr(fn, "__name__", repr(fn))
    if key not in _XLA_BY_NAME:
        _XLA_BY_NAME[key] = tf.function(fn, jit_compile=True)
    return _XLA_BY_NAME[key]


@mistake("casts the XLA result back to the input's dtype, assuming fn keeps the dtype", replaces="xla_version")
def casts_result_to_input_dtype(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        x = tf.convert_to_tensor(x)
        return tf.cast(compiled(x), x.dtype)

    return run


# ---------------------------------------------------------------- compiles_with_xla

@mistake("any exception means XLA could not compile it", replaces="compiles_with_xla")
def swallows_every_error(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except Exception:
        return False
    return True


@mistake("treats every InvalidArgumentError as XLA's refusal, without reading the message",
         replaces="compiles_with_xla")
def any_invalid_argument_is_refusal(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError:
        return False
    return True


@mistake("also checks the XLA result is finite, so an inf or nan result counts as not compiled",
         replaces="compiles_with_xla")
def nonfinite_result_counts_as_refusal(fn, x):
    try:
        result = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as err:
        if "Detected unsupported operations" in str(err):
            return False
        raise
    for tensor in tf.nest.flatten(result):
        values = np.asarray(tensor)
        if values.dtype.kind == "f" and not np.all(np.isfinite(values)):
            return False
    return True


@mistake("predicts from the traced graph's op types with a list of ops XLA 'cannot' compile (strings, Python "
         "callbacks, and dynamic-shape ops like Unique/Where)", replaces="compiles_with_xla")
def predicts_from_op_types(fn, x):
    not_for_xla = {"AsString", "StringFormat", "PrintV2", "PyFunc", "PyFuncStateless", "EagerPyFunc",
                   "Unique", "Where"}
    graph = tf.function(fn).get_concrete_function(x).graph
    return not any(op.type in not_for_xla for op in graph.get_operations())


# ---------------------------------------------------------------- largest_difference

@mistake("returns np.max of the float32 differences as it is (a np.float32, not a Python float)",
         replaces="largest_difference")
def returns_numpy_float32(fn, x):
    xla = tf.function(fn, jit_compile=True)(x)
    eager = fn(x)
    return np.max(np.abs(xla.numpy() - eager.numpy()))


@mistake("measures the difference relative to eager's values", replaces="largest_difference")
def relative_difference(fn, x):
    xla = np.asarray(tf.function(fn, jit_compile=True)(x), dtype=np.float64)
    eager = np.asarray(fn(x), dtype=np.float64)
    return float(np.max(np.abs(xla - eager) / np.maximum(np.abs(eager), 1e-30)))


@mistake("averages the absolute differences instead of taking the largest", replaces="largest_difference")
def mean_difference(fn, x):
    xla = np.asarray(tf.function(fn, jit_compile=True)(x), dtype=np.float64)
    eager = np.asarray(fn(x), dtype=np.float64)
    return float(np.mean(np.abs(xla - eager)))


@mistake("used Python's max() over the difference array: fine for 1-D, breaks on a scalar or 2-D result",
         replaces="largest_difference")
def builtin_max_over_array(fn, x):
    xla = tf.function(fn, jit_compile=True)(x)
    eager = fn(x)
    return float(max(np.abs(xla.numpy() - eager.numpy())))
