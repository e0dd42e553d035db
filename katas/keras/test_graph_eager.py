"""Tests of kata keras/graph_eager: a graph gives eager's results; traces follow input signatures."""

import numpy as np
import tensorflow as tf
from hypothesis import given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import arrays, shapes, to_tf

FUNCTIONS = {
    "2 sin(x) + x": lambda x: 2 * tf.sin(x) + x,
    "sum(x²)": lambda x: tf.reduce_sum(x * x),
    "leaky relu": lambda x: tf.where(x > 0, x, 0.1 * x),
}


@given(name=st.sampled_from(sorted(FUNCTIONS)), x=arrays("float32", shapes(max_dims=2)))
def test_graph_version_gives_the_eager_result(kata, name, x):
    call = f"graph_version({name})({describe(x)})"
    graph = kata.graph_version(FUNCTIONS[name])
    check_equal(hasattr(graph, "get_concrete_function"), True, call=f"graph_version({name})",
                what="a tf.function (it has get_concrete_function)", misconception="return tf.function(fn)")
    check_tensor(graph(to_tf(x)), FUNCTIONS[name](to_tf(x)), framework="tensorflow", call=call, rtol=1e-5, atol=1e-5,
                 misconception="tf.function(fn) computes what fn computes")


def signature(value):
    """What tf.function keys its traces on: a tensor's dtype and shape, a Python number's value."""
    if isinstance(value, tf.Tensor):
        return value.dtype.name, tuple(value.shape)
    return type(value).__name__, value


tensor_or_number = st.one_of(
    st.sampled_from(["float32", "float64"]).flatmap(lambda dtype: arrays(dtype, shapes(max_dims=2, max_side=3))).map(to_tf),
    st.sampled_from([1.0, 2.0, 3.0]),
)


@settings(max_examples=10)
@given(inputs=st.lists(tensor_or_number, min_size=1, max_size=6))
def test_count_traces_sees_a_trace_per_new_signature(kata, inputs):
    expected = len({signature(value) for value in inputs})
    shown = ", ".join(describe(v) if isinstance(v, tf.Tensor) else repr(v) for v in inputs)
    check_equal(kata.count_traces(tf.square, inputs), expected, call=f"count_traces(tf.square, [{shown}])",
                what="number of traces", misconception="count with a plain Python counter inside ONE tf.function: "
                "Python runs only while tracing; a new dtype or shape, or a new Python value, traces again")
