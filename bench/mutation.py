#!/usr/bin/env python3
"""Mutation testing of solutions/: which changes to a reference answer do the kata tests notice?

    .venv/bin/python bench/mutation.py [KATA_OR_TOPIC ...] [--jobs N] [--min PERCENT] [--head] [--keep DIR]

(install the tool first: ``.venv/bin/pip install -c constraints.txt -e '.[mutation]'``)

mutmut 3 makes the mutants and runs the tests. It never touches solutions/: this script copies
what the tests need (conftest.py, pyproject.toml, katas/, solutions/, mistakes/, alternatives/)
into a throw-away sandbox, adds a ``[tool.mutmut]`` section there, and runs ``mutmut run``
inside it; mutmut then writes every mutant into the sandbox's own copy (``mutants/``).

Why mutmut fits the lazy ``kata`` fixture: it does not rewrite files per mutant. Each function
of a solution becomes a trampoline that calls the original or one mutant, picked at call time
by an environment variable, so ``importlib.import_module("solutions.<topic>.<kata>")`` inside
a test gets the trampolines like any import. A stats run records which tests call which
function, and each mutant then runs only those tests, in a child forked from a fork server
that has imported torch and TensorFlow once (``process_isolation = "forkserver"``: the server
never computes, so the fork is safe for both frameworks).

The tests run with ``--solutions`` and the derandomized Hypothesis profile (``ci``), so a kill
is reproducible. A mutant counts as killed when its tests fail, crash or time out. A survivor is
either a gap in the tests (strengthen them) or a change that means nothing, listed with its
reason in ``bench/mutation_equivalent.toml``, keyed by kata and by
``"<function>: <original line> -> <mutated line>"`` (stable across reruns; the numbers mutmut
gives mutants are not). For each kata it prints the mutants, the killed, the listed
equivalents, the survivors not listed (with a line to paste into the file, reason to be
written) and the share killed or justified; then entries of the file that matched no survivor
(stale: the mutant is now killed or no longer made), and the wall time of the whole run.
Exit status 1 when a kata's share is below ``--min`` (default 90) or a survivor is not listed.

mutmut mutates the bodies of functions and methods (a ``@staticmethod`` included), not
module-level code (constant tables) and not functions under other decorators
(``@tf.custom_gradient``): those lines are not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from katas._support import curriculum  # noqa: E402
from katas._support.curriculum import Kata, tomllib  # noqa: E402

EQUIVALENT = ROOT / "bench" / "mutation_equivalent.toml"
COPIED = ("conftest.py", "pyproject.toml", "katas", "solutions", "mistakes", "alternatives")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache", ".katas-backup")
# What the fork server imports before it forks a child per mutant (each child would otherwise
# import torch and TensorFlow again: about 6 s a mutant instead of 1 to 2).
PRELOAD_BASE = ("numpy", "hypothesis", "pytest", "katas._support.checks", "katas._support.strategies")
PRELOAD_FRAMEWORK = {"torch": ("torch",), "tensorflow": ("tensorflow",), "keras": ("keras",)}
# mutmut's exit codes (mutmut.stats.status_by_exit_code) folded into what this report counts.
TIMEOUT_CODES = {36, -24, 24, 152, 255}  # past mutmut's CPU-time limit (15 x the tests' own time, x 2)
KILLED_CODES = {1, 3, -11, -9} | TIMEOUT_CODES  # failed, pytest internal error, crash, timeout
SURVIVED_CODES = {0}
NO_TESTS_CODES = {5, 33}


@dataclass
class KataResult:
    kata: Kata
    mutants: int = 0
    killed: int = 0
    equivalent: int = 0
    other: int = 0  # not checked, interrupted, suspicious (should not happen)
    timeouts: list[str] = field(default_factory=list)  # killed by the time limit only: descriptions
    # not listed: (description, mutant name, whether any test called the function)
    survivors: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def survived(self) -> int:
        return sum(1 for _, _, tested in self.survivors if tested)

    @property
    def no_tests(self) -> int:
        return sum(1 for _, _, tested in self.survivors if not tested)

    @property
    def share(self) -> float:
        return 100.0 * (self.killed + self.equivalent) / self.mutants if self.mutants else 100.0


def select(names: list[str]) -> list[Kata]:
    katas = curriculum.load()
    if not names:
        return list(katas)
    chosen: list[Kata] = []
    for name in names:
        in_topic = [kata for kata in katas if kata.topic == name.strip("/")]
        for kata in in_topic or [curriculum.find(name)]:
            if kata not in chosen:
                chosen.append(kata)
    return chosen


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def make_sandbox(where: Path, katas: list[Kata], *, head: bool = False) -> None:
    if head:  # the last commit, whatever is being edited in the working tree
        archive = subprocess.run(["git", "archive", "HEAD", *COPIED], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    else:
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, where / name, ignore=IGNORED)
            else:
                shutil.copy2(source, where / name)
    pyproject = (where / "pyproject.toml").read_text()
    if "[tool.mutmut]" in pyproject:
        raise SystemExit("pyproject.toml has a [tool.mutmut] section: this script writes its own; remove it")
    relative = [kata.solution.relative_to(ROOT).as_posix() for kata in katas]
    tests = [kata.tests.relative_to(ROOT).as_posix() for kata in katas]
    frameworks = sorted({f for kata in katas for f in kata.frameworks})
    preload = [*PRELOAD_BASE, *(module for f in frameworks for module in PRELOAD_FRAMEWORK[f])]
    (where / "mutation-preload.txt").write_text("\n".join(preload) + "\n")
    pyproject += f"""

