"""heavy_imports: the collector is paused inside, back as it was after, and a framework-sized
import is frozen while a one-module import is not."""

from __future__ import annotations

import gc
import sys
import types
from collections.abc import Iterator

import pytest

from katas._support.gcpause import MANY_MODULES, heavy_imports


@pytest.fixture(autouse=True)
def clean_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
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


def test_paused_inside_and_enabled_after() -> None:
    with heavy_imports():
        assert not gc.isenabled()
    assert gc.isenabled()


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
    with heavy_imports():
        with heavy_imports():
            fake_import(MANY_MODULES)
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0  # the outer block decides, once
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_a_failing_import_restores_the_collector() -> None:
    with pytest.raises(ImportError), heavy_imports():
        raise ImportError("no module named 'tensorfow'")
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    with heavy_imports():
        pass
    assert not gc.isenabled()
