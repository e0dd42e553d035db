"""When the learner's code raises, the verdict shows their exception and their line first."""

import linecache
import re

import pytest

from tests.conftest import needs

KATA, TESTS = "katas/autograd/accumulation.py", "katas/autograd/test_accumulation.py"
STUB_BODY = '    raise NotImplementedError("accumulated_grad(): not implemented yet (kata autograd/accumulation)")\n'

#: error kind -> (the line the learner wrote, what the verdict must show)
ERRORS = {
    "TypeError": ('    return float(w) + "1"\n', r"ERROR TypeError: unsupported operand"),
    "NameError": ("    return gradient_of(f, w)\n", r"ERROR NameError: name 'gradient_of' is not defined"),
    "AttributeError": ("    return w.grad\n", r"ERROR AttributeError: 'float' object has no attribute 'grad'"),
    "RuntimeError": ("    return float(torch.ones(2, 3).T.view(6)[0])\n", r"ERROR RuntimeError: view size is not compatible"),
    "shape mismatch": ("    return float((torch.ones(2, 3) @ torch.ones(2, 3)).sum())\n",
                       r"ERROR RuntimeError: mat1 and mat2 shapes cannot be multiplied"),
    # raised from C straight under the learner's line, as an op MPS lacks would: not the stub's TODO
    "NotImplementedError": ('    return float(torch.zeros(1, device="meta").cpu())\n',
                            r"ERROR NotImplementedError: Cannot copy out of meta tensor"),
}


def _break(sandbox, line: str) -> int:
    """Put ``line`` in place of the stub's raise; return its line number."""
    source = sandbox.read(KATA)
    assert STUB_BODY in source
    sandbox.write(KATA, source.replace(STUB_BODY, line))
    return source[: source.index(STUB_BODY)].count("\n") + 1


def _within_first_lines(lines: list[str], pattern: str, location: str, count: int = 10) -> bool:
    head = "\n".join(lines[:count])
    return bool(re.search(pattern, head)) and location in head


@needs("torch")
@pytest.mark.parametrize("kind", list(ERRORS))
def test_the_learners_exception_and_line_come_first(sandbox, kind):
    line, shown = ERRORS[kind]
    location = f"{KATA}:{_break(sandbox, line)}"
    run = sandbox.pytest(TESTS, "-k", "test_backward_passes_add_up")
    assert run.returncode == 1, run.output
    lines = run.output.splitlines()
    start = next(i for i, text in enumerate(lines) if "FAILURES" in text)
    assert _within_first_lines(lines[start + 1:], shown, location), run.output

    verdict = sandbox.katas("run", "autograd/accumulation")
    assert verdict.returncode == 1, verdict.output
    lines = verdict.output.splitlines()
    start = next(i for i, text in enumerate(lines) if text.startswith("RED autograd/accumulation"))
    assert _within_first_lines(lines[start:], shown, location), verdict.output


@needs("torch")
def test_a_step_that_bypasses_the_grad_scaler_gets_a_likely_fix():
    """torch's own words ("No inf checks were recorded prior to update.") do not say what to do."""
    import torch

    from katas._support.loader import likely_fix

    model = torch.nn.Linear(2, 1)
    optimizer, scaler = torch.optim.SGD(model.parameters(), lr=0.1), torch.amp.GradScaler("cpu")
    scaler.scale(model(torch.ones(1, 2)).sum()).backward()
    optimizer.step()  # the slip: not scaler.step(optimizer)
    with pytest.raises(AssertionError) as raised:
        scaler.update()
    assert "scaler.step(optimizer) (not optimizer.step())" in likely_fix("AssertionError", str(raised.value))


def test_an_error_a_test_judges_names_the_learners_line_and_a_slip_is_their_own_error():
    """Tests that catch an exception and report it as expected vs got (a deploy kata's runtime
    refusing the file) add the learner's line it came from; an error of the test's own, none. A
    slip in the learner's line itself (a NameError) is not judged: it is raised as it is, so the
    verdict shows their exception first; a TypeError they raise on purpose is judged."""
    from katas._support.curriculum import ROOT

    learner: dict = {}
    source = ("def onnx_predict(path, x):\n    return int(x)\n"
              "def typo(path, x):\n    return nme\n"
              "def refuse(path, x):\n    raise TypeError('x must be float32')\n")
    filename = str(ROOT / "katas/deploy/onnx_export.py")
    exec(compile(source, filename, "exec"), learner)
    saved = linecache.cache.pop(filename, None)  # tracebacks read these lines, not the file's
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        _judge_each(learner)
    finally:
        linecache.cache.pop(filename, None)
        if saved is not None:
            linecache.cache[filename] = saved


def _judge_each(learner: dict) -> None:
    from katas._support.checks import KataMismatch, fail

    def judged(function):
        try:
            function()
        except Exception as error:  # noqa: BLE001 - as the deploy tests do
            fail("onnx_predict(path, x)", "behaviour", "the model's output", f"{type(error).__name__}: {error}", "why")

    with pytest.raises(KataMismatch, match=r"\n    raised at katas/deploy/onnx_export.py:2, in onnx_predict\(\)"):
        judged(lambda: learner["onnx_predict"]("p", "x"))
    with pytest.raises(KataMismatch) as raised:
        judged(lambda: undefined_in_the_test)  # noqa: F821
    assert "raised at" not in str(raised.value)
    with pytest.raises(NameError, match="nme"):
        judged(lambda: learner["typo"]("p", "x"))
    with pytest.raises(KataMismatch, match="got      behaviour: TypeError: x must be float32"):
        judged(lambda: learner["refuse"]("p", "x"))


def test_an_error_reported_in_one_line_keeps_its_type_even_with_no_message():
    """A learner's ``raise ValueError()`` has no message: the report says its type, and never fails
    on the empty first line (an IndexError of the test's own, hiding theirs)."""
    from katas._support.checks import error_line, message_line

    assert error_line(ValueError()) == "ValueError"
    assert error_line(ValueError("  \n")) == "ValueError"
    assert error_line(RuntimeError("\nshapes differ\nsecond line")) == "RuntimeError: shapes differ"
    assert error_line(TypeError("x" * 300)) == "TypeError: " + "x" * 200
    assert error_line(TypeError("x" * 300), 10) == "TypeError: " + "x" * 10
    assert message_line(KeyError()) == "" and message_line(OSError("a\nb"), None) == "a"
