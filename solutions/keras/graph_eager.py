"""Reference answer of kata keras/graph_eager."""

from collections.abc import Callable
from typing import Any

import tensorflow as tf


def graph_version(fn: Callable[[tf.Tensor], tf.Tensor]) -> Callable[[tf.Tensor], tf.Tensor]:
    return tf.function(fn)


def count_traces(fn: Callable[[Any], tf.Tensor], inputs: list[Any]) -> int:
    traces = 0

    def traced(x):
        nonlocal traces
        traces += 1  # plain Python: runs while tracing, and never again when the graph is reused
        return fn(x)

    graph = tf.function(traced)
    for x in inputs:
        graph(x)
    return traces
