"""Blind red team: correct answers in other styles for kata keras/graph_eager."""
import itertools

import tensorflow as tf

from katas._support.mistakes import alternative


# ----------------------------------------------------------------------------- graph_version

@alternative("decorator style: a nested def decorated with @tf.function that calls fn", replaces="graph_version")
def decorated_inner_def(fn):
    @tf.function
    def graph(x):
        return fn(x)
    return graph


@alternative("tf.function used as a decorator factory: tf.function()(fn)", replaces="graph_version")
def decorator_factory_call(fn):
    return tf.function()(fn)


@alternative("tf.function over a lambda that forwards to fn, with the keyword func=", replaces="graph_version")
def keyword_func_lambda(fn):
    return tf.function(func=lambda x: fn(x))


# ----------------------------------------------------------------------------- count_traces

@alternative("side effect: append to a Python list while tracing, return its length", replaces="count_traces")
def list_append_counter(fn, inputs):
    traces = []

    @tf.function
    def counted(x):
        traces.append(1)
        return fn(x)

    for value in inputs:
        counted(value)
    return len(traces)


@alternative("a small counter object; the traced function bumps its attribute", replaces="count_traces")
def counter_object(fn, inputs):
    class Counter:
        traces = 0

    counter = Counter()

    def counted(x):
        counter.traces += 1
        return fn(x)

    graph = tf.function(counted)
    for value in inputs:
        graph(value)
    return int(counter.traces)


@alternative("itertools.count as the Python side effect; the number of traces is what next() reaches",
             replaces="count_traces")
def itertools_counter(fn, inputs):
    ticks = itertools.count(1)
    state = {"traces": 0}

    def counted(x):
        state["traces"] = next(ticks)
        return fn(x)

    graph = tf.function(counted)
    for value in inputs:
        graph(value)
    return state["traces"]
