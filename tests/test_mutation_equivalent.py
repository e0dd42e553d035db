"""bench/mutation_equivalent.toml (the surviving mutants of solutions/ justified as equivalent)
still describes the solutions as they are: every entry names a kata, a function of its solution
and a line of that function, with a one-line reason. A solution edited since its entry was written
fails here at once, without running mutmut (bench/mutation.py reports the rest: entries that match
no survivor)."""

import ast
import functools
import importlib.util
import sys
from pathlib import Path

import pytest

from katas._support import curriculum
from katas._support.curriculum import tomllib

ROOT = curriculum.ROOT
EQUIVALENT = ROOT / "bench" / "mutation_equivalent.toml"
ENTRIES = [(kata, key, reason) for kata, table in tomllib.loads(EQUIVALENT.read_text()).items()
           for key, reason in table.items()]


@functools.cache
def bench_mutation():
    spec = importlib.util.spec_from_file_location("bench_mutation", ROOT / "bench" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def function_lines(solution: Path, qualified: str) -> list[str] | None:
    """The stripped source lines of ``name`` or ``Class.name`` in ``solution``, or None."""
    source = solution.read_text()
    tree = ast.parse(source)
    *classes, name = qualified.split(".")
    scope = tree.body
    for cls in classes:
        found = [node for node in scope if isinstance(node, ast.ClassDef) and node.name == cls]
        if not found:
            return None
        scope = found[0].body
    for node in scope:
        if isinstance(node, ast.FunctionDef) and node.name == name:  # whole lines: a comment after the last one too
            return [line.strip() for line in source.splitlines()[node.lineno - 1:node.end_lineno]]
    return None


def test_the_file_has_entries():
    assert ENTRIES


@pytest.mark.parametrize(("kata_id", "key", "reason"), ENTRIES, ids=[f"{k}|{key[:40]}" for k, key, _ in ENTRIES])
def test_entry_names_a_line_of_its_solution(kata_id, key, reason):
    kata = curriculum.by_id().get(kata_id)
    assert kata is not None, f"[{kata_id}] is not a kata of the manifest"
    function, sep, change = key.partition(": ")
    assert sep, f"{key!r}: expected '<function>: <original line> -> <mutated line>'"
    lines = function_lines(kata.solution, function)
    assert lines is not None, f"{key!r}: no function {function} in {kata.solution.relative_to(ROOT)}"
    # the original line(s) come first; the mutated ones may themselves contain ' -> '
    splits = [(change[:i], change[i + 4:]) for i in range(len(change)) if change.startswith(" -> ", i)]
    assert any(all(part in lines for part in old.split(" / ")) and old != new for old, new in splits), (
        f"{key!r}: its original line is not (or no longer) in {function}() of {kata.solution.relative_to(ROOT)}")
    assert reason.strip() and "\n" not in reason and reason.strip() != "REASON", f"{key!r}: give a one-line reason"


@pytest.mark.parametrize(("mutant", "function"), [
    ("solutions.tensors.creating.x_filled__mutmut_5", "filled"),
    ("solutions.tensors.creating.x_tf_filled__mutmut_12", "tf_filled"),
    ("solutions.autograd.custom_function.xǁCubeǁbackward__mutmut_2", "Cube.backward"),
])
def test_mutant_names_map_to_the_functions_the_file_names(mutant, function):
    assert bench_mutation().function_of(mutant) == function
