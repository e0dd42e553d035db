#!/usr/bin/env python3
"""Time budgets: how long one test of each kata may run before it is stopped as an endless loop.

Runs the solution tests of every topic (``pytest --solutions katas/<topic>``, the learner
profile: random examples, as a learner's run draws them) ``--repeats`` times with no time limit,
takes each kata's slowest test, and prints the budget the manifest should hold:

    budget = ceil(3 x slowest test + margin)        (margin: --margin, 10 s by default)

A test's time is the larger of its wall time and the CPU time spent in it (by its process and
the processes it started: a deploy kata's fresh process counts). Measured on a busy machine the
budgets come out larger, never smaller, than on a quiet one.

A learner's endless loop in a kata whose tests take a tenth of a second is then reported after
about ten seconds instead of a minute; a kata that trains or compiles keeps the room it needs on a
slower or busy machine. ``--write`` puts the budgets into katas/curriculum.toml (``budget = N``).

    .venv/bin/python bench/budgets.py [--repeats 2] [--margin 10] [--write] [--topics graphs deploy]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from katas._support import curriculum  # noqa: E402

FACTOR = 3


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (a deploy kata's fresh
    process counts: its time is the test's)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Clock:
    """A pytest plugin: the CPU and wall seconds of each test's call, as JSON lines in ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path

    def pytest_runtest_call(self, item):  # noqa: ANN001, ANN201
        cpu, wall = _cpu(), time.perf_counter()
        yield
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"nodeid": item.nodeid, "cpu": _cpu() - cpu,
                                     "wall": time.perf_counter() - wall}) + "\n")

    pytest_runtest_call.hookwrapper = True  # type: ignore[attr-defined]


CHILD = ("import sys; sys.path.insert(0, 'bench'); import pytest, budgets; "
         "sys.exit(pytest.main(sys.argv[2:], plugins=[budgets.Clock(sys.argv[1])]))")


def slowest_tests(topic: str, repeats: int) -> dict[str, tuple[float, float]]:
    """Kata id -> (CPU, wall) seconds of its slowest test's call over ``repeats`` runs."""
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "HYPOTHESIS_PROFILE"} and not k.startswith("KATAS_")}
    slowest: dict[str, tuple[float, float]] = defaultdict(lambda: (0.0, 0.0))
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "times.jsonl"
            path.touch()
            subprocess.run([sys.executable, "-c", CHILD, str(path), "--solutions", f"katas/{topic}", "-q", "-p", "no:xdist",
                            "-p", "no:cacheprovider", "--kata-timeout=0"], cwd=ROOT, env=env, capture_output=True, check=False)
            for line in path.read_text().splitlines():
                event = json.loads(line)
                kata = f"{topic}/{event['nodeid'].split('::')[0].rsplit('/', 1)[-1].removeprefix('test_').removesuffix('.py')}"
                if max(event["cpu"], event["wall"]) > max(slowest[kata]):  # a zygote's child: wall time only
                    slowest[kata] = (event["cpu"], event["wall"])
    return slowest


def write(budgets: dict[str, int]) -> None:
    """Set ``budget = N`` in each measured kata's manifest entry (after its ``frameworks`` line)."""
    text = curriculum.MANIFEST.read_text()
    entries = text.split("[[kata]]")
    for index, entry in enumerate(entries[1:], start=1):
        found = re.search(r'^topic = "(\w+)"\nname = "(\w+)"', entry, re.MULTILINE)
        if not found or (kata := f"{found.group(1)}/{found.group(2)}") not in budgets:
            continue
        entry = re.sub(r"^budget = .*\n", "", entry, flags=re.MULTILINE)
        entries[index] = re.sub(r"^(frameworks = .*\n)", rf"\g<1>budget = {budgets[kata]}\n", entry, count=1, flags=re.MULTILINE)
    curriculum.MANIFEST.write_text("[[kata]]".join(entries))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--margin", type=float, default=10.0)
    parser.add_argument("--write", action="store_true", help="write the budgets into katas/curriculum.toml")
    parser.add_argument("--topics", nargs="*", default=None)
    args = parser.parse_args()

    katas = curriculum.load()
    topics = args.topics or sorted({k.topic for k in katas}, key=[k.topic for k in katas].index)
    budgets: dict[str, int] = {}
    print(f"{'kata':<26} {'slowest test: CPU':>17} {'wall':>7} {'budget now':>10} {'budget':>7}")
    for topic in topics:
        slowest = slowest_tests(topic, args.repeats)
        for kata in (k for k in katas if k.topic == topic):
            if kata.id not in slowest:
                print(f"{kata.id:<26} {'not run':>12}")
                continue
            cpu, wall = slowest[kata.id]
            budgets[kata.id] = math.ceil(FACTOR * max(cpu, wall) + args.margin)
            now = f"{kata.budget:g} s" if kata.budget else "-"
            print(f"{kata.id:<26} {cpu:>15.2f} s {wall:>5.2f} s {now:>10} {budgets[kata.id]:>5} s", flush=True)
    if args.write:
        write(budgets)
        print(f"wrote {len(budgets)} budgets to {curriculum.MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
