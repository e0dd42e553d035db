#!/usr/bin/env python3
"""Benchmark: a topic's solution run against the bare import of the frameworks it needs.

For each topic, runs side by side, alternating, ``repeats`` times:
  bare:  python -c "import torch, tensorflow"          (the frameworks the topic's katas list)
  topic: python -m pytest --solutions katas/<topic> -q  (one process, no xdist)
and prints the median wall time and peak memory of each, and their ratios. Then times the whole
verification (``pytest --verify -n 2 katas tests``) once.

    .venv/bin/python bench/topic_runs.py [--repeats 5] [--no-verify] [--topics tensors autograd]

Children run without PYTHONDONTWRITEBYTECODE, as on a learner's machine: with it, pytest
re-rewrites the Hypothesis plugin's modules on every start (about 1 s). One warm-up run of each
command fills the bytecode and disk caches first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from katas._support import curriculum  # noqa: E402

IMPORT_NAMES = {"torch": "torch", "tensorflow": "tensorflow", "keras": "keras"}


def measure(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one run of ``command``."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "CI"}}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            tail = output.read().decode(errors="replace")[-6000:]
            raise SystemExit(f"{tail}\nfailed: {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-verify", action="store_true", help="skip timing the whole verification")
    parser.add_argument("--topics", nargs="*", default=None, help="only these topics (default: every topic)")
    args = parser.parse_args()
    python = sys.executable
    topics: dict[str, set[str]] = {}
    for kata in curriculum.load():
        if args.topics and kata.topic not in args.topics:
            continue
        topics.setdefault(kata.topic, set()).update(kata.frameworks)
    print(f"{'topic':<10} {'frameworks':<18} {'bare s':>7} {'topic s':>8} {'ratio':>6} "
          f"{'bare MiB':>9} {'topic MiB':>10} {'ratio':>6}")
    for topic, frameworks in topics.items():
        bare = [python, "-c", "import " + ", ".join(IMPORT_NAMES[f] for f in sorted(frameworks))]
        run = [python, "-m", "pytest", "--solutions", f"katas/{topic}", "-q", "-p", "no:xdist"]
        measure(bare), measure(run)  # warm-up
        samples: dict[str, list[tuple[float, float]]] = {"bare": [], "run": []}
        for _ in range(args.repeats):
            samples["bare"].append(measure(bare))
            samples["run"].append(measure(run))
        bare_s, run_s = (statistics.median(s[0] for s in samples[k]) for k in ("bare", "run"))
        bare_m, run_m = (statistics.median(s[1] for s in samples[k]) for k in ("bare", "run"))
        print(f"{topic:<10} {'+'.join(sorted(frameworks)):<18} {bare_s:7.2f} {run_s:8.2f} {run_s / bare_s:6.2f} "
              f"{bare_m:9.0f} {run_m:10.0f} {run_m / bare_m:6.2f}", flush=True)
    if not args.no_verify:
        wall, _ = measure([python, "-m", "pytest", "--verify", "-n", "2", "katas", "tests", "-q"])
        print(f"whole verification (pytest --verify -n 2 katas tests, {os.cpu_count()} cores): {wall:.1f} s")


if __name__ == "__main__":
    main()
