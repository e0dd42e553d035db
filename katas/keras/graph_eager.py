"""Kata keras/graph_eager: eager execution and tf.function graphs.

TensorFlow runs operations one by one as Python reaches them (eager), or ``tf.function`` turns
a Python function into a graph: the first call *traces* it (runs the Python once, recording the
operations), and later calls with the same input signature run the recorded graph without
running the Python again. A new signature (another dtype or shape of a tensor, or another value
of a plain Python number) means a new trace. Keras' ``fit`` uses ``tf.function`` for you.
Needs TensorFlow.
"""

from collections.abc import Callable
from typing import Any

import tensorflow as tf


def graph_version(fn: Callable[[tf.Tensor], tf.Tensor]) -> Callable[[tf.Tensor], tf.Tensor]:
    """``fn`` as a graph function (a ``tf.function``): same results as calling ``fn`` eagerly, in
    the same dtype, for any dtype and shape ``fn`` accepts. Its first call traces ``fn``; a later
    call with the same input signature reuses that graph, so ``fn``'s Python does not run again.
    Each call of ``graph_version`` makes its own graph function for the ``fn`` it is given.

    >>> graph_version(lambda x: x * 2)(tf.constant([1.0, 2.0]))
    <tf.Tensor: shape=(2,), dtype=float32, numpy=array([2., 4.], dtype=float32)>
    """
    raise NotImplementedError("graph_version(): not implemented yet (kata keras/graph_eager)")


def count_traces(fn: Callable[[Any], tf.Tensor], inputs: list[Any]) -> int:
    """Call one graph version of ``fn`` (``tf.function`` with its default options) on each of
    ``inputs`` in turn (each input once, nothing else) and return how many times it was traced, as an ``int``, counted from 0 on every call of
    ``count_traces``. Observe it, do not predict it: count inside the traced function with a
    Python side effect, which happens while tracing only. The tests pass functions and inputs
    whose traces no rule over the inputs' signatures gets right: a ``fn`` that creates a
    ``tf.Variable`` on its first call is traced twice on that call; ``1``, ``1.0`` and ``True`` share
    a trace; NumPy scalars trace like tensors. Your count must equal what the test's ``fn`` saw.

    >>> count_traces(tf.square, [tf.constant(1.0), tf.constant(2.0), tf.constant([1.0, 2.0])])
    2   # a new shape retraces; a new value of the same shape does not
    >>> count_traces(tf.square, [1.0, 2.0, 2.0])
    2   # a Python float is part of the signature by value
    """
    raise NotImplementedError("count_traces(): not implemented yet (kata keras/graph_eager)")
