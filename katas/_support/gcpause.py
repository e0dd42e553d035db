"""Import torch or TensorFlow without paying the garbage collector for it.

Importing a framework creates hundreds of thousands of objects (modules, classes, functions) that
live as long as the process. Python's cyclic collector, triggered by allocation counts, scans all
of them again and again while they are being created: a bare ``import torch, tensorflow`` runs six
full collections, about 0.7 s of its 5 s on a 2-core machine, and the tests that follow pay for
more, because every later full collection walks those objects again.

Inside :func:`heavy_imports` only the youngest generation is collected: garbage made and dropped
at once (say, by an endless loop in a learner's module) still goes, but the survivors, which are
the framework, are not scanned again and again. If the block imported many modules (a framework,
not one kata file), it then freezes every object that exists (:func:`gc.freeze`), so later
collections only scan what the tests create. Blocks nest.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# A kata module adds one module to sys.modules; torch adds about 1,500 and TensorFlow 2,000.
MANY_MODULES = 100
_NEVER = 1 << 30  # a collection count that is never reached

_depth = 0


@contextmanager
def heavy_imports() -> Iterator[None]:
    global _depth
    thresholds = gc.get_threshold()
    modules_before = len(sys.modules)
    if _depth == 0:
        gc.set_threshold(thresholds[0], _NEVER, _NEVER)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            # Freezing keeps whatever garbage exists now for good; right after a framework import
            # that is a few kilobytes, against collections that would scan the whole framework.
            if len(sys.modules) - modules_before >= MANY_MODULES:
                gc.freeze()
            gc.set_threshold(*thresholds)
