"""What the runner shows: rich renderables that read the same as plain text when not on a TTY."""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

from rich.columns import Columns
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.progress_bar import ProgressBar
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from katas._runner.results import KataResult
from katas._runner.state import Progress
from katas._support import curriculum, frameworks
from katas._support.curriculum import ROOT, Kata

MARKS = {"passed": "[green]ok  [/]", "failed": "[red]FAIL[/]", "todo": "[yellow]TODO[/]",
         "error": "[red]ERR [/]", "skipped": "[dim]skip[/]"}
VERDICTS = {"pass": "[bold green]GREEN[/]", "fail": "[bold red]RED[/]", "todo": "[bold yellow]TO DO[/]",
            "broken": "[bold red]BROKEN[/]", "timeout": "[bold red]TIMEOUT[/]", "crash": "[bold red]CRASHED[/]",
            "unavailable": "[bold magenta]NOT HERE[/]"}
MESSAGE_LINES = 8
PIPE_WIDTH = 100_000  # "columns" of a file or a pipe


def console(plain: bool = False) -> Console:
    """A console for the runner; ``plain`` (or no TTY) means no colours, no cursor moves."""
    import sys

    if not sys.stdout.isatty():
        # Into a file or a pipe, with or without --plain: every line whole, whatever COLUMNS says
        # (nothing wrapped mid-path or cropped: an indented block is cropped at the width, so the
        # width is beyond any line), and tables get room for every column.
        return Console(force_terminal=False, no_color=True, highlight=False, soft_wrap=True, width=PIPE_WIDTH)
    if plain:  # a terminal, without colours or cursor moves: wrapped at its width, blocks kept indented
        return Console(force_terminal=False, no_color=True, highlight=False)
    return Console(highlight=False)


def relative(path) -> str:
    return path.relative_to(ROOT).as_posix()


def title_line(title: str, aside: str) -> Columns:
    """``title  aside`` (markup) on one line when it fits; else the aside (the frameworks) whole on
    the next line, never broken after one of its commas."""
    return Columns([Text.from_markup(title), Text.from_markup(aside)], padding=(0, 2))


def progress_bar(progress: Progress) -> Group:
    everything = curriculum.load()
    katas = [k for k in everything if not frameworks.lacking(k)]
    done = sum(progress.is_done(k.id) for k in katas)
    per_topic: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for kata in katas:
        totals[kata.topic] += 1
        per_topic[kata.topic] += progress.is_done(kata.id)
    bar = Table.grid(padding=(0, 1))
    bar.add_row(Text("progress"), ProgressBar(total=len(katas), completed=done, width=30),
                Text(f"{done}/{len(katas)} done"))
    # one cell per topic, so that a narrow terminal breaks the row between topics, never within one
    topics = Columns([Text(f"{topic} {per_topic[topic]}/{totals[topic]}", style="dim") for topic in totals],
                     padding=(0, 2))
    if len(katas) < len(everything):
        lacking = f"({len(everything) - len(katas)} katas need what is not installed here: `katas env` says which)"
        return Group(bar, topics, Text(lacking, style="dim"))
    return Group(bar, topics)


def summary(result: KataResult) -> str:
    counts = Counter(t.outcome for t in result.tests)
    ran = len(result.tests) - counts["skipped"]
    if result.status == "unavailable":
        return f"{VERDICTS[result.status]} {result.kata}: not run in this environment"
    if result.status in ("crash", "timeout") and not ran:
        return f"{VERDICTS[result.status]} {result.kata}: no verdict ({result.seconds:.2f} s)"
    devices = sorted({t.device for t in result.tests if t.device and t.outcome != "skipped"})
    where = f" on {', '.join(devices)}" if devices else ""  # where they ran, not where the skipped ones would
    parts = [f"{counts['passed']} of {ran} tests pass{where}"]
    parts += [f"{counts[o]} {word}" for o, word in (("todo", "to do"), ("failed", "failing"),
                                                     ("error", "errors"), ("skipped", "skipped")) if counts[o]]
    kata = curriculum.by_id().get(result.kata)
    half = f" ({label})" if kata and (label := frameworks.half_label(kata)) else ""
    return f"{VERDICTS.get(result.status, result.status)} {result.kata}{half}: {', '.join(parts)} ({result.seconds:.2f} s)"


def verdict_line(result: KataResult) -> str:
    """One line a script can wait for: ``verdict <kata> <status> <passed>/<run> <seconds>s
    <in tests>s``: the check's whole time, and the part its tests spent running (set-up, call and
    tear-down, as pytest's --durations counts them)."""
    run = sum(t.outcome != "skipped" for t in result.tests)
    in_tests = sum(t.duration for t in result.tests)
    return f"verdict {result.kata} {result.status} {result.count('passed')}/{run} {result.seconds:.3f}s {in_tests:.3f}s"


