#!/usr/bin/env python3
"""Set up tensor katas and then practise or verify. Standard library only.

    python3 bootstrap.py practice   # set up .venv, then start practising
    python3 bootstrap.py verify     # set up .venv, then run the project's whole verification

    --frameworks all|torch|tensorflow   what to install (default: all, or the last choice)

Setting up is idempotent: the virtual environment in ``.venv`` is (re)installed only when
``constraints.txt``, ``pyproject.toml`` or the frameworks chosen changed since the last
successful install. Katas needing a framework that is not installed are shown as not runnable
here, with the reason.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".tensor-katas-installed"
CHOICE = VENV / ".tensor-katas-frameworks"
# The extras of pyproject.toml each choice installs (and tox, for the version matrix), and what
# they are. Katas needing a framework left out are shown as not runnable here.
EXTRAS = {
    "all": ("all", "torch, TensorFlow and Keras"),
    "torch": ("torch,keras,onnx", "torch and Keras on torch, no TensorFlow"),
    "tensorflow": ("tensorflow,litert", "TensorFlow and Keras, no torch"),
}
INPUTS = ("constraints.txt", "pyproject.toml")
TESTED_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fingerprint(frameworks: str) -> str:
    digest = hashlib.sha256(f"{sys.version_info[:2]} {frameworks}".encode())
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def say(message: str) -> None:
    print(f"[tensor katas] {message}", flush=True)


def _first_line(path: Path) -> str:
    try:
        return path.read_text(errors="replace").strip().splitlines()[0] or "nothing"
    except (OSError, IndexError):
        return "nothing"


def split_frameworks(argv: list[str]) -> tuple[str | None, list[str]]:
    """(the --frameworks value or None, the other arguments, which go to the command)."""
    rest: list[str] = []
    chosen = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--frameworks":
            chosen = next(arguments, "")
        elif argument.startswith("--frameworks="):
            chosen = argument.split("=", 1)[1]
        else:
            rest.append(argument)
    if chosen is not None and chosen not in EXTRAS:
        raise SystemExit(f"--frameworks: choose one of {', '.join(EXTRAS)} (got {chosen!r})")
    return chosen, rest


def set_up(frameworks: str | None = None) -> Path:
    """Create .venv and install the pinned dependencies, unless that is already done.

    ``frameworks`` (a key of EXTRAS) defaults to the last choice made here, else "all".
    """
    if sys.version_info[:2] != TESTED_PYTHON:
        say(f"note: tested on Python {'.'.join(map(str, TESTED_PYTHON))}; this is {sys.version.split()[0]}")
    previous = CHOICE.read_text().strip() if CHOICE.is_file() else None
    previous = previous if previous in EXTRAS else None
    frameworks = frameworks or previous or "all"
    wanted = fingerprint(frameworks)
    if STAMP.is_file() and STAMP.read_text() == wanted and venv_python().exists():
        return venv_python()
    extras, description = EXTRAS[frameworks]
    say(f"setting up .venv: {description} (first time, or dependencies changed; about a minute)...")
    if previous and previous != frameworks and frameworks != "all":
        say("note: frameworks installed before stay installed; delete .venv first for a smaller one")
    if VENV.is_file() or VENV.is_symlink() and not VENV.is_dir():
        # A PEP 832 redirect file (tox 4.67 writes one when it runs first) or a dangling link:
        # this project's environment is a directory here.
        say(f"replacing the .venv file another tool left (it pointed at {_first_line(VENV)}) with a virtual environment")
        VENV.unlink()
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}[{extras},tox]"], check=True)
    STAMP.write_text(wanted)
    CHOICE.write_text(frameworks + "\n")
    say("set up done.")
    return venv_python()


def main(argv: list[str]) -> int:
    commands = {
        # The `katas` runner: the first kata not done (or where you left off), re-checked on save.
        "practice": ["-m", "katas"],
        # The whole verification: solutions pass, untouched stubs fail, named mistakes are rejected,
        # and the meta-tests (manifest, strategies, layout) pass.
        "verify": ["-m", "pytest", "--verify", "-n", "2", "--dist", "loadfile", "katas", "tests"],
    }
    if len(argv) < 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    frameworks, rest = split_frameworks(argv[1:])
    python = set_up(frameworks)
    command = [str(python), *commands[argv[0]], *rest]
    child = subprocess.Popen(command, cwd=ROOT)
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            continue  # Ctrl-C reached the runner too, which quits cleanly; no traceback from here


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
