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


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- xla_version

@mistake("tries XLA first and quietly falls back to eager when XLA refuses the function",
         replaces="xla_version")
def falls_back_to_eager(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        try:
            return compiled(x)
        except tf.errors.InvalidArgumentError:
            return fn(x)

    return run


@mistake("turned on global auto-clustering (set_jit) instead of jit_compile: XLA clusters what it can "
         "and runs the rest as ordinary kernels, it never refuses", replaces="xla_version")
def auto_clustering_instead_of_jit_compile(fn):
    graph = tf.function(fn)

    def run(x):
        old = tf.config.optimizer.get_jit()
        tf.config.optimizer.set_jit(True)
        try:
            return graph(x)
        finally:
            tf.config.optimizer.set_jit(old if old else False)

    return run


@mistake("pinned an input signature of float32 tensors to avoid recompiling: float64 and int32 inputs "
         "are rejected", replaces="xla_version")
def float32_input_signature(fn):
    return tf.function(fn, jit_compile=True,
                       input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32)])


@mistake("compiles once for the first input (concrete function) and reuses it, so a new shape or "
         "dtype is not accepted", replaces="xla_version")
def concrete_function_of_first_input(fn):
    compiled = tf.function(fn, jit_compile=True)
    state = {}

    def run(x):
        if "concrete" not in state:
            state["concrete"] = compiled.get_concrete_function(x)
        return state["concrete"](x)

    return run



