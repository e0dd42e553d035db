"""Progress: ``katas-progress.json`` at the repository root, small enough to commit.

A kata counts as done only while its tests pass: every check writes its verdict, so a kata that
was green and fails later is pending again. A state file that cannot be read is moved aside
(never deleted) and a fresh one is started; ``katas check`` rebuilds what is done from the code.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from katas._support import curriculum
from katas._support.curriculum import ROOT

STATE_FILE = ROOT / "katas-progress.json"
VERSION = 1


@dataclass
class Progress:
    """What the learner has done. ``path`` None: kept in memory only (``--solutions`` runs)."""

    path: Path | None = STATE_FILE
    current: str | None = None
    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    hints: dict[str, int] = field(default_factory=dict)  # how many hints of each kata were shown
    warning: str = ""

    @classmethod
    def load(cls, path: Path | None = STATE_FILE) -> Progress:
        progress = cls(path)
        if path is None or not path.exists():
            return progress
        try:
            data = json.loads(path.read_text())
            if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("done"), dict):
                raise ValueError("not a progress file of this version")
            known = curriculum.by_id()
            progress.done = {k: v if isinstance(v, dict) else {} for k, v in data["done"].items() if k in known}
            hints = data.get("hints", {})
            progress.hints = {k: v for k, v in hints.items() if k in known and isinstance(v, int)} if isinstance(hints, dict) else {}
            current = data.get("current")
            progress.current = current if current in known else None
        except (ValueError, OSError) as error:
            aside = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
            path.replace(aside)
            progress.warning = (f"{path.name} could not be read ({error}); it was moved to {aside.name} and a "
                                "fresh one started. `katas check` finds what you have already done.")
            progress.save()
        return progress

    def save(self) -> None:
        if self.path is None:
            return
        data = {"version": VERSION, "current": self.current, "done": dict(sorted(self.done.items())),
                "hints": dict(sorted(self.hints.items()))}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, indent=2) + "\n")
        os.replace(temporary, self.path)

    def update(self, change: Callable[[Progress], None]) -> None:
        """Apply ``change`` to the progress on disk and save it, under a lock: another process's
        update made since this one loaded (a `katas run` beside the practice screen) is kept."""
        if self.path is None:
            change(self)
            return
        with _locked(self.path.with_name(self.path.name + ".lock"), wait=True):
            fresh = Progress.load(self.path)
            change(fresh)
            fresh.save()
        self.current, self.done, self.hints = fresh.current, fresh.done, fresh.hints

    def is_done(self, kata_id: str) -> bool:
        return kata_id in self.done

    def record(self, kata_id: str, green: bool, devices: list[str] | None = None) -> None:
        """Write one verdict: green marks the kata done, anything else makes it pending."""
        at = time.strftime("%Y-%m-%dT%H:%M:%S")

        def change(progress: Progress) -> None:
            if green:
                progress.done[kata_id] = {"at": at, "devices": devices or []}
            else:
                progress.done.pop(kata_id, None)

        self.update(change)

    def first_pending(self, after: str | None = None,
                      among: list[curriculum.Kata] | None = None) -> curriculum.Kata | None:
        """The first kata not done, in manifest order, starting after ``after`` (wrapping), of
        ``among`` (default: every kata)."""
        everything = list(curriculum.load())
        start = next((i + 1 for i, k in enumerate(everything) if k.id == after), 0)
        for kata in everything[start:] + everything[:start]:
            if (among is None or kata in among) and not self.is_done(kata.id):
                return kata
        return None


RUNNER_LOCK = ROOT / ".katas-runner.lock"


class RunnerBusy(Exception):
    """Another practice session holds this repository; the message names it."""


@contextlib.contextmanager
def _locked(path: Path, *, wait: bool) -> Iterator[Any]:
    """An exclusive lock on ``path`` while the block runs (no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield None
        return
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            raise RunnerBusy(handle.read().strip() or "another process") from None
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def one_runner(path: Path = RUNNER_LOCK) -> Iterator[None]:
    """Hold the repository's practice lock; RunnerBusy names the session that holds it."""
    try:
        with _locked(path, wait=False) as handle:
            if handle is not None:
                handle.seek(0)
                handle.truncate()
                handle.write(f"pid {os.getpid()}, started {time.strftime('%H:%M:%S')}")
                handle.flush()
            yield
    except RunnerBusy as busy:
        raise RunnerBusy(f"another katas practice session runs in this repository ({busy}); "
                         "quit it first (q in its window): two at once would race over your progress") from None
