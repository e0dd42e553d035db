"""Untouched stubs and kata tests, as shipped: kept in ``pristine_stubs.zip`` beside this file.

Reset needs the original stub without git or a network, so the package carries a copy of every
stub and every kata test file as shipped. The verification checks the untouched stubs from here,
not the learner's edited files, and the runner compares a kata's test file with its shipped copy.
``tests/test_manifest.py`` checks the archive against the untouched stubs and tests of the
repository; after changing a stub or a test, maintainers rebuild it with
``python -m katas._runner.pristine``, which refuses a stub that holds code (a learner's work).

Reset never destroys the only copy of a learner's work: the current file is copied to
``.katas-backup/`` (and read back) before the stub is restored.
"""

from __future__ import annotations

import ast
import functools
import os
import sys
import time
import zipfile
from pathlib import Path

from katas._support import curriculum
from katas._support.curriculum import ROOT, Kata

ARCHIVE = Path(__file__).resolve().with_name("pristine_stubs.zip")
BACKUPS = ROOT / ".katas-backup"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same stubs give the same archive bytes


def member(kata: Kata, tests: bool = False) -> str:
    return (kata.tests if tests else kata.stub).relative_to(ROOT).as_posix()


def not_a_stub(source: str | bytes) -> str | None:
    """Why ``source`` is not an untouched stub (a function whose body is more than a docstring
    and one ``raise NotImplementedError(...)``), or None when it is one."""
    try:
        module = ast.parse(source)
    except SyntaxError as error:
        return f"it does not parse (line {error.lineno})"
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            statements = node.body[1:] if ast.get_docstring(node) else node.body
            if not (len(statements) == 1 and isinstance(statements[0], ast.Raise)
                    and "NotImplementedError" in ast.unparse(statements[0])):
                return f"{node.name}() has code in it"
    return None


def build(path: Path = ARCHIVE) -> None:
    """Write the archive from the stubs and tests on disk (maintainers, after changing one).

    Refuses a stub with code in it: on a learner's tree that would archive their answers as the
    "untouched" stubs, and `katas reset` would then restore their answers.
    """
    katas = sorted(curriculum.load(), key=member)
    worked = [f"{member(k)}: {why}" for k in katas if (why := not_a_stub(k.stub.read_bytes()))]
    if worked:
        raise SystemExit("not rebuilding the archive: these files are not untouched stubs (a learner's work?)\n  "
                         + "\n  ".join(worked) + "\nRebuild it from a clean checkout of the project.")
    temporary = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kata in katas:
            for tests in (False, True):
                info = zipfile.ZipInfo(member(kata, tests), date_time=_EPOCH)
                info.external_attr = 0o644 << 16
                source = kata.tests if tests else kata.stub
                archive.writestr(info, source.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    os.replace(temporary, path)  # whole or not at all: a reader never sees half an archive
    _contents.cache_clear()


@functools.cache
def _contents(path: Path = ARCHIVE) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def original(kata: Kata) -> bytes:
    """The stub of ``kata`` as shipped."""
    return _contents()[member(kata)]


def original_tests(kata: Kata) -> bytes | None:
    """The test file of ``kata`` as shipped (None for an archive built before tests were kept)."""
    return _contents().get(member(kata, tests=True))


def is_untouched(kata: Kata) -> bool:
    return kata.stub.exists() and kata.stub.read_bytes() == original(kata)


def tests_changed(kata: Kata) -> bool:
    """True when the kata's test file differs from the shipped one (or is missing)."""
    shipped = original_tests(kata)
    return shipped is not None and (not kata.tests.exists() or kata.tests.read_bytes() != shipped)


def restore_tests(kata: Kata) -> None:
    """Put the shipped test file back (the runner said it was changed)."""
    shipped = original_tests(kata)
    if shipped is None:  # pragma: no cover - archives always hold tests now
        raise OSError(f"no shipped copy of {member(kata, tests=True)}")
    temporary = kata.tests.with_name(kata.tests.name + ".reset-tmp")
    temporary.write_bytes(shipped)
    os.replace(temporary, kata.tests)


def backup(kata: Kata) -> Path:
    """Copy the learner's file to a new path under .katas-backup/ and return it."""
    folder = BACKUPS / kata.topic
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1000):
        target = folder / f"{kata.name}-{stamp}{f'-{attempt}' if attempt else ''}.py"
        try:
            with target.open("xb") as handle:  # never overwrites an earlier backup
                handle.write(kata.stub.read_bytes())
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover
        raise OSError(f"no free backup name in {folder}")
    if target.read_bytes() != kata.stub.read_bytes():
        raise OSError(f"the backup {target} does not match {kata.stub}; nothing was reset")
    return target


def reset(kata: Kata) -> Path | None:
    """Restore the untouched stub; returns the backup of the learner's file (None: nothing to back up)."""
    saved = backup(kata) if kata.stub.exists() and not is_untouched(kata) else None
    temporary = kata.stub.with_name(kata.stub.name + ".reset-tmp")
    temporary.write_bytes(original(kata))
    os.replace(temporary, kata.stub)
    return saved


if __name__ == "__main__":
    build()
    print(f"wrote {ARCHIVE.relative_to(ROOT)} ({len(curriculum.load())} stubs and their tests)")
    sys.exit(0)
