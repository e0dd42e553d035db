"""Which code a kata's tests exercise: the learner's stub, the solution, or a named mistake.

Tests never import the module under test themselves. They receive a :class:`KataModule`, a lazy
stand-in that imports the real module on first attribute access, inside the test. So a syntax
error, a bad import or an endless loop in one stub fails that kata's tests with one clear line,
and every other kata is collected and run as before.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from katas._support import curriculum, frameworks
from katas._support.curriculum import ROOT, Kata
from katas._support.gcpause import heavy_imports
from katas._support.mistakes import Mistake, mistakes_in


class KataBroken(Exception):
    """The module under test could not be imported; the message says why, in one line."""


class KataModule:
    """Attribute access forwards to the module under test, imported on first use."""

    def __init__(self, kata: Kata, package: str, mistake: Mistake | None = None, *, shipped: bool = False) -> None:
        self._kata = kata
        self._package = package  # "katas" or "solutions"
        self._mistake = mistake
        self._shipped = shipped  # the stub as shipped (from the archive), not the learner's file
        self.timed_out = False  # a test of this kata ran out of time: the others are not run
        self.accessed: set[str] = set()  # the public names the tests asked for (see conftest: verify)
        self._module: ModuleType | None = None
        self._broken: str | None = None

    def __repr__(self) -> str:
        where = self._kata.module(self._package)
        return f"<kata {where}{' with mistake ' + self._mistake.id if self._mistake else ''}>"

    def _load(self) -> ModuleType:
        if self._module is not None:
            return self._module
        if self._broken is not None:  # fail fast: do not re-run a hanging or crashing import
            raise KataBroken(self._broken)
        name = self._kata.module(self._package)
        try:
            with heavy_imports(), frameworks.stand_ins(self._kata):  # the first kata imports its frameworks here
                self._module = _import_shipped_stub(self._kata) if self._shipped else importlib.import_module(name)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SyntaxError, ImportError, SystemExit, a timeout, ...
            self._broken = describe_import_failure(name, error)
            raise KataBroken(self._broken) from None
        return self._module

    def import_frameworks(self) -> None:
        """Import the installed frameworks and runtimes this kata's manifest entry names, if its
        module is not imported yet. The test's timer starts after this (conftest.py): importing
        torch and TensorFlow takes seconds, many more on a busy machine, and is not the code under
        test, whose own import (an endless loop at module level) stays timed. A framework that
        fails to import is left for the module's own import to report."""
        if self._module is not None or self._broken is not None:
            return
        with heavy_imports():
            for name in self._kata.frameworks:
                if name not in sys.modules and frameworks.installed(name):
                    try:
                        importlib.import_module(name)
                    except Exception:  # noqa: BLE001, S112: reported by the module's import, with its test
                        continue

    def __getattr__(self, attribute: str) -> Any:
        if not attribute.startswith("_"):
            self.accessed.add(attribute)
            if ((absent := frameworks.missing_half(self._kata)) and frameworks.half_of(attribute) == absent
                    and attribute in public_names(self._kata)):
                import pytest

                raise pytest.skip.Exception(frameworks.half_reason(self._kata, absent))
        if self._mistake is not None and attribute == self._mistake.replaces:
            return self._mistake.impl
        value = getattr(self._load(), attribute)
        return _todo_aware(value) if self._package == "katas" and inspect.isfunction(value) else value


