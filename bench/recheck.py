"""Benchmark: how long after a save the runner shows its verdict, next to a cold pytest.

    .venv/bin/python bench/recheck.py [--katas-per-topic N] [--saves N] [--colds N] [--topics a,b]

For each topic it starts the real runner (``python -m katas --plain``) in a throw-away copy of
the project, and for the first N katas of the topic (all with ``--katas-per-topic 0``), in two
states (the untouched stub: red; the reference solution: green), it saves the stub file and
times until the runner prints that kata's verdict line. Between saves it times a cold
``python -m pytest katas/<topic>/test_<kata>.py`` of the same file in the same state, so both
are measured side by side under the same load. It prints the medians, the runner's overhead
(save to verdict, less the time the kata's tests spent running, which the verdict line reports),
the ratio cold / warm, and the runner's start-up (the frameworks' import, paid once per session).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from katas._support import curriculum  # noqa: E402
from tests.sandbox import Sandbox  # noqa: E402


class Runner:
    """The runner on pipes; ``wait(kata)`` blocks until that kata's next verdict line."""

    def __init__(self, where: Path, kata: str) -> None:
        self.lines: list[tuple[float, str]] = []
        self.in_tests = 0.0  # what the last verdict line said its tests spent running
        self.started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "katas", "--plain", "--start", kata], cwd=where,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, bufsize=1, env=_env())
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.perf_counter(), line))

    def mark(self) -> int:
        return len(self.lines)

    def wait(self, kata: str, after: int, timeout: float = 120) -> tuple[float, str]:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for stamp, line in self.lines[after:]:
                if line.startswith(f"verdict {kata} "):
                    fields = line.split()
                    self.in_tests = float(fields[5].removesuffix("s"))
                    return stamp, fields[2]
            time.sleep(0.002)
        raise TimeoutError(f"no verdict for {kata}; last lines: {''.join(l for _, l in self.lines[-20:])}")

    def keys(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text)
        self.process.stdin.flush()

    def close(self) -> None:
        self.keys("q\n")  # on a pipe the runner reads keys a line at a time
        self.process.wait(timeout=30)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KATAS_", "PYTEST_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what a learner gets
    return env


def cold(where: Path, kata: curriculum.Kata) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", str(kata.tests.relative_to(ROOT))],
                   cwd=where, env=_env(), capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--katas-per-topic", type=int, default=2, help="0: every kata")
    parser.add_argument("--saves", type=int, default=5, help="saves timed per kata and state")
    parser.add_argument("--colds", type=int, default=2, help="cold pytest runs per kata and state")
    parser.add_argument("--topics", default="", help="comma-separated topics to time (default: every topic)")
    options = parser.parse_args()
    wanted = {topic for topic in options.topics.split(",") if topic}
    where = Sandbox(Path(tempfile.mkdtemp(prefix="katas-bench-"))).root
    topics: dict[str, list[curriculum.Kata]] = {}
    for kata in curriculum.load():
        if not wanted or kata.topic in wanted:
            topics.setdefault(kata.topic, []).append(kata)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; {options.saves} saves and {options.colds} cold "
          "runs per kata and state\n")
    header = (f"{'topic':<10}{'state':<7}{'katas':>6}{'warm median':>13}{'overhead':>13}{'cold median':>13}"
              f"{'cold / warm':>13}")
    rows = []
    try:
        for topic, katas in topics.items():
            chosen = katas[: options.katas_per_topic] if options.katas_per_topic else katas
            runner = Runner(where, chosen[0].id)
            first, _ = runner.wait(chosen[0].id, 0)
            start_up = first - runner.started
            for state in ("red", "green"):
                warm_times, cold_times, overheads = [], [], []
                for index, kata in enumerate(chosen):
                    if kata is not chosen[0] or state == "green":
                        mark = runner.mark()
                        runner.keys(f"l{kata.id}\n")  # list, jump to it: its first check
                        runner.wait(kata.id, mark)
                    stub = where / kata.stub.relative_to(ROOT)
                    text = (where / kata.solution.relative_to(ROOT)).read_text() if state == "green" else stub.read_text()
                    for save in range(options.saves):
                        mark = runner.mark()
                        saved = time.perf_counter()
                        stub.write_text(text)
                        stamp, verdict = runner.wait(kata.id, mark)
                        warm_times.append(stamp - saved)
                        overheads.append(stamp - saved - runner.in_tests)
                        assert (verdict == "pass") == (state == "green"), (kata.id, state, verdict)
                        if save < options.colds:
                            cold_times.append(cold(where, kata))
                    if state == "green":  # back to the stub for the next kata's red round
                        stub.write_text((ROOT / kata.stub.relative_to(ROOT)).read_text())
                warm, cold_median = statistics.median(warm_times), statistics.median(cold_times)
                rows.append(f"{topic:<10}{state:<7}{len(chosen):>6}{warm:>12.3f}s{statistics.median(overheads):>12.3f}s"
                            f"{cold_median:>12.2f}s{cold_median / warm:>12.1f}x")
                print(rows[-1], flush=True)
            print(f"{topic:<10}runner start-up (frameworks imported once): {start_up:.1f} s", flush=True)
            runner.close()
    finally:
        shutil.rmtree(where, ignore_errors=True)
    print("\n" + header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