def _clip(message: str, rerun: str, lines: int = MESSAGE_LINES) -> str:
    """The first ``lines`` lines of ``message``, and the pytest command that shows the rest."""
    kept = message.strip("\n").splitlines()
    if len(kept) > lines + 1:  # one line more is shown rather than announced
        kept = [*kept[:lines], f"... ({len(kept) - lines} more lines: run `pytest {rerun}` for all of them)"]
    return "\n".join(kept)


def changed_tests_notice(kata: Kata) -> str | None:
    """A warning when the kata's test file is not the shipped one (the verdict may be wrong)."""
    from katas._runner import pristine

    if not pristine.tests_changed(kata):
        return None
    return (f"[bold yellow]you changed {relative(kata.tests)}[/]: the verdict may be wrong; "
            f"`katas reset --tests {kata.id}` restores it")


def fit(out: Console, renderable: Any, rows: int, command: str) -> Any:
    """``renderable`` cut to ``rows`` terminal rows (as wrapped at the console's width), with a
    last line naming the command that shows all of it; unchanged when it fits. A group is cut
    between its parts: a short part the terminal wraps (a test's name, "the same message as ...")
    is shown whole or not at all, never its first half; only a long block is cut inside."""
    from rich.segment import Segment, Segments

    parts = list(renderable.renderables) if isinstance(renderable, Group) else [renderable]
    rendered = [out.render_lines(part, out.options, pad=False) for part in parts]
    total = sum(map(len, rendered))
    rows = max(rows, 3)
    if total <= rows:
        return renderable
    room, lines = rows - 1, []
    for part in rendered:
        if len(part) > room:
            if len(part) > SHORT_PART:
                lines += part[:room]
            break
        lines += part
        room -= len(part)
    kept = [segment for line in lines for segment in (*line, Segment.line())]
    hidden = total - len(lines)
    more = Text(f"... {hidden} more line{'s' if hidden > 1 else ''}: ", style="dim")
    more.append(command, style="bold")  # on a line of its own, never wrapped by us: it can be pasted
    more.no_wrap, more.overflow = True, "ignore"
    return Group(Segments(kept), more)


SHORT_PART = 3  # rows: a part of a verdict this short is never cut in two by `fit`


def _entry(outcome: str, markup: str) -> Table:
    """``  MARK text``, the text wrapped (by a narrow terminal) under itself, not at column 0."""
    row = Table.grid(padding=(0, 1))
    row.add_column(no_wrap=True)
    row.add_column(overflow="fold")  # a long name breaks anywhere rather than end in an ellipsis
    row.add_row(Text.from_markup(f"  {MARKS[outcome]}"), Text.from_markup(markup))
    return row


def result_view(result: KataResult, kata: Kata, *, verbose: bool = False) -> Group:
    lines: list[Any] = [summary(result)]  # markup strings, or renderables
    if notice := changed_tests_notice(kata):
        lines.insert(0, notice)
    if result.message:
        colour = "magenta" if result.status == "unavailable" else "red"
        lines.append(f"  [{colour}]{escape(result.message)}[/]")
    if result.status in ("broken", "crash") and result.output.strip() and not result.message:
        lines.append(escape(_clip(result.output, relative(kata.tests), 12)))
    if result.status == "broken" and result.message:  # every test failed the same way: that one line is all
        return Group(*(Text.from_markup(line) for line in lines))
    if result.green:  # a training kata's loss curve (a failed learning test has it under its message)
        from katas._support import curves

        lines += [escape(chart) for test in result.tests for curve in test.curves or ()
                  if (chart := curves.render(curve, height=5))]
    shown_hints: set[str] = set()
    shown: dict[str, str] = {}  # message -> the first test that showed it
    skipped: dict[str, list[str]] = {}  # reason -> the tests skipped for it
    for test in result.tests:
        if test.outcome == "passed" and not verbose:
            continue
        if test.outcome == "skipped":
            skipped.setdefault(test.message, []).append(test.name)
            continue
        if test.outcome == "passed":
            lines.append(_entry("passed", escape(test.name)))
            continue
        message = test.message.removeprefix("TODO ")
        if test.outcome == "todo" and not verbose:
            todo, _, hint = message.partition(".  Hint: ")
            if hint in shown_hints:
                message = todo  # each hint once is enough
            shown_hints.add(hint)
        lines.append(_entry(test.outcome, escape(test.name)))
        if message in shown:
            lines.append(Padding(Text.from_markup(f"[dim](the same message as {escape(shown[message])})[/]"),
                                 (0, 0, 0, 7), expand=False))
            continue
        shown[message] = test.name
        clipped = _clip(message, f"{relative(kata.tests)}::{test.name}")
        # indented as a block: a line the terminal wraps goes on under its first part, not at column 0
        lines.extend(Padding(Text(line), (0, 0, 0, 7), expand=False) for line in clipped.splitlines())
    for reason, names in skipped.items():  # one line per reason (a machine without CUDA skips a dozen)
        if verbose or len(names) == 1:
            lines.extend(_entry("skipped", f"{escape(name)}: {escape(reason)}") for name in names)
        else:
            lines.append(_entry("skipped", f"{len(names)} tests: {escape(reason)}"))
    return Group(*(Text.from_markup(line) if isinstance(line, str) else line for line in lines))


