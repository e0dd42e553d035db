"""Blind red team: wrong answers for kata graphs/xla."""
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake

_xla_by_name = {}


# ---------------------------------------------------------------- xla_version


@mistake(
    "I wrapped fn in a plain tf.function, thinking every graph is compiled; without "
    "jit_compile=True nothing goes through XLA and string ops run instead of being refused",
    replaces="xla_version",
)
def graph_without_xla(fn):
    return tf.function(fn)


@mistake(
    "when XLA refuses fn I fall back to a plain tf.function so the caller still gets a result; "
    "the docstring wants XLA's InvalidArgumentError unchanged, never a fallback",
    replaces="xla_version",
)
def falls_back_when_refused(fn):
    compiled_fn = tf.function(fn, jit_compile=True)
    plain_fn = tf.function(fn)

    def run(x):
        try:
            return compiled_fn(x)
        except tf.errors.InvalidArgumentError:
            return plain_fn(x)

    return run


@mistake(
    "I cached the XLA functions by fn.__name__ to avoid recompiling; every lambda is '<lambda>', "
    "so a second lambda gets the function compiled for the first",
    replaces="xla_version",
)
def cached_by_name(fn):
    key = getattr(fn, "__name__", repr(fn))
    if key not in _xla_by_name:
        _xla_by_name[key] = tf.function(fn, jit_compile=True)
    return _xla_by_name[key]


@mistake(
    "I send only float inputs through XLA and run integer inputs in a plain graph, since XLA on "
    "CPU is meant for floats; the docstring says every input goes through XLA, integers too",
    replaces="xla_version",
)
def integers_skip_xla(fn):
    compiled_fn = tf.function(fn, jit_compile=True)
    plain_fn = tf.function(fn)

    def run(x):
        x = tf.convert_to_tensor(x)
        if x.dtype.is_integer:
            return plain_fn(x)
        return compiled_fn(x)

    return run


# ---------------------------------------------------------------- compiles_with_xla


@mistake(
    "I return False for any exception while compiling: fn's own ValueError for an input it "
    "cannot take is not XLA refusing, and must propagate",
    replaces="compiles_with_xla",
)
def any_error_means_refused(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except Exception:
        return False
    return True


@mistake(
    "I return False for every InvalidArgumentError without reading its message; a tf.debugging "
    "assertion failing while tracing is also an InvalidArgumentError, but not XLA's refusal",
    replaces="compiles_with_xla",
)
def every_invalid_argument_is_refusal(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError:
        return False
    return True


@mistake(
    "I only traced the XLA function with get_concrete_function(x), thinking that compiles it; "
    "XLA compiles (and refuses) on the first call, so string ops come out True",
    replaces="compiles_with_xla",
)
def tracing_is_not_compiling(fn, x):
    try:
        tf.function(fn, jit_compile=True).get_concrete_function(x)
    except tf.errors.InvalidArgumentError as error:
        if "Detected unsupported operations" in str(error):
            return False
        raise
    return True


@mistake(
    "I call it compiled only when the XLA result is finite, so a fn that returns inf or nan "
    "comes out False, though the docstring counts it as compiled",
    replaces="compiles_with_xla",
)
def requires_finite_result(fn, x):
    try:
        result = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as error:
        if "Detected unsupported operations" in str(error):
            return False
        raise
    values = np.asarray(result)
    if values.dtype.kind in "fc":
        return bool(np.all(np.isfinite(values)))
    return True


# ---------------------------------------------------------------- largest_difference


@mistake(
    "I returned the .numpy() of the max, a np.float32: the docstring asks for a Python float "
    "(np.float64 is fine, np.float32 is not)",
    replaces="largest_difference",
)
def returns_numpy_float32(fn, x):
    xla_result = tf.function(fn, jit_compile=True)(x)
    eager_result = fn(x)
    return tf.reduce_max(tf.abs(xla_result - eager_result)).numpy()


@mistake(
    "I rounded the difference to 6 decimals for a clean number; one float32 step near 1 "
    "(6e-08) rounds to 0.0",
    replaces="largest_difference",
)
def rounded_difference(fn, x):
    xla_result = tf.function(fn, jit_compile=True)(x)
    eager_result = fn(x)
    return round(float(tf.reduce_max(tf.abs(xla_result - eager_result))), 6)


@mistake(
    "I took the max of xla - eager without abs(), so differences where XLA is below eager are "
    "missed (and the result can be 0.0 or negative)",
    replaces="largest_difference",
)
def signed_difference(fn, x):
    xla_result = tf.function(fn, jit_compile=True)(x)
    eager_result = fn(x)
    return float(tf.reduce_max(xla_result - eager_result))


@mistake(
    "I compared a plain tf.function graph with eager, thinking a graph function is the compiled "
    "version; without jit_compile=True there is no XLA and the difference is always 0.0",
    replaces="largest_difference",
)
def graph_not_xla(fn, x):
    graph_result = tf.function(fn)(x)
    eager_result = fn(x)
    return float(tf.reduce_max(tf.abs(graph_result - eager_result)))
