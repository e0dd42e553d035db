"""The runner's result view: a kata's TODO lines show each distinct hint once."""

from __future__ import annotations

from rich.console import Console

from katas._runner import results
from katas._runner.view import result_view
from katas._support import curriculum


def rendered(result: results.KataResult, kata: curriculum.Kata) -> str:
    console = Console(width=400, record=True, color_system=None)
    console.print(result_view(result, kata))
    return console.export_text()


def test_each_distinct_hint_is_shown_once() -> None:
    kata = curriculum.by_id()["autograd/derivative"]
    stub = "katas/autograd/derivative.py"
    todos = [
        results.TestResult(f"{kata.tests.name}::test_a[{function}]", "todo",
                   f"TODO implement {function}() in {stub}:{line}.  Hint: {kata.hint_for(function)}")
        for function, line in (("derivative", 22), ("tf_derivative", 31)) for _ in range(2)
    ]
    text = rendered(results.KataResult(kata.id, "todo", todos), kata)
    torch_hint, tf_hint = kata.hint_for("derivative"), kata.hint_for("tf_derivative")
    assert torch_hint != tf_hint
    assert text.count(torch_hint) == 1 and text.count(tf_hint) == 1, text
    assert text.count(f"implement tf_derivative() in {stub}:31") == 2, text


def test_skips_are_one_line_per_reason_and_long_names_wrap_under_themselves() -> None:
    kata = curriculum.by_id()["tensors/devices"]
    name = "test_to_device_moves_every_parameter_and_buffer_of_a_module"
    tests = [results.TestResult(f"{kata.tests.name}::{name}[cuda-{i}]", "skipped", "CUDA not available") for i in range(3)]
    tests += [results.TestResult(f"{kata.tests.name}::{name}[mps-0]", "skipped", "MPS not built into this torch"),
              results.TestResult(f"{kata.tests.name}::{name}[cpu-0]", "failed", "expected cpu, got meta")]
    text = rendered(results.KataResult(kata.id, "fail", tests), kata)
    assert "  skip 3 tests: CUDA not available" in text, text  # not three lines on every check
    assert f"  skip {name}[mps-0]: MPS not built into this torch" in text, text  # one is named
    narrow = Console(width=40, record=True, color_system=None)
    narrow.print(result_view(results.KataResult(kata.id, "fail", tests[-1:]), kata))
    lines = narrow.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  FAIL "))
    entry = lines[start:start + 3]
    assert entry[0].startswith("  FAIL test_to_device"), lines
    assert all(line.startswith("       ") for line in entry[1:]), lines  # under the name, never at column 0
    assert "".join(line.strip() for line in lines).count(f"{name}[cpu-0]") == 1, lines


def test_output_into_a_pipe_is_never_wrapped_whatever_columns_says(sandbox) -> None:
    run = sandbox.python("-m", "katas", "run", "tensors/devices", env={"COLUMNS": "60"})  # no --plain
    first = run.output.splitlines()[0]
    assert first.startswith("TO DO tensors/devices: ") and first.rstrip().endswith(" s)"), run.output  # one line
    assert not any(line != line.rstrip() for line in run.output.splitlines()), run.output  # no padding


def test_a_long_message_line_is_whole_in_a_pipe() -> None:
    from katas._runner import view

    kata = curriculum.by_id()["deploy/onnx_export"]
    long = "onnx_predict(path, x), path: " + " ".join(f"word{i}" for i in range(80)) + " END"  # about 500 columns
    out = view.console()  # pytest captures stdout: the console of a pipe
    assert not out.is_terminal
    with out.capture() as captured:
        out.print(result_view(results.KataResult(kata.id, "fail", [
            results.TestResult(f"{kata.tests.name}::test_x", "failed", f"{long}\n    expected: 1")]), kata))
    assert f"       {long}\n" in captured.get(), captured.get()  # indented, neither wrapped nor cropped


def test_a_clipped_verdict_never_ends_on_half_a_wrapped_line() -> None:
    """On a small terminal the verdict is cut between its lines as the learner reads them: a
    wrapped "(the same message as ...)" is shown whole or not at all."""
    from katas._runner import view

    kata = curriculum.by_id()["autograd/derivative"]
    tests = [results.TestResult(f"{kata.tests.name}::test_gradient_matches_6w_plus_2[cpu-{i}]", "failed",
                                "expected 8.0, got 6.0\n    w = 1.0") for i in range(6)]
    verdict = result_view(results.KataResult(kata.id, "fail", tests), kata)
    out = Console(width=60, record=True, color_system=None)
    total = len(out.render_lines(verdict, out.options, pad=False))
    for rows in range(3, total):
        out.print(view.fit(out, verdict, rows, "katas run autograd/derivative"))
        lines = out.export_text().splitlines()
        *shown, more = lines
        assert len(lines) <= rows and more.startswith("... "), lines
        assert int(more.split()[1]) == total - len(shown), lines  # what is left out is counted
        text = "".join(line.strip() for line in shown)
        assert text.count("(the same message as") == text.count("plus_2[cpu-0])"), lines
