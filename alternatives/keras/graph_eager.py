"""Correct alternatives of kata keras/graph_eager: other styles the tests must accept."""

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
