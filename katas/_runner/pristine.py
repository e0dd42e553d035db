"""Untouched stubs, for ``katas reset``: kept in ``pristine_stubs.zip`` beside this file.

Reset needs the original stub without git or a network, so the package carries a copy of every
stub as it is shipped. ``tests/test_manifest.py`` checks the archive against the stubs of the
repository; after changing a stub, maintainers rebuild it with ``python -m katas._runner.pristine``.

Reset never destroys the only copy of a learner's work: the current file is copied to
``.katas-backup/`` (and read back) before the stub is restored.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from katas._support import curriculum
from katas._support.curriculum import ROOT, Kata

ARCHIVE = Path(__file__).resolve().with_name("pristine_stubs.zip")
BACKUPS = ROOT / ".katas-backup"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same stubs give the same archive bytes


def member(kata: Kata) -> str:
    return kata.stub.relative_to(ROOT).as_posix()


def build(path: Path = ARCHIVE) -> None:
    """Write the archive from the stubs on disk (maintainers, after changing a stub)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kata in sorted(curriculum.load(), key=member):
            info = zipfile.ZipInfo(member(kata), date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            archive.writestr(info, kata.stub.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)


def original(kata: Kata) -> bytes:
    """The stub of ``kata`` as shipped."""
    with zipfile.ZipFile(ARCHIVE) as archive:
        return archive.read(member(kata))


def is_untouched(kata: Kata) -> bool:
    return kata.stub.exists() and kata.stub.read_bytes() == original(kata)


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
    print(f"wrote {ARCHIVE.relative_to(ROOT)} ({len(curriculum.load())} stubs)")