@functools.cache
def public_names(kata: Kata) -> frozenset[str]:
    """The public functions and classes of a kata (read from its solution, not imported)."""
    import ast

    tree = ast.parse(kata.solution.read_text())
    return frozenset(node.name for node in tree.body
                     if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"))


def _import_shipped_stub(kata: Kata) -> ModuleType:
    """The kata's stub as shipped in the reset archive, as a module that is not registered in
    sys.modules (the learner's own file, if edited, stays untouched and unimported). Tracebacks
    name the stub's path, so a TODO points where the learner would look."""
    from katas._runner import pristine

    module = ModuleType(kata.module("katas"))
    module.__file__ = str(kata.stub)
    exec(compile(pristine.original(kata), str(kata.stub), "exec"), module.__dict__)  # noqa: S102
    return module


class KataTodo(BaseException):
    """An untouched stub was called: (path, line, function) of its NotImplementedError.

    A BaseException, so Hypothesis stops at the first example instead of shrinking a failure
    that has nothing to shrink.
    """


def stub_location(error: BaseException) -> tuple[str, int, str] | None:
    """(path relative to the repo, line, function) where a kata stub itself raised ``error`` (its
    innermost frame is in a stub file, at a ``raise``), or None. A NotImplementedError that the
    learner's code ran into elsewhere (a framework method that is not implemented, or an op that
    raises it from C straight under the learner's line: ``.cpu()`` of a meta tensor, an op MPS
    lacks) is the learner's error, not an untouched stub."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames or curriculum.for_source_file(path := Path(frames[-1].filename)) is None:
        return None
    if (frames[-1].line or "raise").lstrip().startswith("raise"):  # no source to read: as before
        return path.resolve().relative_to(ROOT).as_posix(), frames[-1].lineno or 0, frames[-1].name
    return None


#: Where the code under test lives: the learner's stubs, the solutions and the answers that
#: ``--verify`` lays over them (tests and support code are never "the code under test").
CODE_UNDER_TEST = ("katas", "solutions", "mistakes", "alternatives")


def _under_test(filename: str) -> bool:
    path = Path(filename)
    try:
        parts = path.resolve().relative_to(ROOT).parts
    except ValueError:
        return False
    return (len(parts) == 3 and parts[0] in CODE_UNDER_TEST and not parts[1].startswith("_")
            and not parts[2].startswith(("test_", "_")))


def _shown_path(filename: str) -> str:
    """A path relative to the repository, or from its package on for installed code."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        for marker in ("site-packages", "dist-packages", "lib"):
            if marker in parts:
                return "/".join(parts[len(parts) - parts[::-1].index(marker):])
        return path.name


#: Framework errors a learner meets often, and the likely fix (matched on "Type: message line").
LIKELY_FIXES: tuple[tuple[str, str], ...] = (
    (r"backward through the graph a second time",
     "each backward() frees the graph it used: evaluate f again before the next backward(), "
     "or pass retain_graph=True to the backward() before it"),
    (r"does not require grad and does not have a grad_fn",
     "the tensor you differentiate must come from a tensor made with requires_grad=True"),
    (r"float\(\) argument must be .*'NoneType'",
     "a gradient came back as None: tape.gradient only watches tf.Variables (tape.watch(t) a "
     "constant), and w.grad stays None until backward() ran on a result computed from w"),
    (r"view size is not compatible|view\(\) .* not compatible",
     "view() needs a contiguous tensor (t.T is not): use reshape(), or .contiguous().view()"),
    (r"shapes cannot be multiplied|Matrix size-incompatible|incompatible: In\[0\]",
     "the inner sides must match: x of shape (..., in) times W of shape (in, out)"),
    (r"Expected all tensors to be on the same device",
     "move every tensor (and the model) to one device with .to(device) before combining them"),
    (r"Can't call numpy\(\) on Tensor that requires grad",
     "t.detach().cpu().numpy(): detach from the graph (and come to the CPU) first"),
    (r"leaf Variable that requires grad is being used in an in-place operation",
     "update parameters under torch.no_grad(), or let the optimizer do it"),
    (r"Unrecognized data type",
     "give Keras a NumPy array (np.array([[...]], dtype='float32')), not a Python list"),
    (r"Expect operands to be a tuple",
     "torch.cond(pred, true_fn, false_fn, operands) takes the operands as a tuple: (x,), with the comma"),
    (r"No inf checks were recorded",
     "with a GradScaler the step goes through it: scaler.scale(loss).backward(), scaler.step(optimizer) "
     "(not optimizer.step()), then scaler.update()"),
)


def likely_fix(kind: str, message: str) -> str | None:
    """The advice of LIKELY_FIXES for an error, or None."""
    import re

    line = f"{kind}: {message}"
    return next((fix for pattern, fix in LIKELY_FIXES if re.search(pattern, line)), None)


def own_frames(error: BaseException) -> list[traceback.FrameSummary]:
    """The frames of ``error``'s traceback that are in the code under test, outermost first."""
    return [frame for frame in traceback.extract_tb(error.__traceback__) if _under_test(frame.filename)]


#: Errors that, raised by a line of the learner's own code (not inside a framework, and not by a
#: ``raise`` they wrote), are a slip in writing it: a typo, a missing import, a wrong attribute or
#: argument, whatever the test expected.
SLIPS = (NameError, AttributeError, TypeError, ImportError, SyntaxError)


def slip(error: BaseException) -> bool:
    """True when ``error`` is one of :data:`SLIPS` that a line of the code under test ran into
    (its innermost frame; a ``raise`` statement there is meant, and judged by the test)."""
    frames = traceback.extract_tb(error.__traceback__)
    return (isinstance(error, SLIPS) and bool(frames) and _under_test(frames[-1].filename)
            and not (frames[-1].line or "").lstrip().startswith("raise"))


def where_raised(error: BaseException) -> str | None:
    """``at PATH:LINE, in FUNCTION(): CODE``, the innermost line of the code under test that
    ``error`` went through, or None when it never did."""
    if not (own := own_frames(error)):
        return None
    frame = own[-1]
    return (f"at {_shown_path(frame.filename)}:{frame.lineno}, in {frame.name}()"
            f"{': ' + frame.line.strip() if frame.line else ''}")


def own_error(error: BaseException) -> str | None:
    """The report of an error raised while the code under test ran: the exception first, then
    the lines of that code it went through (innermost last), then where it was raised when
    that is inside a framework. None when no frame is in the code under test (the test's own
    error: pytest's traceback reports it)."""
    frames = traceback.extract_tb(error.__traceback__)
    own = own_frames(error)
    if not own:
        return None
    text = str(error).strip()
    first, *more = text.splitlines() or [""]
    lines = [f"ERROR {type(error).__name__}{': ' + first if first else ''}"]
    lines += [f"    {line}" for line in more[:3]]
    for frame in own[-3:]:
        lines.append(f"    at {_shown_path(frame.filename)}:{frame.lineno}, in {frame.name}()")
        if frame.line:
            lines.append(f"        {frame.line.strip()}")
    innermost = frames[-1]
    if not _under_test(innermost.filename):
        lines.append(f"    raised inside {_shown_path(innermost.filename)}:{innermost.lineno}, in {innermost.name}()")
    if fix := likely_fix(type(error).__name__, text):
        lines.append(f"    likely fix: {fix}")
    return "\n".join(lines)


def _todo_aware(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except NotImplementedError as error:
            location = stub_location(error)
            if location is None:
                raise
            raise KataTodo(*location) from error

    return call


def describe_import_failure(module_name: str, error: BaseException) -> str:
    """One line that names the file, the line and the error."""
    path = module_name.replace(".", "/") + ".py"
    line = ""
    if isinstance(error, SyntaxError) and error.lineno:
        line = f":{error.lineno}"
    else:
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.startswith(str(ROOT / module_name.split(".")[0])):
                line = f":{frame.lineno}"
                break
    kind = type(error).__name__
    detail = error.msg if isinstance(error, SyntaxError) else str(error)
    if isinstance(error, SystemExit):
        detail = f"the module called sys.exit({error.code!r}) while being imported"
    if isinstance(error, KataTimeout):
        kind, detail = "timeout", f"importing took over {error.args[0]:g} s (an endless loop at module level?)"
    return f"{path}{line} cannot be imported: {kind}: {detail}"


def mistakes_of(kata: Kata) -> list[Mistake]:
    """The named mistakes kept for ``kata`` (empty if it has no mistakes module)."""
    if not kata.mistakes.exists():
        return []
    with frameworks.stand_ins(kata):
        return mistakes_in(importlib.import_module(kata.module("mistakes")))


def alternatives_of(kata: Kata) -> list[Mistake]:
    """The correct alternative answers kept for ``kata`` (empty if it has no such module)."""
    if not kata.alternatives.exists():
        return []
    with frameworks.stand_ins(kata):
        return mistakes_in(importlib.import_module(kata.module("alternatives")))


class KataTimeout(BaseException):
    """A test ran past its time limit (see conftest.py); a BaseException so Hypothesis lets it through."""
