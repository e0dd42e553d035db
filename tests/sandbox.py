"""A throw-away copy of the project in which a test may break or solve katas, and run pytest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("katas", "solutions", "mistakes", "alternatives", "conftest.py", "pyproject.toml")


@dataclass
class Run:
    returncode: int
    output: str


class Sandbox:
    def __init__(self, where: Path) -> None:
        self.root = where
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
            else:
                shutil.copy2(source, where / name)
        # The stubs as shipped, not a learner's worked files: the meta-tests hold on a learner's tree too.
        from katas._runner import pristine
        from katas._support import curriculum

        for kata in curriculum.load():
            (where / kata.stub.relative_to(ROOT)).write_bytes(pristine.original(kata))

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).write_text(text)

    def solve(self, kata_id: str) -> None:
        """Do a kata the way a learner would: put the reference answer into the stub."""
        topic, name = kata_id.split("/")
        # Written, not copied with its timestamps: an editor's save gives the file a new mtime.
        self.write(f"katas/{topic}/{name}.py", self.read(f"solutions/{topic}/{name}.py"))

    @property
    def env(self) -> dict[str, str]:
        """The environment of a learner's shell: none of the outer pytest's or runner's settings."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KATAS_", "PYTEST_"))}
        return env

    def python(self, *args: str, timeout: float = 300, env: dict[str, str] | None = None) -> Run:
        """``python ARGS`` in the sandbox; ``env`` adds variables to the learner's environment."""
        done = subprocess.run([sys.executable, *args], cwd=self.root, env={**self.env, **(env or {})}, capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return Run(done.returncode, done.stdout + done.stderr)

    def katas(self, *args: str, timeout: float = 300, env: dict[str, str] | None = None) -> Run:
        """The `katas` runner, as `python -m katas` from the project's root."""
        return self.python("-m", "katas", "--plain", *args, timeout=timeout, env=env)

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text()

    def pytest(self, *args: str, timeout: float = 300, env: dict[str, str] | None = None) -> Run:
        return self.python("-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", *args, timeout=timeout, env=env)
