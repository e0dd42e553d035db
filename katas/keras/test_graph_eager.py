"""Tests of kata keras/graph_eager: a graph gives eager's results; traces are observed, not predicted.

The number of traces is never computed from the inputs here either: the test runs its own
``tf.function`` over the same inputs and counts (an oracle), and the ``fn`` it hands to
``count_traces`` records how often its Python ran while tracing and how often it was called.
"""

import numpy as np
import tensorflow as tf
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe, error_line, fail
from katas._support.strategies import arrays, shapes, to_tf

FUNCTIONS = {
    "2 sin(x) + x": lambda x: 2 * tf.sin(x) + x,
    "sum(x²)": lambda x: tf.reduce_sum(x * x),
    "leaky relu": lambda x: tf.where(x > 0, x, 0.1 * x),
    "3x - 1": lambda x: 3 * x - 1,  # also on integers
    # string ops: a graph runs them, XLA (jit_compile=True) refuses them
    "x through its text": lambda x: tf.strings.to_number(tf.strings.as_string(x), out_type=x.dtype),
}
FLOAT_ONLY = {"2 sin(x) + x", "sum(x²)", "leaky relu"}
GRAPH = "return tf.function(fn): one graph function, traced on its first call and reused after"


def _run(graph, x, call):
    """graph(x), with a tf error (a fixed input_signature, a py_function) read as a wrong answer."""
    try:
        return graph(x)
    except (TypeError, ValueError, tf.errors.OpError) as error:
        xla = "Detected unsupported operations" in str(error) or "XLA" in str(error)
        fail(call, "behaviour", f"the eager result for a {describe(x)} input", error_line(error, 160),
             "tf.function(fn) with its default options: jit_compile=True hands the graph to XLA, which refuses "
             "some ops fn runs eagerly (string ops here) and rounds others differently" if xla else
             "tf.function(fn) with no input_signature accepts every dtype and shape fn accepts")


@st.composite
def cases(draw):
    """A function and an input it accepts: float32, float64, or int32 (for 3x - 1), 0-D to 2-D."""
    name = draw(st.sampled_from(sorted(FUNCTIONS)), label="fn")
    dtype = draw(st.sampled_from(["float32", "float64"] + ([] if name in FLOAT_ONLY else ["int32"])), label="dtype")
    return name, draw(arrays(dtype, shapes(min_dims=0, max_dims=2)), label="x")


@settings(max_examples=6)
@given(case=cases())
@example(case=("2 sin(x) + x", np.array([0.5, -1.25, 2.0])))  # float64: a cast to float32 fails
@example(case=("3x - 1", np.array([[1, -2, 3], [4, 0, -6]], "int32")))  # 2-D, integers
@example(case=("leaky relu", np.array(-1.5, "float32")))  # a scalar: a fixed [None] signature fails
@example(case=("x through its text", np.array([1.5, -2.25], "float32")))  # string ops: XLA refuses them
def test_graph_version_gives_the_eager_result(kata, case):
    name, x = case
    call = f"graph_version({name})({describe(x)})"
    graph = kata.graph_version(FUNCTIONS[name])
    tolerance = 1e-12 if x.dtype == np.float64 else 1e-5  # float64 to float64's own precision
    check_tensor(_run(graph, to_tf(x), call), FUNCTIONS[name](to_tf(x)), framework="tensorflow", call=call,
                 rtol=tolerance, atol=tolerance, misconception="tf.function(fn) computes what fn computes, in fn's "
                 "dtype (not in float32 and cast back), as a tensor")


def test_graph_version_traces_once_and_reuses_the_graph(kata):
    """fn's Python runs once, while tracing (not eagerly), and a same-signature call reuses the graph."""
    ran_eagerly: list[bool] = []

    def fn(x):
        ran_eagerly.append(tf.executing_eagerly())
        return x * 2

    graph = kata.graph_version(fn)
    for values in ([1.0, 2.0], [3.0, 4.0], [5.0, -6.0]):
        _run(graph, tf.constant(values), "graph_version(fn)(tf.constant([...]))")
    check_equal(ran_eagerly, [False], call="graph_version(fn), called 3 times on float32 (2,) tensors",
                what="runs of fn's Python (True: ran eagerly, False: ran while tracing a graph)",
                misconception=GRAPH + "; fn itself, a Python wrapper, tf.py_function or "
                "run_functions_eagerly run fn eagerly on every call")


def test_graph_version_of_two_functions_keeps_each_function(kata):
    """Two graph versions made one after the other compute their own fn (no graph shared between them)."""
    x = tf.constant([1.0, -2.0, 3.0])
    for name in ("3x - 1", "leaky relu", "2 sin(x) + x"):
        call = f"graph_version({name})(tf.constant([1.0, -2.0, 3.0])), after graph versions of other functions"
        check_tensor(_run(kata.graph_version(FUNCTIONS[name]), x, call), FUNCTIONS[name](x), framework="tensorflow",
                     call=call, rtol=1e-5, atol=1e-5, misconception="make a new tf.function(fn) for each fn, "
                     "never one cached for all")


