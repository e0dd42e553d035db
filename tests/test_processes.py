"""A kata that starts processes of its own (scale/ddp's two gloo ranks) leaves none behind: not
after a pass, not when one rank raises while the other waits for it in a collective, and not
when the learner's code hangs past the kata's time limit. A process that outlived its test would
keep its port bound and its memory, and the next run of the kata could not start."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.conftest import needs

pytestmark = [needs("torch"),
              pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the processes in /proc (Linux)")]

SOLUTION = "solutions/scale/ddp.py"
STUB = "katas/scale/ddp.py"
STEP = "    dist.init_process_group("  # the first line of the reference ddp_step


def still_running(marker: str) -> list[str]:
    """The processes whose environment holds ``marker`` (each kata run gets its own), as
    ``pid: command line``: every process the run started inherits it."""
    found = []
    for process in Path("/proc").iterdir():
        if not process.name.isdigit():
            continue
        try:
            if marker.encode() in (process / "environ").read_bytes():
                command = (process / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"{process.name}: {command}")
        except OSError:  # it ended while we looked, or is not ours to read
            continue
    return found


def with_rank_one(source: str, line: str) -> str:
    """The reference ddp_step with ``line`` run first by rank 1 after it joined the group."""
    assert STEP in source, "the reference ddp_step changed: update this test"
    joined = source.index("\n", source.index("timeout=timedelta", source.index(STEP))) + 1
    return source[:joined] + f"    if rank == 1:\n        {line}\n" + source[joined:]


@pytest.mark.parametrize("case", ["solution", "rank 1 raises", "rank 1 hangs"])
def test_the_ddp_kata_leaves_no_process_behind(sandbox, case):
    source = sandbox.read(SOLUTION)
    if case == "rank 1 raises":
        source = with_rank_one(source, 'raise ValueError("rank 1 gave up")')
    elif case == "rank 1 hangs":
        source = with_rank_one(source, "import time; time.sleep(3600)")
    sandbox.write(STUB, source)
    marker = uuid.uuid4().hex
    limit = ["--kata-timeout=15"] if case == "rank 1 hangs" else []
    run = sandbox.pytest("katas/scale/test_ddp.py", "-q", *limit, env={"KATAS_TEST_MARKER": marker})
    assert not still_running(marker), run.output
    if case == "solution":
        assert run.returncode == 0, run.output
    else:
        assert run.returncode == 1, run.output
        expected = "rank 1 gave up" if case == "rank 1 raises" else "15"
        assert expected in run.output, run.output