# Written by bench/mutation.py into its sandbox (never into the repository's pyproject.toml).
[tool.mutmut]
source_paths = ["solutions"]
only_mutate = {toml_list(relative)}
also_copy = ["katas", "conftest.py", "mistakes", "alternatives"]
pytest_add_cli_args = ["--solutions", "-p", "no:cacheprovider", "-p", "no:xdist"]
pytest_add_cli_args_test_selection = {toml_list(tests)}
process_isolation = "forkserver"
forkserver_warmup = "import"
preload_modules_file = "mutation-preload.txt"
use_git_change_detection = false
"""
    (where / "pyproject.toml").write_text(pyproject)


def mutmut_command() -> list[str]:
    script = Path(sys.executable).parent / "mutmut"
    if not script.exists():
        raise SystemExit(f"mutmut is not installed in {Path(sys.executable).parent.parent}: "
                         "pip install -c constraints.txt -e '.[mutation]'")
    return [str(script)]


def function_of(mutant: str) -> str:
    """``solutions.t.k.x_name__mutmut_3`` -> ``name``; ``...xǁClassǁmethod__mutmut_1`` -> ``Class.method``."""
    mangled = mutant.rpartition(".")[2].rpartition("__mutmut_")[0]
    if mangled.startswith("xǁ"):
        return ".".join(mangled.removeprefix("xǁ").split("ǁ"))
    return mangled.removeprefix("x_")


def mutant_order(mutant: str) -> tuple[str, int]:
    function, _, number = mutant.rpartition("__mutmut_")
    return function, int(number) if number.isdigit() else 0


def describe(sandbox: Path, solution: str, mutant: str) -> str:
    """``function: original line -> mutated line`` from mutmut's diff of the function."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    cwd = os.getcwd()
    os.chdir(sandbox)
    try:
        diff = get_diff_for_mutant(mutant, path=solution)
    finally:
        os.chdir(cwd)
    lines = diff.splitlines()[3:]  # after ---, +++ and the first @@
    old = " / ".join(line[1:].strip() for line in lines if line.startswith("-"))
    new = " / ".join(line[1:].strip() for line in lines if line.startswith("+"))
    return f"{function_of(mutant)}: {old} -> {new}"


def load_equivalent() -> dict[str, dict[str, str]]:
    if not EQUIVALENT.exists():
        return {}
    with EQUIVALENT.open("rb") as handle:
        return tomllib.load(handle)


