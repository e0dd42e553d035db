#!/usr/bin/env python3
"""Set up tensor katas and then practise or verify. Standard library only.

    python3 bootstrap.py practice   # set up .venv, then start practising
    python3 bootstrap.py verify     # set up .venv, then run the project's whole verification

Setting up is idempotent: the virtual environment in ``.venv`` is (re)installed only when
``constraints.txt`` or ``pyproject.toml`` changed since the last successful install.
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
INPUTS = ("constraints.txt", "pyproject.toml")
TESTED_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fingerprint() -> str:
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def say(message: str) -> None:
    print(f"[tensor katas] {message}", flush=True)


def set_up() -> Path:
    """Create .venv and install the pinned dependencies, unless that is already done."""
    if sys.version_info[:2] != TESTED_PYTHON:
        say(f"note: tested on Python {'.'.join(map(str, TESTED_PYTHON))}; this is {sys.version.split()[0]}")
    wanted = fingerprint()
    if STAMP.exists() and STAMP.read_text() == wanted and venv_python().exists():
        return venv_python()
    say("setting up .venv (first time, or dependencies changed; about a minute)...")
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}[all,tox]"], check=True)
    STAMP.write_text(wanted)
    say("set up done.")
    return venv_python()


def main(argv: list[str]) -> int:
    commands = {
        # The `katas` runner: the first kata not done (or where you left off), re-checked on save.
        "practice": ["-m", "katas"],
        # The whole verification: solutions pass, untouched stubs fail, named mistakes are rejected,
        # and the meta-tests (manifest, strategies, layout) pass.
        "verify": ["-m", "pytest", "--verify", "-n", "2", "katas", "tests"],
    }
    if len(argv) < 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    python = set_up()
    command = [str(python), *commands[argv[0]], *argv[1:]]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
