"""The manifest agrees with the files, both ways, and every kata is complete."""

import ast
import re
import importlib.util
from pathlib import Path

import pytest

from katas._runner import pristine
from katas._support import curriculum, frameworks
from katas._support.loader import alternatives_of, mistakes_of

KATAS = curriculum.load()
MIN_MISTAKES, MIN_ALTERNATIVES = 8, 2  # per kata: wrong answers to reject, correct styles to accept
ROOT = curriculum.ROOT
CORE = {"torch", "tensorflow", "keras"}


def public_names(path: Path | bytes) -> set[str]:
    tree = ast.parse(path if isinstance(path, bytes) else path.read_text())
    return {node.name for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")}


def kata_files_on_disk() -> set[str]:
    return {f"{p.parent.name}/{p.stem}" for p in (ROOT / "katas").glob("*/*.py")
            if not p.name.startswith(("test_", "_")) and not p.parent.name.startswith("_")}


def test_every_kata_on_disk_is_in_the_manifest():
    assert kata_files_on_disk() - {k.id for k in KATAS} == set()


def test_kata_ids_are_unique():
    ids = [k.id for k in KATAS]
    assert len(ids) == len(set(ids))


def test_topics_stay_together_in_learning_order():
    topics = [k.topic for k in KATAS]
    assert topics == sorted(topics, key=topics.index), "a topic's katas must be consecutive"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_listed_kata_is_complete(entry):
    for path in (entry.stub, entry.tests, entry.solution, entry.mistakes, entry.alternatives):
        assert path.is_file(), f"{entry.id}: missing {path.relative_to(ROOT)}"
    assert entry.title.strip() and entry.objective.strip(), f"{entry.id}: title and objective must be set"
    assert entry.hints and all(h.strip() for h in entry.hints), f"{entry.id}: needs at least one non-empty hint"
    assert entry.frameworks and set(entry.frameworks) <= curriculum.FRAMEWORKS, f"{entry.id}: frameworks"
    # How long one test may run before it is stopped as an endless loop (bench/budgets.py measures it).
    assert entry.budget and 5 <= entry.budget <= 180, f"{entry.id}: budget = N seconds, 5 to 180 (bench/budgets.py)"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_stub_and_solution_have_the_same_public_names(entry):
    assert public_names(pristine.original(entry)) == public_names(entry.solution)


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_the_tensorflow_half_of_a_kata_gets_a_tensorflow_hint(entry):
    """A TODO of tf_derivative() shows a TensorFlow hint, not the torch one."""
    for name in sorted(n for n in public_names(pristine.original(entry)) if n.startswith("tf_")):
        hint = entry.hint_for(name)
        assert "TensorFlow" in hint or "tf." in hint, f"{entry.id}: add a TensorFlow hint for {name}()"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_each_function_of_a_kata_gets_a_hint_of_its_own(entry):
    """A TODO line shows the hint that names its function: with two functions or more, each one
    (but the TensorFlow twins, above) is named by a hint, so none shows another function's hint."""
    names = sorted(n for n in public_names(pristine.original(entry)) if not n.startswith("tf_"))
    if len(names) > 1:
        unnamed = [n for n in names if not re.search(rf"\b{re.escape(n)}\b", " ".join(entry.hints))]
        assert not unnamed, f"{entry.id}: no hint names {', '.join(unnamed)} (its TODO would show another's hint)"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_stub_is_docstrings_and_not_implemented_errors(entry):
    """A stub as shipped is a signature, a docstring with the spec, and one raising line per function."""
    source = pristine.original(entry)
    assert pristine.not_a_stub(source) is None, f"{entry.id}: {pristine.not_a_stub(source)}"
    module = ast.parse(source)
    for top in module.body:
        if isinstance(top, (ast.FunctionDef, ast.ClassDef)):
            assert ast.get_docstring(top), f"{entry.id}: {top.name} needs a docstring (the spec)"
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef):
            raised = ast.unparse(node.body[-1])
            assert "NotImplementedError" in raised and entry.id in raised, f"{node.name}: name the entry"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_kata_has_named_mistakes_of_its_public_names(entry):
    if why := frameworks.unavailable(entry):
        pytest.skip(why)  # its mistakes import what is not installed here (a tox env without TensorFlow)
    mistakes = mistakes_of(entry)
    assert len(mistakes) >= MIN_MISTAKES, (
        f"{entry.id}: keep at least {MIN_MISTAKES} named mistakes in {entry.mistakes.relative_to(ROOT)}, "
        "written blind from the stub (README: Adding a kata)")
    assert len(alternatives_of(entry)) >= MIN_ALTERNATIVES, (
        f"{entry.id}: keep at least {MIN_ALTERNATIVES} correct alternatives in {entry.alternatives.relative_to(ROOT)}")
    names = public_names(entry.solution)
    for m in mistakes:
        assert m.replaces in names, f"{entry.id}: mistake {m.id} replaces unknown {m.replaces!r}"
        assert m.description.strip() and not m.correct
    for a in alternatives_of(entry):
        assert a.replaces in names, f"{entry.id}: alternative {a.id} replaces unknown {a.replaces!r}"
        assert a.description.strip() and a.correct, f"{entry.id}: {a.id} must be an @alternative"
    assert not {m.id for m in mistakes} & {a.id for a in alternatives_of(entry)}, "ids name one answer each"


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_frameworks_in_manifest_match_the_stub_imports(entry):
    tree = ast.parse(pristine.original(entry))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    # The frameworks the stub imports are listed; a runtime it needs without importing it (onnxscript,
    # which torch.onnx's exporter uses) may be listed too.
    assert imported & curriculum.FRAMEWORKS <= set(entry.frameworks)
    assert imported & CORE == set(entry.frameworks) & CORE


