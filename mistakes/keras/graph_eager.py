"""Named mistakes of kata keras/graph_eager."""

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