def collect(sandbox: Path, katas: list[Kata], equivalent: dict[str, dict[str, str]]) -> tuple[list[KataResult], list[str]]:
    results, stale = [], []
    for kata in katas:
        result = KataResult(kata)
        solution = kata.solution.relative_to(ROOT).as_posix()
        meta = sandbox / "mutants" / f"{solution}.meta"
        codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        listed = equivalent.get(kata.id, {})
        seen: Counter[str] = Counter()
        matched: set[str] = set()
        for mutant, code in sorted(codes.items(), key=lambda item: mutant_order(item[0])):
            result.mutants += 1
            if code in KILLED_CODES:
                result.killed += 1
                if code in TIMEOUT_CODES:
                    result.timeouts.append(describe(sandbox, solution, mutant))
                continue
            if code not in SURVIVED_CODES | NO_TESTS_CODES:
                result.other += 1
                continue
            text = describe(sandbox, solution, mutant)
            seen[text] += 1
            if seen[text] > 1:
                text += f" (#{seen[text]})"
            if text in listed:
                result.equivalent += 1
                matched.add(text)
            else:
                result.survivors.append((text, mutant, code not in NO_TESTS_CODES))
        stale += [f"[{kata.id}] {text}" for text in listed if text not in matched]
        results.append(result)
    return results, stale


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}m{seconds % 60:04.1f}s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("katas", nargs="*", help="katas (topic/name or name) or topics; default: every kata")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants tested at once (default: the cores)")
    parser.add_argument("--min", type=float, default=90.0, help="lowest share killed or justified per kata (default 90)")
    parser.add_argument("--head", action="store_true", help="test the last commit (git HEAD), not the working tree")
    parser.add_argument("--keep", type=Path, help="make the sandbox here and keep it (mutmut browse / show inside)")
    args = parser.parse_args()

    started = time.perf_counter()
    load_before = os.getloadavg()[0]  # other work on the machine stretches the wall time
    katas = select(args.katas)
    command = [*mutmut_command(), "run", "--max-children", str(args.jobs)]
    if args.keep:
        if args.keep.exists():
            raise SystemExit(f"{args.keep} exists: give a new directory")
        args.keep.mkdir(parents=True)
        sandbox = args.keep.resolve()
    else:
        sandbox = Path(tempfile.mkdtemp(prefix="katas-mutation-"))
    try:
        make_sandbox(sandbox, katas, head=args.head)
        env = {**os.environ, "CI": "true", "HYPOTHESIS_PROFILE": "ci", "OMP_NUM_THREADS": "1",
               "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("KATAS_SOLUTIONS", None)
        print(f"mutmut over {len(katas)} kata(s) of {'git HEAD' if args.head else 'the working tree'}, "
              f"{args.jobs} at once, in {sandbox}", flush=True)
        log = sandbox / "mutmut.log"
        with log.open("w") as output:
            status = subprocess.run(command, cwd=sandbox, env=env, stdout=output, stderr=subprocess.STDOUT).returncode
        text = re.sub(r"[^\n]*\r", "", log.read_text(errors="replace"))  # drop the spinner's redrawn lines
        if status != 0:
            print(text[-6000:])
            print(f"mutmut run failed (exit {status}); log: {log}")
            return 2
        results, stale = collect(sandbox, katas, load_equivalent())
    finally:
        if not args.keep:
            shutil.rmtree(sandbox, ignore_errors=True)
    elapsed = time.perf_counter() - started

    print()
    header = f"{'kata':<28} {'mutants':>7} {'killed':>6} {'equiv':>5} {'survived':>8} {'no test':>7} {'score':>7}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r.kata.id:<28} {r.mutants:>7} {r.killed:>6} {r.equivalent:>5} {r.survived:>8} {r.no_tests:>7} {r.share:>6.1f}%")
    total = sum(r.mutants for r in results)
    done = sum(r.killed + r.equivalent for r in results)
    print("-" * len(header))
    print(f"{'total':<28} {total:>7} {sum(r.killed for r in results):>6} {sum(r.equivalent for r in results):>5} "
          f"{sum(r.survived for r in results):>8} {sum(r.no_tests for r in results):>7} "
          f"{100.0 * done / total if total else 100.0:>6.1f}%")
    odd = sum(r.other for r in results)
    if odd:
        print(f"{odd} mutant(s) neither killed nor survived (not checked, interrupted or suspicious): see mutmut's log")

    timeouts = [(r.kata.id, text) for r in results for text in r.timeouts]
    if timeouts:
        print(f"\nKilled by the time limit alone ({len(timeouts)}, counted as killed; a test failure would be clearer):")
        for kata_id, text in timeouts:
            print(f"  [{kata_id}] {text}")

    unlisted = [(r.kata.id, text, mutant) for r in results for text, mutant, _ in r.survivors]
    if unlisted:
        print(f"\nSurvivors not in {EQUIVALENT.relative_to(ROOT)} (a stronger test, or the line under its kata with a reason):")
        for kata_id in dict.fromkeys(k for k, _, _ in unlisted):
            print(f'["{kata_id}"]')
            for _, text, mutant in (u for u in unlisted if u[0] == kata_id):
                print(f'{json.dumps(text, ensure_ascii=False)} = "REASON"  # {mutant}')
    if stale:
        print(f"\nEntries of {EQUIVALENT.relative_to(ROOT)} that matched no survivor (now killed, or no longer made):")
        for line in stale:
            print(f"  {line}")
    print(f"\nwall time: {minutes(elapsed)} for {total} mutants of {len(katas)} kata(s), {args.jobs} at once, "
          f"on {os.cpu_count()} cores (load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)")
    low = [r.kata.id for r in results if r.share < args.min]
    if low:
        print(f"below {args.min:g}% killed or justified: {', '.join(low)}")
    return 1 if low or unlisted or odd else 0


if __name__ == "__main__":
    sys.exit(main())