def test_each_graph_version_of_one_fn_is_a_graph_function_of_its_own(kata):
    """Two graph versions of the same fn: each traces fn on its first call (no graph handed on)."""
    traced: list[int] = []

    def fn(x):
        traced.append(1)
        return x + 1

    call = "graph_version(fn) twice for one fn, each called once on tf.constant([1.0, 2.0])"
    for graph in (kata.graph_version(fn), kata.graph_version(fn)):
        _run(graph, tf.constant([1.0, 2.0]), call)
    check_equal(len(traced), 2, call=call, what="traces of fn (runs of its Python while tracing)",
                misconception="each call of graph_version makes its own tf.function(fn): a cache keyed by fn hands "
                "out the graph function of an earlier call, already traced")


class Probe:
    """The fn the test hands to count_traces: tf.square of x as float32, and what happened to it.

    ``traced``: times its Python ran while tracing; ``eager``: times it ran eagerly; ``calls``: a
    tf.Variable incremented in the graph, so it counts every call. With ``creates_variable`` it
    makes a tf.Variable on its first run, and TensorFlow then traces it twice on the first call.
    """

    def __init__(self, creates_variable: bool = False) -> None:
        self.traced, self.eager, self.creates_variable, self.variable = 0, 0, creates_variable, None
        self.calls = tf.Variable(0)

    def __call__(self, x):
        if tf.executing_eagerly():
            self.eager += 1
        else:
            self.traced += 1
        self.calls.assign_add(1)
        if self.creates_variable and self.variable is None:
            self.variable = tf.Variable(1.0)
        scale = self.variable if self.variable is not None else 1.0
        return tf.square(tf.cast(x, tf.float32)) * scale

    def __repr__(self) -> str:
        return "fn (creates a tf.Variable on its first call)" if self.creates_variable else "fn (tf.square)"


def observed_traces(inputs, creates_variable):
    """The oracle: one tf.function of a fresh Probe over the inputs, its traces counted."""
    probe, traces = Probe(creates_variable), [0]

    def traced(x):
        traces[0] += 1
        return probe(x)

    graph = tf.function(traced)
    for value in inputs:
        graph(value)
    return traces[0]


def shown(value):
    if isinstance(value, (tf.Tensor, np.ndarray)):
        return describe(value)
    return f"{type(value).__name__}({value!r})" if type(value).__module__ == "numpy" else repr(value)


tensor_or_number = st.one_of(
    st.sampled_from(["float32", "float64"]).flatmap(lambda dtype: arrays(dtype, shapes(max_dims=2, max_side=3))).map(to_tf),
    st.sampled_from([0, 1, 1.0, 2.0, 3.0, True]),
    st.sampled_from([np.float32(1.0), np.float32(2.0), np.float64(1.0)]),
)


@settings(max_examples=3)
@given(inputs=st.lists(tensor_or_number, min_size=1, max_size=5), creates_variable=st.booleans())
# No rule over the inputs' signatures gives these counts; running the graph does:
@example(inputs=[tf.constant(1.0), tf.constant(2.0)], creates_variable=True)  # 2: a new variable retraces once
@example(inputs=[1, 1.0, True], creates_variable=False)  # 1: equal Python numbers share a trace, whatever the type
@example(inputs=[np.float32(1.0), np.float32(2.0)], creates_variable=False)  # 1: NumPy scalars trace like tensors
@example(inputs=[np.float64(1.0), 1.0], creates_variable=False)  # 2, although np.float64(1.0) == 1.0
@example(inputs=[float("nan"), float("nan")], creates_variable=False)  # 1, although nan != nan
@example(inputs=[tf.ones(1), tf.ones(2), tf.ones(3)], creates_variable=False)  # 3: each new shape traces
def test_count_traces_observes_the_traces(kata, inputs, creates_variable):
    probe = Probe(creates_variable)
    call = f"count_traces({probe!r}, [{', '.join(shown(v) for v in inputs)}])"
    got = kata.count_traces(probe, inputs)
    check_equal(type(got), int, call=call, what="type of the result", misconception="return the counter, an int")
    if probe.traced == 0:
        fail(call, "behaviour", "fn traced at least once (its Python runs while a graph version is traced)",
             f"fn's Python ran {probe.eager} times eagerly and never while tracing",
             "observe, do not predict: wrap fn (or a function calling it) in ONE tf.function, call that on "
             "every input, and count inside it")
    check_equal(got, probe.traced, call=call, what="count (fn's Python ran this many times while tracing)",
                misconception="observe, do not predict: count with a Python side effect inside the ONE "
                "tf.function you call on the inputs; a tf.Variable counts calls, a count from the inputs "
                "misses what TensorFlow really did (a fn that makes a tf.Variable is traced twice)")
    check_equal(int(probe.calls.numpy()), len(inputs), call=call, what="number of calls of fn",
                misconception="call the graph version once on each input, in turn, and nothing more")
    check_equal(got, observed_traces(inputs, creates_variable), call=call, what="number of traces",
                misconception="make ONE tf.function and call it on every input: a new tf.function per input "
                "traces every time, reduce_retracing=True traces less than the default")


def test_count_traces_starts_from_zero_on_every_call(kata):
    inputs = [tf.constant(1.0), tf.constant([1.0, 2.0])]
    for attempt in ("", ", called a second time"):
        probe = Probe()
        call = f"count_traces({probe!r}, [{', '.join(shown(v) for v in inputs)}]){attempt}"
        check_equal(kata.count_traces(probe, inputs), probe.traced, call=call, what="count",
                    misconception="start from 0 on every call of count_traces: a counter kept from one call "
                    "to the next (a global) adds the earlier traces")
