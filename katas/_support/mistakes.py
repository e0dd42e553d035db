"""Named mistakes and correct alternatives: the answers a kata's tests are checked against.

Mistakes are plausible wrong answers the tests must reject; alternatives are correct answers in
another style (the quest's float32, a ``torch.Size`` in a message, a functional Keras model) that
the tests must accept, so an over-strict test fails the project's verification.

A mistake module (``mistakes/<topic>/<kata>.py``) decorates wrong implementations::

    @mistake("finite difference instead of autograd", replaces="derivative")
    def finite_difference(f, w): ...

and an alternative module (``alternatives/<topic>/<kata>.py``) correct ones::

    @alternative("float32, as the quest writes it", replaces="derivative")
    def in_float32(f, w): ...

Under ``pytest --verify`` each one is laid over the solution (it replaces one public name, the
rest stays the reference): the kata's tests must fail for a mistake and pass for an alternative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Mistake:
    id: str  # the Python name of the implementation, used in test ids
    description: str  # what the learner got wrong (or, for an alternative, the style it is in)
    replaces: str  # the public name of the kata it stands in for
    impl: Any
    correct: bool = False  # True for an alternative: the tests must accept it


def _register(description: str, replaces: str, correct: bool) -> Callable[[T], T]:
    def register(impl: T) -> T:
        impl.__kata_mistake__ = Mistake(impl.__name__, description, replaces, impl, correct)  # type: ignore[attr-defined]
        return impl

    return register


def mistake(description: str, *, replaces: str) -> Callable[[T], T]:
    """Register the decorated function or class as a named wrong answer for ``replaces``."""
    return _register(description, replaces, correct=False)


def alternative(description: str, *, replaces: str) -> Callable[[T], T]:
    """Register the decorated function or class as a correct answer for ``replaces``, in
    another style than the reference; the kata's tests must accept it."""
    return _register(description, replaces, correct=True)


def mistakes_in(module: ModuleType) -> list[Mistake]:
    """The mistakes (or alternatives) a module defines, in definition order."""
    found = [getattr(value, "__kata_mistake__", None) for value in vars(module).values()]
    return [m for m in found if isinstance(m, Mistake) and m.impl.__module__ == module.__name__]