def kata_table(progress: Progress, current: str | None = None, numbered: bool = False) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    if numbered:
        table.add_column("#", justify="right")
    for name in ("topic", "kata", "title", "frameworks", "status"):
        table.add_column(name)
    for index, kata in enumerate(curriculum.load(), start=1):
        missing = [relative(p) for p in (kata.stub, kata.tests, kata.solution) if not p.exists()]
        if missing:
            status = f"[red]missing {', '.join(missing)}[/]"
        elif lacks := frameworks.lacking(kata):
            status = f"[magenta]not here: needs {lacks}[/]"
        elif progress.is_done(kata.id):
            status = "[green]done[/]"
        else:
            status = "pending"
        if (label := frameworks.half_label(kata)) and not missing:
            status += f" [magenta]({label})[/]"
        if kata.id == current:
            status += " [bold cyan]< current[/]"
        row = [kata.topic, kata.name, escape(kata.title), ", ".join(kata.frameworks), status]
        table.add_row(*([str(index)] if numbered else []), *row)
    return table


def reference_with_your_docstrings(kata: Kata) -> str:
    """The reference solution with the stub's docstrings (module, functions, classes) put in,
    so a diff against the learner's file shows code, not the docstrings the reference leaves out."""
    import ast

    stub_source, reference = kata.stub.read_text(), kata.solution.read_text()
    try:
        stub_tree, tree = ast.parse(stub_source), ast.parse(reference)
    except SyntaxError:
        return reference

    def documented(body: list[ast.stmt], prefix: str = "") -> dict[str, ast.stmt]:
        found: dict[str, ast.stmt] = {}
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if ast.get_docstring(node):
                    found[prefix + node.name] = node.body[0]
                if isinstance(node, ast.ClassDef):
                    found.update(documented(node.body, f"{prefix}{node.name}."))
        return found

    docstrings = documented(stub_tree.body)
    stub_lines, lines = stub_source.splitlines(keepends=True), reference.splitlines(keepends=True)
    inserts: list[tuple[int, int, list[str]]] = []  # (replace from, to, with lines) in the reference

    def walk(body: list[ast.stmt], prefix: str = "") -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                doc = docstrings.get(prefix + node.name)
                if doc is not None:
                    text = stub_lines[doc.lineno - 1: doc.end_lineno]
                    own = node.body[0] if ast.get_docstring(node) else None
                    at = (own.lineno - 1, own.end_lineno) if own else (node.body[0].lineno - 1,) * 2
                    inserts.append((*at, text))
                if isinstance(node, ast.ClassDef):
                    walk(node.body, f"{prefix}{node.name}.")

    walk(tree.body)
    module_doc = stub_tree.body[0] if ast.get_docstring(stub_tree) else None
    if module_doc is not None:
        own = tree.body[0] if ast.get_docstring(tree) else None
        at = (own.lineno - 1, own.end_lineno) if own else (0, 0)
        inserts.append((*at, stub_lines[module_doc.lineno - 1: module_doc.end_lineno]))
    for start, end, text in sorted(inserts, reverse=True):
        lines[start:end] = text
    return "".join(lines)


def solution_diff_text(kata: Kata) -> str:
    """The reference (with your docstrings) as a unified diff against your file; "" if equal."""
    mine = kata.stub.read_text().splitlines(keepends=True)
    theirs = reference_with_your_docstrings(kata).splitlines(keepends=True)
    return "".join(difflib.unified_diff(mine, theirs, fromfile=f"yours: {relative(kata.stub)}",
                                        tofile=f"reference: {relative(kata.solution)} (with your docstrings)"))


def solution_diff(kata: Kata) -> Syntax | Text:
    diff = solution_diff_text(kata)
    if not diff:
        return Text("Your file is the reference solution, line for line.")
    return Syntax(diff, "diff", theme="ansi_dark", background_color="default")


def next_hint(progress: Progress, kata: Kata, on_screen: str = "") -> str:
    """The kata's next hint (each call the next one, in the runner and in `katas hint` alike),
    passing over hints already on the screen (a TODO line shows one) while others are left."""
    shown: list[int] = []

    def count(fresh: Progress) -> None:
        index = fresh.hints.get(kata.id, 0)
        for _ in range(len(kata.hints) - 1):
            if kata.hints[index % len(kata.hints)] not in on_screen:
                break
            index += 1
        shown.append(index)
        fresh.hints[kata.id] = index + 1

    progress.update(count)
    return hint_view(kata, shown[0])


def hint_view(kata: Kata, index: int) -> str:
    number = index % len(kata.hints)
    return f"[bold]hint {number + 1}/{len(kata.hints)}[/] ({kata.id}): {escape(kata.hints[number])}"
