"""The curriculum: ``katas/curriculum.toml`` read into typed records.

The manifest is the one place that says which katas exist, in what order, with which hints.
Tests, the meta-tests and (later) the runner all read it through :func:`load`.
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "katas" / "curriculum.toml"
#: Seconds a test may run when neither the command line nor the manifest says otherwise.
DEFAULT_TIME_LIMIT = 60.0
#: What a manifest entry's ``frameworks`` may name: the frameworks, the runtimes a deploy kata needs, TensorBoard.
FRAMEWORKS = frozenset({"torch", "tensorflow", "keras", "onnx", "onnxscript", "onnxruntime", "ai_edge_litert",
                        "tensorboard"})


@dataclass(frozen=True)
class Kata:
    """One manifest entry, plus where its files are."""

    topic: str
    name: str
    title: str
    frameworks: tuple[str, ...]
    objective: str
    hints: tuple[str, ...]
    keras_backends: tuple[str, ...] = ()  # the Keras backends it runs on; empty: any
    budget: float | None = None  # seconds one of its tests may run by default (bench/budgets.py)

    @property
    def id(self) -> str:
        return f"{self.topic}/{self.name}"

    @property
    def stub(self) -> Path:
        return ROOT / "katas" / self.topic / f"{self.name}.py"

    @property
    def tests(self) -> Path:
        return ROOT / "katas" / self.topic / f"test_{self.name}.py"

    @property
    def solution(self) -> Path:
        return ROOT / "solutions" / self.topic / f"{self.name}.py"

    @property
    def mistakes(self) -> Path:
        return ROOT / "mistakes" / self.topic / f"{self.name}.py"

    @property
    def alternatives(self) -> Path:
        return ROOT / "alternatives" / self.topic / f"{self.name}.py"

    def time_limit(self, chosen: float | None = None) -> float:
        """Seconds one test of this kata may run: ``chosen`` (an explicit --kata-timeout or
        --timeout) if given, else the kata's budget, else the project-wide 60 s."""
        if chosen is not None:
            return chosen
        return self.budget if self.budget else DEFAULT_TIME_LIMIT

    def hint_for(self, function: str) -> str:
        """The hint shown next to a TODO of ``function``: the first hint that names it, else
        for the TensorFlow half of a side-by-side kata (``tf_...``) the first hint that speaks
        of TensorFlow, else the first hint."""
        for hint in self.hints:
            if re.search(rf"\b{re.escape(function)}\b", hint):
                return hint
        if function.startswith("tf_"):
            for hint in self.hints:
                if "TensorFlow" in hint or "tf." in hint:
                    return hint
        return self.hints[0] if self.hints else ""

    def module(self, package: str) -> str:
        """Dotted module name of this kata in ``katas``, ``solutions``, ``mistakes`` or ``alternatives``."""
        return f"{package}.{self.topic}.{self.name}"


@functools.cache
def load(path: Path = MANIFEST) -> tuple[Kata, ...]:
    """All katas in learning order."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Kata(
            topic=entry["topic"],
            name=entry["name"],
            title=entry["title"],
            frameworks=tuple(entry["frameworks"]),
            objective=entry["objective"],
            hints=tuple(entry["hints"]),
            keras_backends=tuple(entry.get("keras_backends", ())),
            budget=entry.get("budget"),
        )
        for entry in data["kata"]
    )


def by_id() -> dict[str, Kata]:
    return {kata.id: kata for kata in load()}


def for_test_file(path: Path) -> Kata | None:
    """The kata whose tests live in ``path`` (``katas/<topic>/test_<name>.py``), if any."""
    path = Path(path).resolve()
    if path.parent.parent != ROOT / "katas" or not path.name.startswith("test_"):
        return None
    return by_id().get(f"{path.parent.name}/{path.stem.removeprefix('test_')}")


def for_source_file(path: Path) -> Kata | None:
    """The kata whose stub is ``path`` (``katas/<topic>/<name>.py``), if any."""
    path = Path(path).resolve()
    if path.parent.parent != ROOT / "katas":
        return None
    return by_id().get(f"{path.parent.name}/{path.stem}")


class UnknownKata(Exception):
    """A name that matches no kata; the message suggests the closest ones."""


def find(name: str) -> Kata:
    """The kata called ``name``: ``topic/kata``, a unique kata name, ``topic.kata`` or a path."""
    katas = load()
    wanted = name.strip().replace("\\", "/").removesuffix(".py").replace(".", "/")
    wanted = wanted.split("katas/", 1)[-1].replace("/test_", "/")
    for kata in katas:
        if wanted == kata.id:
            return kata
    named = [kata for kata in katas if kata.name == wanted]
    if len(named) == 1:
        return named[0]
    if named:
        raise UnknownKata(f"{name!r} is a kata of {len(named)} topics: say which, {' or '.join(k.id for k in named)}")
    names = [kata.id for kata in katas] + [kata.name for kata in katas]
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.75)
    ids = list(dict.fromkeys(next(k.id for k in katas if n in (k.id, k.name)) for n in close))
    suggestion = f"; did you mean {' or '.join(ids)}?" if ids else "; `katas list` shows them all"
    raise UnknownKata(f"no kata called {name!r}{suggestion}")