def test_loader_finds_the_test_file_of_every_kata():
    for kata in KATAS:
        assert curriculum.for_test_file(kata.tests) == kata
        assert curriculum.for_source_file(kata.stub) == kata
        assert importlib.util.find_spec(kata.module("solutions")) is not None


def test_the_pristine_archive_holds_every_stub_and_test_as_shipped():
    """`katas reset` restores stubs (and `--tests` the test files) from katas/_runner/pristine_stubs.zip,
    and --verify checks the stubs from there. A stub a learner has worked on is theirs: only
    untouched stubs are compared (on a learner's tree this test still passes)."""
    stale = [kata.id for kata in KATAS if pristine.not_a_stub(kata.stub.read_bytes()) is None
             and pristine.original(kata) != kata.stub.read_bytes()]
    stale += [f"{kata.id} (tests)" for kata in KATAS if pristine.original_tests(kata) != kata.tests.read_bytes()]
    assert not stale, f"changed since the archive was built: {stale}; run python -m katas._runner.pristine"



def _explicit_examples(test) -> list:
    """The @example pins of a @given test, wherever Hypothesis keeps them."""
    inner = getattr(getattr(test, "hypothesis", None), "inner_test", None)
    return list(getattr(test, "hypothesis_explicit_examples", None) or getattr(inner, "hypothesis_explicit_examples", []))


@pytest.mark.parametrize("entry", KATAS, ids=lambda k: k.id)
def test_every_property_test_pins_an_example(entry):
    """A named mistake must be rejected on every run, not when Hypothesis happens to draw the
    right input: each @given test of a kata holds at least one @example.
    (`HYPOTHESIS_PROFILE=pinned pytest --verify katas` runs the pins alone: every mistake must
    still be rejected.)"""
    if lacking := frameworks.lacking(entry):
        pytest.skip(f"{entry.id} needs {lacking}")
    module = importlib.import_module(".".join(entry.tests.relative_to(ROOT).with_suffix("").parts))
    unpinned = [name for name, test in vars(module).items() if name.startswith("test_")
                and getattr(test, "is_hypothesis_test", False) and not _explicit_examples(test)]
    assert not unpinned, f"{entry.tests.name}: @given without @example: {unpinned}"
