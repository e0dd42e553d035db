"""Named mistakes of kata keras/graph_eager."""

import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("returned the function itself: it still runs eagerly", replaces="graph_version")
def still_eager(fn):
    return fn


@mistake("counted with a tf.Variable, which is part of the graph and so counts every call", replaces="count_traces")
def counted_in_the_graph(fn, inputs):
    calls = tf.Variable(0)

    @tf.function
    def traced(x):
        calls.assign_add(1)
        return fn(x)

    for x in inputs:
        traced(x)
    return int(calls.numpy())


@mistake("made a new tf.function for every call: each one traces again", replaces="count_traces")
def new_function_each_call(fn, inputs):
    traces = 0

    def traced(x):
        nonlocal traces
        traces += 1
        return fn(x)

    for x in inputs:
        tf.function(traced)(x)
    return traces


@mistake("calls one tf.function on every input, but returns a count predicted from the inputs' signatures "
         "(dtype and shape of a tensor, value of anything else) instead of the one observed", replaces="count_traces")
def predicted_while_calling(fn, inputs):
    graph = tf.function(fn)
    signatures = set()
    for x in inputs:
        graph(x)
        signatures.add((x.dtype.name, tuple(x.shape)) if isinstance(x, tf.Tensor) else (type(x).__name__, x))
    return len(signatures)


# Written blind, from the stub alone (red team, 2026-12)


@mistake("fixes the input signature to a float32 vector, so scalars, matrices and other dtypes fail",
         replaces="graph_version")
def fixed_float_vector_signature(fn):
    return tf.function(fn, input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])


@mistake("casts every input to float32 inside the graph (ints and float64 come back float32)",
         replaces="graph_version")
def casts_to_float32(fn):
    return tf.function(lambda x: fn(tf.cast(x, tf.float32)))


@mistake("returns the result as a NumPy array instead of a tensor", replaces="graph_version")
def returns_numpy(fn):
    graph = tf.function(fn)

    def wrapped(x):
        return graph(x).numpy()
    return wrapped


_cached_graph = None


@mistake("caches the tf.function at module level, so every later fn gets the first fn's graph",
         replaces="graph_version")
def module_level_cache(fn):
    global _cached_graph
    if _cached_graph is None:
        _cached_graph = tf.function(fn)
    return _cached_graph


@mistake("turns on tf.config.run_functions_eagerly around each call, so the tf.function never builds a graph",
         replaces="graph_version")
def runs_functions_eagerly(fn):
    graph = tf.function(fn)

    def wrapped(x):
        before = tf.config.functions_run_eagerly()
        tf.config.run_functions_eagerly(True)
        try:
            return graph(x)
        finally:
            tf.config.run_functions_eagerly(before)
    return wrapped


@mistake("wraps fn in tf.py_function: the graph just calls back into eager Python and loses shape and "
         "dtype (always float32 out)", replaces="graph_version")
def py_function_inside(fn):
    @tf.function
    def wrapped(x):
        return tf.py_function(fn, [x], Tout=tf.float32)
    return wrapped


@mistake("predicts instead of observing: counts distinct (shape, dtype) / Python values without calling "
         "a tf.function", replaces="count_traces")
def predicts_signatures(fn, inputs):
    seen = set()
    for value in inputs:
        if isinstance(value, (tf.Tensor, np.ndarray)):
            seen.add(("tensor", tuple(value.shape), str(value.dtype)))
        else:
            seen.add(("python", value))
    return len(seen)


@mistake("counts in an eager wrapper around the tf.function, so it counts calls, not traces",
         replaces="count_traces")
def counts_calls(fn, inputs):
    graph = tf.function(fn)
    count = 0
    for value in inputs:
        count += 1
        graph(value)
    return count


@mistake("converts every input to a tensor first, so Python numbers no longer retrace by value",
         replaces="count_traces")
def converts_inputs_to_tensors(fn, inputs):
    count = 0

    @tf.function
    def traced(x):
        nonlocal count
        count += 1
        return fn(x)

    for value in inputs:
        traced(tf.convert_to_tensor(value))
    return count


_global_count = 0


@mistake("keeps the counter in a module global that is never reset, so it grows across calls",
         replaces="count_traces")
def global_counter_not_reset(fn, inputs):
    global _global_count

    @tf.function
    def traced(x):
        global _global_count
        _global_count += 1
        return fn(x)

    for value in inputs:
        traced(value)
    return _global_count


@mistake("checks the counted function eagerly on the first input before wrapping it, counting one extra",
         replaces="count_traces")
def eager_warm_up_counted(fn, inputs):
    count = 0

    def traced(x):
        nonlocal count
        count += 1
        return fn(x)

    if inputs:
        traced(inputs[0])
    graph = tf.function(traced)
    for value in inputs:
        graph(value)
    return count


@mistake("uses tf.function(reduce_retracing=True), which relaxes shapes and traces less than the default",
         replaces="count_traces")
def reduce_retracing(fn, inputs):
    count = 0

    def traced(x):
        nonlocal count
        count += 1
        return fn(x)

    graph = tf.function(traced, reduce_retracing=True)
    for value in inputs:
        graph(value)
    return count


@mistake("only calls the graph on the first and last input", replaces="count_traces")
def first_and_last_only(fn, inputs):
    count = 0

    @tf.function
    def traced(x):
        nonlocal count
        count += 1
        return fn(x)

    for value in inputs[:1] + inputs[-1:] if len(inputs) > 1 else inputs:
        traced(value)
    return count


@mistake("returns the count as a float", replaces="count_traces")
def float_count(fn, inputs):
    count = 0.0

    @tf.function
    def traced(x):
        nonlocal count
        count += 1
        return fn(x)

    for value in inputs:
        traced(value)
    return count


@mistake("caches one tf.function per fn in a module-level dict, so two graph_version calls on the same fn "
         "share one graph function", replaces="graph_version")
def shared_graph_cache(fn, _GRAPH_CACHE={}):  # noqa: B006 - the cache is the mistake
    if fn not in _GRAPH_CACHE:
        _GRAPH_CACHE[fn] = tf.function(fn)
    return _GRAPH_CACHE[fn]


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("computed in float32 inside the graph and cast the result back to the input's dtype", replaces="graph_version")
def float32_inside_cast_back(fn):
    return tf.function(lambda x: tf.cast(fn(tf.cast(x, tf.float32)), x.dtype))


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until a function with string ops came in.

@mistake("added jit_compile=True to make the graph faster: XLA refuses ops fn runs eagerly (string ops) and "
         "rounds some others differently, so the results are no longer eager's for every fn", replaces="graph_version")
def xla_compiled_graph(fn):
    return tf.function(fn, jit_compile=True)
