#!/usr/bin/env python3
"""Held-out check: how many wrong answers that the tests have never seen do they let through?

A catalogue of mistakes written together with its tests proves little: the tests were made to
reject those. This runs a *held-out* sample instead: wrong answers (and correct alternatives)
written blind, from a kata's stub alone, by someone who never saw its tests (a helper briefed
with ``redteam/BRIEF.md``), kept as ``SAMPLE/<topic>/<kata>_mistakes.py`` and
``<kata>_alternatives.py`` in the format of ``mistakes/`` and ``alternatives/``. In a throw-away
copy of the project (``tests/sandbox.py``'s, stubs as shipped) they replace the kata's own modules, and ``pytest --verify`` says which
mistakes its tests reject and which alternatives they accept.

    .venv/bin/python bench/heldout.py SAMPLE [--profile ci|pinned|learner] [--kata-timeout SECONDS]

prints, per kata, mistakes rejected and alternatives accepted, then each mistake let through and
each alternative refused: each is either a gap in the tests (strengthen them, and keep the
mistake in ``mistakes/``) or a sample answer that is not what it claims (say why).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.sandbox import Sandbox  # noqa: E402  the meta-tests' throw-away copy of the project, stubs as shipped
VERDICT = re.compile(r"^\s*(rejected|NOT REJECTED|accepted|REJECTED|not run here)\s+\S+ (mistake|alternative):(\S+)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path, help="folder of <topic>/<kata>_mistakes.py and _alternatives.py")
    parser.add_argument("--profile", default="ci", help="Hypothesis profile of the alternatives (ci: the "
                                                        "derandomized one; pinned: the @example pins alone); "
                                                        "--verify holds mistakes to the pins alone either way")
    parser.add_argument("--kata-timeout", type=float, help="seconds one test may run (the kata's own budget "
                                                            "by default); larger where the machine is shared")
    args = parser.parse_args()
    katas = sorted({f"{path.parent.name}/{path.name.rsplit('_', 1)[0]}"
                    for path in args.sample.glob("*/*_*.py") if path.stem.endswith(("_mistakes", "_alternatives"))})
    if not katas:
        parser.error(f"no <topic>/<kata>_mistakes.py or _alternatives.py under {args.sample}")
    env = {"CI": "true", "HYPOTHESIS_PROFILE": args.profile}
    if args.kata_timeout is not None:
        env["KATAS_TIMEOUT"] = f"{args.kata_timeout:g}"
    totals = {"mistake": [0, 0], "alternative": [0, 0]}  # [right verdicts, all]
    wrong: list[str] = []
    print(f"held-out sample {args.sample} ({args.profile} profile): {len(katas)} katas")
    print(f"{'kata':<28} {'mistakes rejected':>18} {'alternatives accepted':>22}")
    with tempfile.TemporaryDirectory(prefix="katas-heldout-") as folder:
        sandbox = Sandbox(Path(folder))
        copy = sandbox.root
        for kata in katas:
            topic, name = kata.split("/")
            for kind, into in (("mistakes", "mistakes"), ("alternatives", "alternatives")):
                blind = args.sample / topic / f"{name}_{kind}.py"
                (copy / into / topic / f"{name}.py").write_text(blind.read_text() if blind.exists() else "")
            run = sandbox.pytest("--verify", "-q", f"katas/{topic}/test_{name}.py", env=env, timeout=3600)
            counts = {"mistake": [0, 0], "alternative": [0, 0]}
            for line in run.output.splitlines():
                if (match := VERDICT.match(line)) is None or match.group(1) == "not run here":
                    continue
                verdict, kind, variant = match.groups()
                right = verdict in ("rejected", "accepted")
                counts[kind][0] += right
                counts[kind][1] += 1
                if not right:
                    wrong.append(f"{verdict:>12}  {kata} {kind}:{variant}")
            if not any(total for _, total in counts.values()):
                print(f"{kata:<28} no verdicts: pytest said\n{run.output[-4000:]}")
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
