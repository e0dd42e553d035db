"""Named mistakes: plausible wrong answers that a kata's tests must reject.

A mistake module (``mistakes/<topic>/<kata>.py``) decorates wrong implementations::

    @mistake("finite difference instead of autograd", replaces="derivative")
    def finite_difference(f, w): ...

Under ``pytest --verify`` each mistake is laid over the solution (it replaces one public name,
the rest stays the reference) and the kata's tests must fail for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Mistake:
    id: str  # the Python name of the wrong implementation, used in test ids
    description: str  # what the learner got wrong, in their words
    replaces: str  # the public name of the kata it stands in for
    impl: Any


def mistake(description: str, *, replaces: str) -> Callable[[T], T]:
    """Register the decorated function or class as a named wrong answer for ``replaces``."""

    def register(impl: T) -> T:
        impl.__kata_mistake__ = Mistake(impl.__name__, description, replaces, impl)  # type: ignore[attr-defined]
        return impl

    return register


def mistakes_in(module: ModuleType) -> list[Mistake]:
    """The mistakes a module defines, in definition order."""
    found = [getattr(value, "__kata_mistake__", None) for value in vars(module).values()]
    return [m for m in found if isinstance(m, Mistake) and m.impl.__module__ == module.__name__]