@mistake("returns the numpy array of the XLA result instead of a tensor", replaces="xla_version")
def returns_numpy(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        return compiled(x).numpy()

    return run


@mistake("caches compiled functions by the function's __name__, so two different lambdas share one",
         replaces="xla_version")
def cache_by_name(fn, _cache={}):
    key = getattr(fn, "__name__", repr(fn))
    if key not in _cache:
        _cache[key] = tf.function(fn, jit_compile=True)
    return _cache[key]


@mistake("re-raises XLA's refusal as a RuntimeError with a friendlier message", replaces="xla_version")
def reraises_as_runtime_error(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        try:
            return compiled(x)
        except tf.errors.InvalidArgumentError as e:
            raise RuntimeError(f"XLA could not compile {fn}: {e.message}") from e

    return run


@mistake("only sends float inputs to XLA; integer inputs are run eagerly ('XLA is for floats')",
         replaces="xla_version")
def only_floats_go_to_xla(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        x = tf.convert_to_tensor(x)
        if x.dtype.is_floating:
            return compiled(x)
        return fn(x)

    return run


@mistake("casts the result back to the input's dtype 'to keep dtypes consistent'", replaces="xla_version")
def casts_result_to_input_dtype(fn):
    compiled = tf.function(fn, jit_compile=True)

    def run(x):
        x = tf.convert_to_tensor(x)
        return tf.cast(compiled(x), x.dtype)

    return run


# ---------------------------------------------------------- compiles_with_xla

@mistake("any InvalidArgumentError counts as a refusal (does not check the message)",
         replaces="compiles_with_xla")
def any_invalid_argument_is_refusal(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
        return True
    except tf.errors.InvalidArgumentError:
        return False


@mistake("also treats ValueError as 'XLA refused'", replaces="compiles_with_xla")
def value_error_is_refusal(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
        return True
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
        raise
    except ValueError:
        return False


@mistake("a non-refusal InvalidArgumentError is swallowed and answered True instead of propagating",
         replaces="compiles_with_xla")
def other_errors_answer_true(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
    return True


@mistake("tests without jit_compile=True, so every function 'compiles'", replaces="compiles_with_xla")
def no_jit_compile(fn, x):
    try:
        tf.function(fn)(x)
        return True
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
        raise


@mistake("only traces (get_concrete_function) and never compiles/runs: tracing never asks XLA",
         replaces="compiles_with_xla")
def only_traces(fn, x):
    try:
        tf.function(fn, jit_compile=True).get_concrete_function(x)
        return True
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
        raise


_NOT_XLA_OPS = {"AsString", "StringFormat", "PrintV2", "PyFunc", "EagerPyFunc", "PyFuncStateless",
                "Unique", "Where", "StringJoin", "RegexReplace"}


@mistake("predicts from a list of ops 'XLA cannot do' (strings, Python calls, dynamic shapes like "
         "Unique/Where) instead of asking XLA", replaces="compiles_with_xla")
def predicts_from_op_list(fn, x):
    graph = tf.function(fn).get_concrete_function(x).graph
    return not any(op.type in _NOT_XLA_OPS for op in graph.get_operations())


@mistake("matches the refusal on 'AsString' (the docstring's example) rather than on XLA's message",
         replaces="compiles_with_xla")
def matches_as_string_only(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
        return True
    except tf.errors.InvalidArgumentError as e:
        if "AsString" in str(e):
            return False
        raise


@mistake("'compiles' means XLA gives exactly the eager answer: returns False when they differ",
         replaces="compiles_with_xla")
def compiles_means_same_bits(fn, x):
    try:
        got = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
        raise
    return bool(np.array_equal(np.asarray(got), np.asarray(fn(x))))


@mistake("also requires a finite result (NaN/inf output counted as not compiling)",
         replaces="compiles_with_xla")
def requires_finite_result(fn, x):
    try:
        got = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return False
        raise
    return bool(np.all(np.isfinite(np.asarray(got, dtype=np.float64))))


@mistake("returns 1/0 instead of a Python bool", replaces="compiles_with_xla")
def returns_int(fn, x):
    try:
        tf.function(fn, jit_compile=True)(x)
        return 1
    except tf.errors.InvalidArgumentError as e:
        if "Detected unsupported operations" in str(e):
            return 0
        raise


@mistake("caches the answer per function name, so two lambdas share one verdict",
         replaces="compiles_with_xla")
def cached_by_name(fn, x, _cache={}):
    key = (getattr(fn, "__name__", repr(fn)), tf.convert_to_tensor(x).dtype)
    if key not in _cache:
        try:
            tf.function(fn, jit_compile=True)(x)
            _cache[key] = True
        except tf.errors.InvalidArgumentError as e:
            if "Detected unsupported operations" not in str(e):
                raise
            _cache[key] = False
    return _cache[key]


# --------------------------------------------------------- largest_difference

def _both(fn, x):
    return tf.function(fn, jit_compile=True)(x), fn(x)


@mistake("returns the tensor from reduce_max instead of a Python float", replaces="largest_difference")
def returns_tensor(fn, x):
    a, b = _both(fn, x)
    return tf.reduce_max(tf.abs(a - b))


@mistake("numpy max of float32 arrays: returns np.float32, not a Python float",
         replaces="largest_difference")
def returns_np_float32(fn, x):
    a, b = _both(fn, x)
    return np.max(np.abs(a.numpy() - b.numpy()))



@mistake("mean absolute difference instead of the largest", replaces="largest_difference")
def mean_abs_difference(fn, x):
    a, b = _both(fn, x)
    return float(tf.reduce_mean(tf.abs(a - b)))


@mistake("sums the absolute differences", replaces="largest_difference")
def sum_abs_difference(fn, x):
    a, b = _both(fn, x)
    return float(tf.reduce_sum(tf.abs(a - b)))


@mistake("relative difference |xla - eager| / |eager|", replaces="largest_difference")
def relative_difference(fn, x):
    a, b = _both(fn, x)
    a = tf.cast(a, tf.float64)
    b = tf.cast(b, tf.float64)
    return float(tf.reduce_max(tf.abs(a - b) / tf.maximum(tf.abs(b), 1e-30)))


@mistake("compares XLA with the float64 'true' value instead of eager's float32 result",
         replaces="largest_difference")
def compares_with_float64_eager(fn, x):
    a = tf.function(fn, jit_compile=True)(x)
    b = fn(tf.cast(x, tf.float64))
    return float(tf.reduce_max(tf.abs(tf.cast(a, tf.float64) - b)))


@mistake("compares the XLA function with itself (called twice)", replaces="largest_difference")
def xla_against_xla(fn, x):
    compiled = tf.function(fn, jit_compile=True)
    return float(tf.reduce_max(tf.abs(compiled(x) - compiled(x))))


@mistake("rounds the result to 6 decimals to hide float noise", replaces="largest_difference")
def rounded(fn, x):
    a, b = _both(fn, x)
    return round(float(tf.reduce_max(tf.abs(a - b))), 6)


@mistake("loops over the elements of the result, which fails on a scalar result",
         replaces="largest_difference")
def loops_over_elements(fn, x):
    a, b = _both(fn, x)
    return float(max(abs(float(p) - float(q)) for p, q in zip(a.numpy(), b.numpy())))


@mistake("difference of the maxima, |max(xla) - max(eager)|, not the max of the differences",
         replaces="largest_difference")
def difference_of_maxima(fn, x):
    a, b = _both(fn, x)
    return float(tf.abs(tf.reduce_max(a) - tf.reduce_max(b)))


@mistake("only looks at the first element", replaces="largest_difference")
def first_element_only(fn, x):
    a, b = _both(fn, x)
    return float(tf.abs(tf.reshape(a, [-1])[0] - tf.reshape(b, [-1])[0]))


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("counted a nan result as 'XLA did not really compile it'", replaces="compiles_with_xla")
def nan_means_not_compiled(fn, x):
    try:
        result = tf.function(fn, jit_compile=True)(x)
    except tf.errors.InvalidArgumentError as error:
        if "Detected unsupported operations" not in str(error):
            raise
        return False
    return not bool(np.isnan(np.asarray(result, dtype="float64")).any())
