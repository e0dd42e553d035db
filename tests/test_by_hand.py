"""tensors/broadcasting's ``by_hand`` watcher: it fails a learner's call into a library, and only that."""

import gc

import numpy as np
import pytest

from katas._support.checks import KataMismatch
from katas.tensors.test_broadcasting import by_hand


def test_a_call_into_numpy_fails_even_when_caught():
    with pytest.raises(KataMismatch, match="numpy"), by_hand("broadcast_shape((2,), (3,))"):
        try:
            np.broadcast_shapes((2,), (3,))
        except ValueError:
            pass


def test_a_library_gc_callback_during_the_learner_s_code_is_not_the_learner_s_call():
    """JAX registers a gc callback; a collection in the middle of the learner's pure-Python code
    once ran it and failed a correct answer (the Keras-on-JAX tox env, 2026-12-03)."""

    def library_callback(phase, info):
        np.zeros(1)  # what a library's callback may do

    gc.callbacks.append(library_callback)
    threshold = gc.get_threshold()
    gc.set_threshold(1)  # a collection at almost every allocation, were the collector on
    try:
        with by_hand("broadcast_shape((4, 1), (3,))"):
            cycles = []
            for _ in range(1000):
                node = []
                node.append(node)  # garbage only a collection frees
                cycles.append(len(node))
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(library_callback)
    assert gc.isenabled()
