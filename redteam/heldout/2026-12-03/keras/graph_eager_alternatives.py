"""Blind red team: correct answers in other styles for kata keras/graph_eager."""
import types

import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("a @tf.function closure that calls fn, instead of tf.function(fn)", replaces="graph_version")
def decorated_closure(fn):
    @tf.function
    def graph(x):
        return fn(x)

    return graph


@alternative("tf.function used as a decorator factory: tf.function()(fn)", replaces="graph_version")
def decorator_factory(fn):
    return tf.function()(fn)


@alternative("trace log as a list appended to while tracing; @tf.function decorator syntax", replaces="count_traces")
def list_trace_log(fn, inputs):
    log = []

    @tf.function
    def traced(x):
        log.append("traced")
        return fn(x)

    for x in inputs:
        traced(x)
    return len(log)


@alternative("counter held on a namespace object instead of nonlocal", replaces="count_traces")
def namespace_counter(fn, inputs):
    state = types.SimpleNamespace(traces=0)

    def body(x):
        state.traces += 1
        return fn(x)

    graph = tf.function(body)
    for x in inputs:
        graph(x)
    return int(state.traces)
