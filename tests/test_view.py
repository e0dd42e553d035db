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
