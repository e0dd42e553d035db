"""Blind red team: wrong answers for kata keras/graph_eager."""
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake

_graph_cache = {}
_trace_total = [0]


# ---------------------------------------------------------------- graph_version


@mistake(
    "I returned fn as it is: TensorFlow 2 is eager anyway, so the results are the same; but it is "
    "no graph function, and fn's Python runs on every call instead of only while tracing",
    replaces="graph_version",
)
def eager_passthrough(fn):
    return fn


@mistake(
    "I cached the tf.function by fn.__name__ so repeated calls are cheap; every lambda is called "
    "'<lambda>', so graph_version(lambda x: x + 1) hands out the graph made for an earlier lambda",
    replaces="graph_version",
)
def cached_by_name(fn):
    key = getattr(fn, "__name__", repr(fn))
    if key not in _graph_cache:
        _graph_cache[key] = tf.function(fn)
    return _graph_cache[key]


@mistake(
    "I build the tf.function inside the returned wrapper, so every call makes a fresh tf.function "
    "that traces again: fn's Python runs on every call, even with the same input signature",
    replaces="graph_version",
)
def new_function_every_call(fn):
    def run(x):
        return tf.function(fn)(x)

    return run


@mistake(
    "I pinned an input_signature of float32 vectors to avoid retracing; a scalar, a matrix, a "
    "float64 or an int32 input is then refused, though the docstring says any dtype and shape",
    replaces="graph_version",
)
def fixed_float32_vector_signature(fn):
    return tf.function(fn, input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])


@mistake(
    "I ran fn through tf.py_function inside the graph to be safe; that calls fn's Python on every "
    "call (not only while tracing) and declares the input's dtype as the result's dtype",
    replaces="graph_version",
)
def py_function_inside(fn):
    @tf.function
    def run(x):
        x = tf.convert_to_tensor(x)
        return tf.py_function(fn, [x], Tout=x.dtype)

    return run


@mistake(
    "I added jit_compile=True to make the graph faster; XLA may round exp/erf differently from "
    "eager (results are no longer eager's) and refuses string ops that fn accepts eagerly",
    replaces="graph_version",
)
def xla_compiled_graph(fn):
    return tf.function(fn, jit_compile=True)


# ---------------------------------------------------------------- count_traces


@mistake(
    "my trace counter lives at module level and is never reset, so the second call of "
    "count_traces adds its traces to the first call's instead of counting from 0",
    replaces="count_traces",
)
def counter_not_reset(fn, inputs):
    def counted(x):
        _trace_total[0] += 1
        return fn(x)

    graph = tf.function(counted)
    for x in inputs:
        graph(x)
    return _trace_total[0]


@mistake(
    "I predicted the count as the number of distinct (dtype, shape) signatures, Python values "
    "by value, without calling anything; a fn that creates a tf.Variable traces twice on its "
    "first call, which no rule over the inputs sees",
    replaces="count_traces",
)
def predicted_from_signatures(fn, inputs):
    signatures = set()
    for x in inputs:
        if isinstance(x, (tf.Tensor, np.ndarray, np.generic)):
            t = tf.convert_to_tensor(x)
            signatures.add(("tensor", t.dtype.name, tuple(t.shape.as_list())))
        else:
            signatures.add(("python", x))
    return len(signatures)


@mistake(
    "I passed reduce_retracing=True so shapes get generalised; those are not tf.function's "
    "default options, so a third vector length no longer retraces and the count is too small",
    replaces="count_traces",
)
def reduce_retracing_option(fn, inputs):
    count = 0

    def counted(x):
        nonlocal count
        count += 1
        return fn(x)

    graph = tf.function(counted, reduce_retracing=True)
    for x in inputs:
        graph(x)
    return count


@mistake(
    "I converted every input to a tensor before calling the graph, so Python numbers are no "
    "longer traced by value (1.0, 2.0, 2.0 gives 1) and 1, 1.0, True get three dtypes",
    replaces="count_traces",
)
def inputs_converted_to_tensors(fn, inputs):
    count = 0

    def counted(x):
        nonlocal count
        count += 1
        return fn(x)

    graph = tf.function(counted)
    for x in inputs:
        graph(tf.convert_to_tensor(x))
    return count


@mistake(
    "I counted with a tf.Variable and assign_add inside the function; that is a graph op, so it "
    "counts every call of the graph, not the traces",
    replaces="count_traces",
)
def counted_with_graph_variable(fn, inputs):
    counter = tf.Variable(0, dtype=tf.int64, trainable=False)

    @tf.function
    def counted(x):
        counter.assign_add(1)
        return fn(x)

    for x in inputs:
        counted(x)
    return int(counter.numpy())


@mistake(
    "while tracing I recorded each input's signature in a set and returned its size; a fn that "
    "creates a tf.Variable is traced twice with the same signature, which the set counts once",
    replaces="count_traces",
)
def distinct_signatures_seen_while_tracing(fn, inputs):
    seen = set()

    def counted(x):
        if isinstance(x, tf.Tensor):
            seen.add(("tensor", x.dtype.name, str(x.shape)))
        else:
            seen.add(("python", x))
        return fn(x)

    graph = tf.function(counted)
    for x in inputs:
        graph(x)
    return len(seen)
