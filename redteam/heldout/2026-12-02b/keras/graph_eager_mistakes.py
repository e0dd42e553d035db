"""Blind red team: wrong answers for kata keras/graph_eager."""
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


# ----------------------------------------------------------------------------- graph_version

@mistake("returns fn itself: it already gives the same results, but it is not a tf.function and its Python "
         "runs on every call", replaces="graph_version")
def returns_fn_unchanged(fn):
    return fn


_GRAPH_CACHE = {}


@mistake("caches one tf.function per fn in a module-level dict, so two graph_version calls on the same fn "
         "share one graph function", replaces="graph_version")
def shared_graph_cache(fn):
    if fn not in _GRAPH_CACHE:
        _GRAPH_CACHE[fn] = tf.function(fn)
    return _GRAPH_CACHE[fn]


@mistake("pins an input_signature of float32 tensors, copied from a tutorial: other dtypes are rejected",
         replaces="graph_version")
def float32_input_signature(fn):
    return tf.function(fn, input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32)])


@mistake("casts the input to float32 inside the graph, so int or float64 inputs come back as float32",
         replaces="graph_version")
def casts_input_to_float32(fn):
    return tf.function(lambda x: fn(tf.cast(x, tf.float32)))


@mistake("wraps fn in a new tf.function on every call, so every call traces again and fn's Python reruns",
         replaces="graph_version")
def new_tf_function_per_call(fn):
    def call(x):
        return tf.function(fn)(x)
    return call


@mistake("returns .numpy() of the graph's result, so the caller gets a NumPy array instead of a tensor",
         replaces="graph_version")
def returns_numpy_array(fn):
    graph = tf.function(fn)

    def call(x):
        return graph(x).numpy()
    return call


@mistake("runs fn through tf.py_function inside the tf.function to 'support any dtype', so fn's Python runs "
         "eagerly on every call and the output dtype is forced to the input's", replaces="graph_version")
def py_function_inside_graph(fn):
    @tf.function
    def graph(x):
        return tf.py_function(fn, [x], Tout=x.dtype)
    return graph


# ----------------------------------------------------------------------------- count_traces

@mistake("predicts the count from the inputs' signatures (tensors by shape and dtype, Python values by value) "
         "instead of observing the traces", replaces="count_traces")
def predicted_from_signatures(fn, inputs):
    seen = set()
    for value in inputs:
        if tf.is_tensor(value) or isinstance(value, (np.ndarray, np.generic)):
            seen.add(("tensor", tuple(value.shape), str(value.dtype)))
        else:
            seen.add(("python", value))
    return len(seen)


_TRACES_SO_FAR = 0


@mistake("counts in a module-level global that is never reset, so a second count_traces call adds to the first",
         replaces="count_traces")
def global_counter_never_reset(fn, inputs):
    def counted(x):
        global _TRACES_SO_FAR
        _TRACES_SO_FAR += 1
        return fn(x)

    graph = tf.function(counted)
    for value in inputs:
        graph(value)
    return _TRACES_SO_FAR


@mistake("makes a new tf.function for each input, so every input is a first call and traces",
         replaces="count_traces")
def new_graph_per_input(fn, inputs):
    traces = 0

    def counted(x):
        nonlocal traces
        traces += 1
        return fn(x)

    for value in inputs:
        tf.function(counted)(value)
    return traces


@mistake("counts with a tf.Variable.assign_add in the graph, which runs on every call, not only while tracing",
         replaces="count_traces")
def graph_variable_counts_calls(fn, inputs):
    counter = tf.Variable(0)

    @tf.function
    def counted(x):
        counter.assign_add(1)
        return fn(x)

    for value in inputs:
        counted(value)
    return int(counter.numpy())


@mistake("counts only the re-traces (leaves out the first trace)", replaces="count_traces")
def counts_retraces_only(fn, inputs):
    traces = 0

    def counted(x):
        nonlocal traces
        traces += 1
        return fn(x)

    graph = tf.function(counted)
    for value in inputs:
        graph(value)
    return traces - 1


@mistake("converts every input with tf.convert_to_tensor first, so Python numbers no longer trace by value",
         replaces="count_traces")
def converts_inputs_to_tensors(fn, inputs):
    traces = 0

    def counted(x):
        nonlocal traces
        traces += 1
        return fn(x)

    graph = tf.function(counted)
    for value in inputs:
        graph(tf.convert_to_tensor(value))
    return traces


@mistake("passes reduce_retracing=True to tf.function to be efficient, instead of its default options",
         replaces="count_traces")
def reduce_retracing_option(fn, inputs):
    traces = 0

    def counted(x):
        nonlocal traces
        traces += 1
        return fn(x)

    graph = tf.function(counted, reduce_retracing=True)
    for value in inputs:
        graph(value)
    return traces
