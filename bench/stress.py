#!/usr/bin/env python3
"""Stress: the verification, run again and again with random Hypothesis seeds on a busy machine.

Each run is ``pytest --verify -n 2 --dist loadfile <paths>`` (what ``bootstrap.py verify`` runs) with the learner profile (``CI`` unset: random
examples) and a fresh ``--hypothesis-seed``, while one busy process per core keeps the machine
loaded. A failing run is printed with its seed and the tail of its output, so it can be replayed:
``pytest --verify -n 2 <paths> --hypothesis-seed=SEED``.

    .venv/bin/python bench/stress.py [--runs 20] [--load 1.0] [paths ...]   (default paths: katas tests)

The goal is zero failures. A failure is a flaky test (or a race in the runner): fix its cause.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _burn(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def _nearest_its_limit(junit: Path) -> str:
    """The timed kata test (a stub, mistake or alternative; a solution's run is not timed) whose
    time came nearest its kata's budget, from a run's JUnit XML. Its time there includes set-up and
    the untimed framework import, so the true margin is a little wider."""
    import re
    import xml.etree.ElementTree as ET

    sys.path.insert(0, str(ROOT))
    from katas._support import curriculum

    if not junit.is_file():
        return f"no {junit.name}: the run wrote no JUnit XML"
    nearest = (0.0, 0.0, 0.0, "")
    for case in ET.parse(junit).iter("testcase"):
        module = case.get("classname", "").split(".")
        kata = curriculum.for_test_file(ROOT.joinpath(*module[:3]).with_suffix(".py")) if module[0] == "katas" else None
        if kata is None or re.search(r"[\[-]solution[\]-]", case.get("name", "")):
            continue
        seconds, limit = float(case.get("time", 0)), kata.time_limit()
        nearest = max(nearest, (seconds / limit, seconds, limit, f"{kata.id}::{case.get('name')}"))
    share, seconds, limit, name = nearest
    if not name:
        return "no timed kata test in this run"
    return f"nearest its time limit: {name} took {seconds:.1f} s of {limit:.0f} s ({share:.0%})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--load", type=float, default=1.0, help="busy processes per core (0: no load)")
    parser.add_argument("--logs", type=Path, default=None,
                        help="folder for each failing run's whole output (default: a new temporary folder)")
    parser.add_argument("--junit", type=Path, default=None,
                        help="folder for each run's JUnit XML (per-test durations): run-N.xml")
    parser.add_argument("paths", nargs="*", default=["katas", "tests"])
    args = parser.parse_args()
    logs = args.logs or Path(tempfile.mkdtemp(prefix="katas-stress-"))
    logs.mkdir(parents=True, exist_ok=True)
    if args.junit:
        args.junit.mkdir(parents=True, exist_ok=True)

    env = {k: v for k, v in os.environ.items() if k not in {"CI", "HYPOTHESIS_PROFILE"} and not k.startswith("KATAS_")}
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop,), daemon=True)
               for _ in range(round(args.load * (os.cpu_count() or 1)))]
    for burner in burners:
        burner.start()
    failures: list[tuple[int, int, str]] = []
    durations: list[float] = []
    print(f"{args.runs} runs of pytest --verify -n 2 {' '.join(args.paths)}, {len(burners)} busy processes, "
          f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}; failing runs' output in {logs}", flush=True)
    try:
        for run in range(1, args.runs + 1):
            seed = random.SystemRandom().randrange(2**32)
            command = [sys.executable, "-m", "pytest", "--verify", "-n", "2", "--dist", "loadfile", "-q", "-p", "no:cacheprovider",
                       f"--hypothesis-seed={seed}", *args.paths]
            junit = args.junit.resolve() / f"run-{run}.xml" if args.junit else None
            if junit:
                command.append(f"--junitxml={junit}")
            started = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
            durations.append(time.perf_counter() - started)
            verdict = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
            print(f"run {run:>3}: seed {seed:>10}  {durations[-1]:6.1f} s  {verdict}", flush=True)
            if junit:
                print(f"         {_nearest_its_limit(junit)}", flush=True)
            if done.returncode != 0:
                log = logs / f"run-{run}-seed-{seed}.log"
                log.write_text(done.stdout + done.stderr)
                failures.append((run, seed, (done.stdout + done.stderr)[-4000:]))
                print(f"         whole output: {log}", flush=True)
                failed = [line for line in done.stdout.splitlines()  # a failing test, or a mistake let through
                          if line.lstrip().startswith(("FAILED", "ERROR", "NOT REJECTED", "REJECTED  "))]
                print("\n".join(f"         {line[:160]}" for line in failed[:10]), flush=True)  # now, not only at the end
    finally:
        stop.set()
        for burner in burners:
            burner.join(timeout=5)
    for run, seed, tail in failures:
        print(f"\n--- run {run} failed; replay with --hypothesis-seed={seed} ---\n{tail}")
    median = sorted(durations)[len(durations) // 2] if durations else 0.0
    print(f"\n{len(failures)} of {len(durations)} runs failed; median {median:.1f} s per run")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
