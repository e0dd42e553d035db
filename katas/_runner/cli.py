"""``katas``: the tensor katas runner.

    katas                  practise: the current kata, re-checked on every save
    katas list             every kata: topic, title, done / pending / current
    katas run NAME         check one kata once (exit code 0 only when green)
    katas hint NAME        the kata's next hint (--all: every hint)
    katas check [NAME...]  check every kata (or the named katas / topics) in parallel
    katas reset NAME       restore the untouched stub (your file is backed up first)
    katas solution NAME    the reference solution, as a diff against your file (once green)
    katas report           check every kata; write results.json (exercism v3) and/or JUnit XML
    katas env              Python, torch, TensorFlow and Keras versions, and the Keras backend

NAME is ``topic/kata`` (``autograd/derivative``), a kata name alone when it is unique
(``derivative``), or the stub's path.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from katas._support import curriculum
from katas._support.curriculum import ROOT, Kata, UnknownKata, find


def _select(names: list[str]) -> list[Kata]:
    if not names:
        return list(curriculum.load())
    topics = {kata.topic for kata in curriculum.load()}
    chosen: list[Kata] = []
    for name in names:
        if name.strip("/") in topics:
            chosen += [kata for kata in curriculum.load() if kata.topic == name.strip("/")]
        else:
            chosen.append(find(name))
    return list(dict.fromkeys(chosen))


def _progress(args: argparse.Namespace):
    from katas._runner.state import STATE_FILE, Progress

    return Progress.load(None if args.solutions else STATE_FILE)


def _console(args: argparse.Namespace):
    from katas._runner import view

    return view.console(plain=args.plain)


def _files_missing(kata: Kata) -> str | None:
    missing = [p.relative_to(ROOT).as_posix() for p in (kata.stub, kata.tests, kata.solution) if not p.exists()]
    if not missing:
        return None
    fix = f" (`katas reset {kata.id}` restores the stub)" if not kata.stub.exists() else ""
    return f"kata {kata.id} is listed in katas/curriculum.toml, but {', '.join(missing)} is missing{fix}"


# --- commands -------------------------------------------------------------------------------------


def cmd_watch(args: argparse.Namespace) -> int:
    from katas._runner.ui import Session

    from katas._runner.state import RunnerBusy, one_runner

    start = find(args.name) if args.name else None
    watch = "manual" if args.manual else ("poll" if args.poll else "events")
    try:
        with contextlib.nullcontext() if args.solutions else one_runner():
            return Session(console=_console(args), start=start, solutions=args.solutions, device=args.device,
                           timeout=args.timeout, watch=watch, plain=args.plain).run()
    except RunnerBusy as busy:
        print(f"katas: {busy}", file=sys.stderr)
        return 1


def cmd_list(args: argparse.Namespace) -> int:
    from katas._runner import view

    progress = _progress(args)
    out = _console(args)
    if progress.warning:
        out.print(progress.warning)
    out.print(view.kata_table(progress, progress.current))
    out.print(view.progress_bar(progress))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from katas._runner import view
    from katas._runner.warm import cold_check

    kata = find(args.name)
    if problem := _files_missing(kata):
        raise UnknownKata(problem)
    out = _console(args)
    progress = _progress(args)
    with out.status(f"checking {kata.id}...") if out.is_terminal else contextlib.nullcontext():
        result = cold_check(kata, solutions=args.solutions, device=args.device, timeout=args.timeout)
    progress.record(kata.id, result.green, result.devices)
    out.print(view.result_view(result, kata, verbose=args.verbose))
    return 0 if result.green else 1


def cmd_hint(args: argparse.Namespace) -> int:
    from katas._runner import view

    kata = find(args.name)
    out = _console(args)
    if args.all:
        for index in range(len(kata.hints)):
            out.print(view.hint_view(kata, index))
        return 0
    out.print(view.next_hint(_progress(args), kata))
    return 0


def _check(args: argparse.Namespace, katas: list[Kata]):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

    from katas._runner.warm import check_many

    for kata in katas:
        if problem := _files_missing(kata):
            raise UnknownKata(problem)
    out = _console(args)
    progress = _progress(args)
    with Bar(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=out,
             disable=not out.is_terminal, transient=True) as bar:
        task = bar.add_task("check", total=len(katas))
        outcomes = check_many(katas, solutions=args.solutions, device=args.device, timeout=args.timeout,
                              jobs=args.jobs, on_result=lambda _: bar.advance(task))
    for result in outcomes:
        progress.record(result.kata, result.green, result.devices)
    return out, progress, outcomes


def cmd_check(args: argparse.Namespace) -> int:
    from katas._runner import view

    katas = _select(args.names)
    out, progress, outcomes = _check(args, katas)
    for result in outcomes:
        if notice := view.changed_tests_notice(curriculum.by_id()[result.kata]):
            out.print(notice)
        out.print(view.summary(result))
        if args.verbose and not result.green:
            out.print(view.result_view(result, curriculum.by_id()[result.kata]))
    green = sum(r.green for r in outcomes)
    ran = [r for r in outcomes if r.status != "unavailable"]
    elsewhere = f" ({len(outcomes) - len(ran)} not run here: `katas env` says why)" if len(ran) < len(outcomes) else ""
    out.print(f"\n{green} of {len(ran)} checked katas are green{elsewhere}.")
    out.print(view.progress_bar(progress))
    return 0 if green == len(ran) else 1


def cmd_report(args: argparse.Namespace) -> int:
    from katas._runner import report

    if args.json is None and args.junit is None:
        args.json = "results.json"
    out, _, outcomes = _check(args, _select(args.names))
    report.write(outcomes, json_path=Path(args.json) if args.json else None,
                 junit_path=Path(args.junit) if args.junit else None)
    for path in (args.json, args.junit):
        if path:
            out.print(f"wrote {path}")
    green = sum(r.green for r in outcomes)
    out.print(f"{green} of {len(outcomes)} katas are green.")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    from katas._runner import pristine

    kata = find(args.name)
    out = _console(args)
    if args.tests:
        if not pristine.tests_changed(kata):
            out.print(f"{kata.tests.relative_to(ROOT)} is as shipped already; nothing to do.")
            return 0
        pristine.restore_tests(kata)
        out.print(f"{kata.tests.relative_to(ROOT)} is the shipped test file again.")
        return 0
    if kata.stub.exists() and pristine.is_untouched(kata):
        out.print(f"{kata.stub.relative_to(ROOT)} is untouched already; nothing to do.")
        return 0
    if not args.yes and sys.stdin.isatty():
        answer = input(f"Reset {kata.stub.relative_to(ROOT)} to the untouched stub? Your file is backed up first. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            out.print("nothing changed.")
            return 1
    saved = pristine.reset(kata)
    progress = _progress(args)
    progress.record(kata.id, False)
    out.print(f"{kata.stub.relative_to(ROOT)} is the untouched stub again.")
    if saved:
        out.print(f"your version was backed up to {saved.relative_to(ROOT)}")
    return 0


def cmd_solution(args: argparse.Namespace) -> int:
    from katas._runner import view

    kata = find(args.name)
    progress = _progress(args)
    if not args.force and not progress.is_done(kata.id):
        raise UnknownKata(f"kata {kata.id} is not green yet: solve it first (`katas run {kata.id}`), "
                          "or look anyway with --force")
    out = _console(args)
    if not out.is_terminal:  # a file or a pipe: every line whole, nothing cropped or wrapped
        sys.stdout.write(view.solution_diff_text(kata) or "Your file is the reference solution, line for line.\n")
        return 0
    with out.pager(styles=True):
        out.print(view.solution_diff(kata))
    return 0


def cmd_env(args: argparse.Namespace) -> int:
    from katas._support import frameworks

    found = frameworks.actual()
    print(f"tensor katas environment: {frameworks.describe(found)}")
    unavailable = [(kata, why) for kata in curriculum.load() if (why := frameworks.unavailable(kata))]
    for kata, why in unavailable:
        print(f"  skipped here: {why}")
    for kata in curriculum.load():
        if absent := frameworks.missing_half(kata):
            print(f"  half here: {kata.id} runs its {frameworks.half_label(kata)}; "
                  f"{frameworks.half_reason(None, absent)}")
    if not args.expect:
        return 0
    wrong = frameworks.mismatches(frameworks.expected_from(args.expect), found)
    for line in wrong:
        print(f"  MISMATCH {line}", file=sys.stderr)
    if wrong:
        print(f"katas: this environment is not what {args.expect} says; recreate it (tox run -r -e {args.expect})",
              file=sys.stderr)
        return 1
    print(f"matches {args.expect}")
    return 0


# --- arguments ------------------------------------------------------------------------------------


def _common(defaults: bool) -> argparse.ArgumentParser:
    """Options every command takes. Given after a command, they must not reset what was given
    before it, so there their default is "not given" (argparse.SUPPRESS)."""

    def default(value):
        return value if defaults else argparse.SUPPRESS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--solutions", action="store_true",
                        default=default(os.environ.get("KATAS_SOLUTIONS", "").lower() in ("1", "true", "yes", "on")),
                        help="check solutions/ instead of your stubs; progress is not saved (env: KATAS_SOLUTIONS=1)")
    common.add_argument("--device", default=default(os.environ.get("KATAS_DEVICE", "")),
                        help="devices to test, as in pytest: cpu,cuda,mps (default: all, absent ones skipped)")
    chosen = float(os.environ["KATAS_TIMEOUT"]) if os.environ.get("KATAS_TIMEOUT") else None
    common.add_argument("--timeout", type=float, default=default(chosen),
                        help="seconds one test may run before it is stopped as a likely endless loop "
                        "(env: KATAS_TIMEOUT; default: the kata's time budget, 3x what its solution needs)")
    common.add_argument("--plain", action="store_true", default=default(False),
                        help="plain text: no colours, no screen clearing")
    return common


def _watch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--poll", action="store_true", help="watch files by polling (for WSL on a Windows drive, NFS)")
    parser.add_argument("--manual", action="store_true", help="do not watch files: press r to re-check")


def _many(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="katas or topics (default: every kata)")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="checks at once (default: CPU cores)")


def parser() -> argparse.ArgumentParser:
    common = _common(defaults=False)
    main = argparse.ArgumentParser(prog="katas", description=__doc__, parents=[_common(defaults=True)],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    _watch_options(main)
    main.add_argument("--start", dest="name", default=None, help="start at this kata")
    main.set_defaults(func=cmd_watch)
    commands = main.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, func, help: str) -> argparse.ArgumentParser:  # noqa: A002
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(func=func)
        return sub

    watch = command("watch", cmd_watch, "practise: the current kata, re-checked on every save (the default)")
    watch.add_argument("name", nargs="?", help="start at this kata")
    _watch_options(watch)
    command("list", cmd_list, "every kata: topic, title, done / pending / current")
    run = command("run", cmd_run, "check one kata once; exit code 0 only when it is green")
    run.add_argument("name")
    run.add_argument("-v", "--verbose", action="store_true", help="list passing tests too, and each skipped test")
    hint = command("hint", cmd_hint, "the next hint of a kata (each call shows the next one)")
    hint.add_argument("name")
    hint.add_argument("--all", action="store_true", help="every hint at once")
    check = command("check", cmd_check, "check every kata (or the named katas or topics) in parallel")
    _many(check)
    check.add_argument("-v", "--verbose", action="store_true", help="show why each red kata is red")
    reset = command("reset", cmd_reset, "restore a kata's untouched stub; your file is backed up first")
    reset.add_argument("name")
    reset.add_argument("-y", "--yes", action="store_true", help="do not ask")
    reset.add_argument("--tests", action="store_true", help="restore the kata's test file as shipped (not your stub)")
    solution = command("solution", cmd_solution, "the reference solution as a diff against your file")
    solution.add_argument("name")
    solution.add_argument("--force", action="store_true", help="show it even before the kata is green")
    rep = command("report", cmd_report, "check every kata and write results for a teacher")
    _many(rep)
    rep.add_argument("--json", nargs="?", const="results.json", default=None, metavar="PATH",
                     help="exercism results.json v3 (default path: results.json)")
    rep.add_argument("--junit", nargs="?", const="results.xml", default=None, metavar="PATH",
                     help="JUnit XML (default path: results.xml)")
    env = command("env", cmd_env, "Python, torch, TensorFlow, Keras versions and the Keras backend; katas skipped here")
    env.add_argument("--expect", metavar="TOX_ENV", help="fail unless they match this tox env name (each tox env runs this)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    os.environ["KATAS_TIMEOUT_OPTION"] = "--timeout"  # what a TIMEOUT verdict tells the learner to raise
    try:
        curriculum.load()
    except Exception as error:  # noqa: BLE001  (a broken manifest: say where, not a traceback)
        print(f"katas: cannot read katas/curriculum.toml: {error}", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except UnknownKata as error:
        print(f"katas: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
