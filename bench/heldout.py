#!/usr/bin/env python3
"""Held-out check: how many wrong answers that the tests have never seen do they let through?

A catalogue of mistakes written together with its tests proves little: the tests were made to
reject those. This runs a *held-out* sample instead: wrong answers (and correct alternatives)
written blind, from a kata's stub alone, by someone who never saw its tests (a helper briefed
with ``redteam/BRIEF.md``), kept as ``SAMPLE/<topic>/<kata>_mistakes.py`` and
``<kata>_alternatives.py`` in the format of ``mistakes/`` and ``alternatives/``. In a throw-away
copy of the working tree they replace the kata's own modules, and ``pytest --verify`` says which
mistakes its tests reject and which alternatives they accept.

    .venv/bin/python bench/heldout.py SAMPLE [--profile ci|pinned|learner]

prints, per kata, mistakes rejected and alternatives accepted, then each mistake let through and
each alternative refused: each is either a gap in the tests (strengthen them, and keep the
mistake in ``mistakes/``) or a sample answer that is not what it claims (say why).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERDICT = re.compile(r"^\s*(rejected|NOT REJECTED|accepted|REJECTED|not run here)\s+\S+ (mistake|alternative):(\S+)")


def working_tree(into: Path) -> None:
    """The project's files as they are now (committed or not), with the project's .venv linked."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    (into / ".venv").symlink_to(ROOT / ".venv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path, help="folder of <topic>/<kata>_mistakes.py and _alternatives.py")
    parser.add_argument("--profile", default="ci", help="Hypothesis profile (ci: the derandomized one; pinned: "
                                                        "the @example pins alone)")
    args = parser.parse_args()
    katas = sorted({f"{path.parent.name}/{path.name.rsplit('_', 1)[0]}"
                    for path in args.sample.glob("*/*_*.py") if path.stem.endswith(("_mistakes", "_alternatives"))})
    if not katas:
        parser.error(f"no <topic>/<kata>_mistakes.py or _alternatives.py under {args.sample}")
    env = {**os.environ, "CI": "true", "HYPOTHESIS_PROFILE": args.profile}
    totals = {"mistake": [0, 0], "alternative": [0, 0]}  # [right verdicts, all]
    wrong: list[str] = []
    print(f"held-out sample {args.sample} ({args.profile} profile): {len(katas)} katas")
    print(f"{'kata':<28} {'mistakes rejected':>18} {'alternatives accepted':>22}")
    with tempfile.TemporaryDirectory(prefix="katas-heldout-") as folder:
        copy = Path(folder)
        working_tree(copy)
        for kata in katas:
            topic, name = kata.split("/")
            for kind, into in (("mistakes", "mistakes"), ("alternatives", "alternatives")):
                blind = args.sample / topic / f"{name}_{kind}.py"
                (copy / into / topic / f"{name}.py").write_text(blind.read_text() if blind.exists() else "")
            run = subprocess.run([sys.executable, "-m", "pytest", "--verify", "-p", "no:xdist", "-p", "no:cacheprovider",
                                  "-q", f"katas/{topic}/test_{name}.py"], cwd=copy, env=env, capture_output=True,
                                 text=True, check=False)
            counts = {"mistake": [0, 0], "alternative": [0, 0]}
            for line in run.stdout.splitlines():
                if (match := VERDICT.match(line)) is None or match.group(1) == "not run here":
                    continue
                verdict, kind, variant = match.groups()
                right = verdict in ("rejected", "accepted")
                counts[kind][0] += right
                counts[kind][1] += 1
                if not right:
                    wrong.append(f"{verdict:>12}  {kata} {kind}:{variant}")
            if not any(total for _, total in counts.values()):
                print(f"{kata:<28} no verdicts: pytest said\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
                continue
            for kind in counts:
                totals[kind][0] += counts[kind][0]
                totals[kind][1] += counts[kind][1]
            (m_ok, m_all), (a_ok, a_all) = counts["mistake"], counts["alternative"]
            print(f"{kata:<28} {f'{m_ok} of {m_all}':>18} {f'{a_ok} of {a_all}':>22}")
    (m_ok, m_all), (a_ok, a_all) = totals["mistake"], totals["alternative"]
    print(f"{'all':<28} {f'{m_ok} of {m_all}':>18} {f'{a_ok} of {a_all}':>22}")
    print(f"let through: {m_all - m_ok} of {m_all} mistakes ({(m_all - m_ok) / max(m_all, 1):.0%}); "
          f"refused: {a_all - a_ok} of {a_all} alternatives")
    print("\n".join(wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
