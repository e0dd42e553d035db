"""Correct alternatives of kata keras/graph_eager: other styles the tests must accept."""

import itertools

import tensorflow as tf

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("decorator syntax on an inner function", replaces="graph_version")
def decorated_inner(fn):
    @tf.function
    def graph_fn(x):
        return fn(x)
    return graph_fn


@alternative("tf.function with reduce_retracing=True (fewer traces, same results)", replaces="graph_version")
def reduce_retracing_graph(fn):
    return tf.function(fn, reduce_retracing=True)


@alternative("counter in a one-element list mutated inside the decorated function", replaces="count_traces")
def list_counter(fn, inputs):
    traces = [0]

    @tf.function
    def graph_fn(x):
        traces[0] += 1
        return fn(x)

    for value in inputs:
        graph_fn(value)
    return traces[0]


@alternative("callable counter object whose __call__ is wrapped by tf.function", replaces="count_traces")
def counter_object(fn, inputs):
    class Counting:
        def __init__(self):
            self.traces = 0

        def __call__(self, x):
            self.traces += 1
            return fn(x)

    counting = Counting()
    graph_fn = tf.function(counting)
    _ = [graph_fn(value) for value in inputs]
    return counting.traces


@alternative("records each trace's input in a Python list (side effect) and returns its length",
             replaces="count_traces")
def logs_traced_inputs(fn, inputs):
    traced_with = []

    def body(x):
        traced_with.append(x)
        return fn(x)

    graph_fn = tf.function(body)
    it = iter(inputs)
    while True:
        try:
            graph_fn(next(it))
        except StopIteration:
            break
    return len(traced_with)


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
def counter_object_2(fn, inputs):
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
