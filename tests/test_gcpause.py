"""heavy_imports: only the youngest generation is collected inside, the thresholds are back as
they were after, and a framework-sized import is frozen while a one-module import is not."""

from __future__ import annotations

import gc
import sys
import types
import weakref
from collections.abc import Iterator

import pytest

from katas._support.gcpause import MANY_MODULES, heavy_imports


@pytest.fixture(autouse=True)
def clean_gc() -> Iterator[None]:
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.enable()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if not was_enabled:
        gc.disable()


def fake_import(count: int) -> None:
    """Put ``count`` new modules into sys.modules, as an import of that size would."""
    for index in range(count):
        sys.modules[f"_gcpause_fake_{index}"] = types.ModuleType(f"_gcpause_fake_{index}")


@pytest.fixture
def fake_modules() -> Iterator[None]:
    yield
    for name in [name for name in sys.modules if name.startswith("_gcpause_fake_")]:
        del sys.modules[name]


def test_old_generations_wait_inside_and_thresholds_are_restored_after() -> None:
    gc.set_threshold(500, 7, 9)
    with heavy_imports():
        young, middle, old = gc.get_threshold()
        assert young == 500
        assert middle > 10**6 and old > 10**6
    assert gc.get_threshold() == (500, 7, 9)


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_young_cyclic_garbage_is_still_collected_inside() -> None:
    """An endless loop making cycles in a learner's module must not grow without bound."""
    gc.collect()  # counts start at zero: no young collection can move the cycle on while it is alive
    with heavy_imports():
        cycle = Node()
        gone = weakref.ref(cycle)
        del cycle
        kept = [[] for _ in range(10 * gc.get_threshold()[0])]  # allocations trigger young collections
        assert gone() is None
        del kept


def test_a_framework_sized_import_is_frozen(fake_modules: None) -> None:
    gc.unfreeze()
    with heavy_imports():
        fake_import(MANY_MODULES)
    assert gc.get_freeze_count() > 0


def test_a_one_module_import_is_not_frozen(fake_modules: None) -> None:
    gc.unfreeze()
    with heavy_imports():
        fake_import(1)
    assert gc.get_freeze_count() == 0


def test_nested_blocks_resume_only_at_the_outermost(fake_modules: None) -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    with heavy_imports():
        inside = gc.get_threshold()
        with heavy_imports():
            fake_import(MANY_MODULES)
        assert gc.get_threshold() == inside
        assert gc.get_freeze_count() == 0  # the outer block decides, once
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() > 0


def test_a_failing_import_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with pytest.raises(ImportError), heavy_imports():
        raise ImportError("no module named 'tensorfow'")
    assert gc.get_threshold() == before
