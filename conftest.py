"""pytest configuration of tensor katas.

- Which code runs: the learner's stubs in ``katas/`` (default), ``--solutions`` (or
  ``KATAS_SOLUTIONS=1``) for ``solutions/``, or ``--verify`` for the project's own check: every
  kata test against the solution (must pass), the untouched stub (must fail with
  NotImplementedError), each named mistake (at least one test must reject it) and each correct
  alternative in ``alternatives/`` (every test must pass for it).
- ``device``: parametrized over cpu, cuda, mps; ``--device=cpu,cuda`` (or ``KATAS_DEVICE``)
  narrows it, and a device asked for explicitly but absent is an error. ``tf_device`` is the
  TensorFlow counterpart ('/CPU:0' or '/GPU:0').
- Hypothesis profiles: ``learner`` (default), ``ci`` (derandomized, chosen when ``CI`` is set),
  ``thorough``, ``pinned`` (the ``@example`` pins alone); ``HYPOTHESIS_PROFILE`` picks one by name.
  ``--verify`` holds a named mistake to the ``@example`` pins alone, whatever the profile.
- A kata this environment cannot run (a framework it needs is not installed, or Keras runs on
  another backend than it needs: ``katas/_support/frameworks.py``) is one skip with the reason.
- A per-test timeout (``--kata-timeout``, ``KATAS_TIMEOUT``) so an endless loop fails one test.
- Reporting: an untouched stub gives one TODO line per test; a wrong answer gives expected vs
  got, the input and the likely misconception.

Nothing here imports torch or TensorFlow unless a collected test needs it.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, register_random, settings

# Under pytest-xdist every worker would start as many math threads as the machine has cores:
# with 8 workers on 16 cores that is 128 threads fighting over tiny matrices (seen: a one-second
# training kata past 60 s). Share the cores out before torch or TensorFlow is imported.
if os.environ.get("PYTEST_XDIST_WORKER_COUNT"):
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // int(os.environ["PYTEST_XDIST_WORKER_COUNT"]))))

import katas  # noqa: F401  (silences TensorFlow's start-up log before anything imports it)
from katas._support import curriculum, curves, frameworks
from katas._support.checks import KataMismatch
from katas._support.gcpause import heavy_imports
from katas._support.quiet import quiet_torch_logs
from katas._support.loader import (
    KataBroken, KataModule, KataTimeout, KataTodo, alternatives_of, mistakes_of, own_error, stub_location,
)

DEVICES = ("cpu", "cuda", "mps")
ROOT = Path(__file__).resolve().parent

# --- Hypothesis profiles ------------------------------------------------------------------------
# Framework ops have no useful deadline (first calls compile kernels), hence deadline=None.
# No explain phase: its "lines only run by failing cases" note is noise for a learner.
_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
_common: dict[str, Any] = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "phases": _PHASES,
                          "report_multiple_bugs": False}  # one expected-vs-got message, not a group
settings.register_profile("learner", max_examples=20, **_common)
settings.register_profile("ci", max_examples=40, derandomize=True, database=None, print_blob=True, **_common)
settings.register_profile("thorough", max_examples=400, **_common)
# Only the @example pins, nothing drawn: `HYPOTHESIS_PROFILE=pinned pytest --verify katas` shows
# which named mistakes the pins alone reject (all of them should: a rejection never by luck).
settings.register_profile("pinned", **{**_common, "phases": [Phase.explicit]})
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "learner"))


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tensor katas")
    group.addoption(
        "--solutions",
        action="store_true",
        default=_truthy(os.environ.get("KATAS_SOLUTIONS")),
        help="run the kata tests against solutions/ instead of your stubs (env: KATAS_SOLUTIONS=1)",
    )
    group.addoption(
        "--verify",
        action="store_true",
        help="project check: solutions pass, untouched stubs fail, every named mistake is rejected",
    )
    group.addoption(
        "--no-mistakes",
        action="store_true",
        help="with --verify: leave the named mistakes out (solutions and alternatives must pass, stubs "
        "fail); the tox envs of other versions use it to stay quick",
    )
    group.addoption(
        "--skip-mistakes-of",
        default="",
        metavar="TOPIC[,TOPIC]",
        help="with --verify: leave out the named mistakes of these topics only (tox envs whose versions "
        "cannot change those topics' verdicts: the pinned default checks them)",
    )
    group.addoption(
        "--device",
        default=os.environ.get("KATAS_DEVICE", ""),
        help="comma-separated devices to test: cpu,cuda,mps (env: KATAS_DEVICE); default all, "
        "absent ones skipped; a device named here but absent is an error",
    )
    group.addoption(
        "--kata-timeout",
        type=float,
        default=float(os.environ["KATAS_TIMEOUT"]) if os.environ.get("KATAS_TIMEOUT") else None,
        help="seconds one test may run before it fails as a likely endless loop (0: no limit; env: "
        "KATAS_TIMEOUT); default: the kata's time budget in katas/curriculum.toml (3x its solution's "
        "slowest test plus a margin), 60 s for other tests",
    )


def pytest_configure(config: pytest.Config) -> None:
    config._katas_stub_notes = _stubs_to_tests(config)  # type: ignore[attr-defined]
    if config.getoption("verify"):
        if config.getoption("solutions"):
            raise pytest.UsageError("--verify already runs the solutions; drop --solutions")
        # Verify only needs each verdict, not the smallest failing example: skip shrinking, which
        # is most of the time spent on stubs and named mistakes.
        current = settings._current_profile  # noqa: SLF001
        phases = [phase for phase in settings.get_profile(current).phases if phase in (Phase.explicit, Phase.generate)]
        settings.register_profile("verify", settings.get_profile(current), phases=phases)
        settings.load_profile("verify")


def _stubs_to_tests(config: pytest.Config) -> list[str]:
    """`pytest katas/autograd/derivative.py` names the stub, which holds no tests: run the kata's
    test file instead (keeping any ::selector), and say so in the header."""
    notes = []
    for index, arg in enumerate(config.args):
        path, sep, rest = arg.partition("::")
        kata = curriculum.for_source_file(Path(config.invocation_params.dir, path))
        if kata is not None and kata.tests.exists():
            config.args[index] = str(kata.tests) + (sep + rest if rest else "")
            notes.append(f"{path} is the stub you edit; running its tests, {kata.tests.relative_to(ROOT).as_posix()}")
    return notes


def pytest_report_header(config: pytest.Config) -> list[str]:
    if config.getoption("verify"):
        target = ("verify (the project's own check; `katas check` checks your work): solutions and correct "
                  "alternatives must pass, stubs as shipped must fail, named mistakes must be rejected")
    elif config.getoption("solutions"):
        target = "testing the reference solutions in solutions/"
    else:
        target = "testing your code in katas/"
    devices, explicit = _selected_devices(config)
    return [
        *getattr(config, "_katas_stub_notes", []),
        f"tensor katas: {target}",
        f"frameworks: {frameworks.describe(frameworks.actual(import_keras=False))}",
        f"devices: {','.join(devices)}{' (explicit)' if explicit else ' (absent ones are skipped)'}; "
        f"hypothesis profile: {settings._current_profile}",  # noqa: SLF001
    ]


# --- devices ------------------------------------------------------------------------------------


def _selected_devices(config: pytest.Config) -> tuple[list[str], bool]:
    raw = config.getoption("device")
    if not raw:
        return list(DEVICES), False
    names = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = sorted(set(names) - set(DEVICES))
    if unknown:
        raise pytest.UsageError(f"--device: unknown device(s) {unknown}; choose from {', '.join(DEVICES)}")
    return names, True


def torch_device_absent(name: str) -> str | None:
    """Why torch cannot use device ``name`` here, or None if it can."""
    import torch

    if name == "cuda" and not torch.cuda.is_available():
        return "CUDA not available"
    if name == "mps":
        if not torch.backends.mps.is_built():
            return "MPS not built into this torch"
        if not torch.backends.mps.is_available():
            return "no MPS device"
    return None


def tf_device_absent(name: str) -> str | None:
    """Why TensorFlow cannot use device ``name`` here, or None if it can."""
    if name == "mps":
        return "TensorFlow has no MPS device"
    if name == "cuda":
        import tensorflow as tf

        if not tf.config.list_physical_devices("GPU"):
            return "no GPU visible to TensorFlow"
    return None


def _device_or_skip(request: pytest.FixtureRequest, absent: str | None) -> None:
    if absent is None:
        return
    if _selected_devices(request.config)[1]:
        pytest.fail(f"--device asked for {request.param}, but {absent}", pytrace=False)
    pytest.skip(absent)


@pytest.fixture(scope="session")
def device(request: pytest.FixtureRequest) -> str:
    """A torch device name: 'cpu', 'cuda' or 'mps' (absent ones skip with the reason)."""
    if not frameworks.installed("torch"):  # the PyTorch half of a side-by-side kata
        pytest.skip(frameworks.half_reason(None, "torch"))
    _device_or_skip(request, torch_device_absent(request.param))
    return request.param


@pytest.fixture(scope="session")
def tf_device(request: pytest.FixtureRequest) -> str:
    """The TensorFlow device for the same ids: '/CPU:0' for cpu, '/GPU:0' for cuda."""
    if not frameworks.installed("tensorflow"):  # the TensorFlow half of a side-by-side kata
        pytest.skip(frameworks.half_reason(None, "tensorflow"))
    _device_or_skip(request, tf_device_absent(request.param))
    from katas._support.strategies import tf_device_name

    return tf_device_name(request.param)


@pytest.fixture(scope="module")
def torch_one_thread() -> Any:
    """One torch math thread for a module of tiny models (a second thread only waits on the first:
    on a busy machine a hundred times slower); restored after the module. Training katas ask
    for it with ``pytestmark = pytest.mark.usefixtures("torch_one_thread")``."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


# --- which code the kata tests exercise ---------------------------------------------------------

STUB, SOLUTION, MISTAKE, ALTERNATIVE = "stub", "solution", "mistake:", "alternative:"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    devices, _ = _selected_devices(metafunc.config)
    for name in ("device", "tf_device"):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, devices, indirect=True, scope="session", ids=devices)
    kata = curriculum.for_test_file(metafunc.definition.path)
    if kata is not None and "kata" in metafunc.fixturenames and metafunc.config.getoption("verify"):
        targets = [SOLUTION, STUB]
        skipped = {topic.strip() for topic in metafunc.config.getoption("skip_mistakes_of").split(",")}
        if not metafunc.config.getoption("no_mistakes") and kata.topic not in skipped:
            targets += [MISTAKE + m.id for m in mistakes_of(kata)]
        targets += [ALTERNATIVE + a.id for a in alternatives_of(kata)]
        metafunc.parametrize("kata", targets, indirect=True, scope="module", ids=targets)


@pytest.fixture(scope="module")
def kata(request: pytest.FixtureRequest) -> KataModule:
    """The module under test, imported lazily inside each test (see katas/_support/loader.py)."""
    entry = curriculum.for_test_file(request.path)
    if entry is None:
        pytest.fail(f"{request.path} is not the test file of a kata listed in katas/curriculum.toml")
    target = getattr(request, "param", SOLUTION if request.config.getoption("solutions") else STUB)
    if target == STUB:
        # --verify checks the stubs as shipped, so a learner's solved files never count against it
        return KataModule(entry, "katas", shipped=request.config.getoption("verify"))
    if target == SOLUTION:
        return KataModule(entry, "solutions")
    if target.startswith(ALTERNATIVE):
        return KataModule(entry, "solutions", {a.id: a for a in alternatives_of(entry)}[target.removeprefix(ALTERNATIVE)])
    mistake = {m.id: m for m in mistakes_of(entry)}[target.removeprefix(MISTAKE)]
    return KataModule(entry, "solutions", mistake)


class UnavailableKata(pytest.File):
    """The test file of a kata this environment cannot run (a framework or Keras backend it needs
    is missing): collected as one skip with the reason, and never imported."""

    def __init__(self, *, reason: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reason = reason

    def collect(self) -> list[pytest.Item]:  # pragma: no cover - the report below replaces collecting
        raise pytest.skip.Exception(self.reason)


@pytest.hookimpl(tryfirst=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport | None:
    """An unavailable kata's skip, located at its test file (not at this conftest)."""
    if not isinstance(collector, UnavailableKata):
        return None
    return pytest.CollectReport(collector.nodeid, "skipped", (str(collector.path), None, f"Skipped: {collector.reason}"), [])


class HalfKata(pytest.Module):
    """The test file of a side-by-side kata with one framework missing: imported with a stand-in
    for the missing one (frameworks.stand_ins); the tests of that half skip with the reason."""

    def _getobj(self) -> Any:
        with frameworks.stand_ins(curriculum.for_test_file(self.path)):
            return super()._getobj()


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    kata = curriculum.for_test_file(module_path)
    reason = frameworks.unavailable(kata) if kata is not None else None
    if reason is None:
        if kata is not None and frameworks.missing_half(kata):
            return HalfKata.from_parent(parent, path=module_path)
        return None
    return UnavailableKata.from_parent(parent, path=module_path, reason=reason)


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Any:
    """Test modules import torch or TensorFlow at the top: collect inside heavy_imports (gcpause)."""
    with heavy_imports():
        return (yield)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    order = {kata.tests: index for index, kata in enumerate(curriculum.load())}
    items.sort(key=lambda item: order.get(Path(item.path).resolve(), len(order)))  # curriculum order
    verify = config.getoption("verify")
    for item in items:
        if curriculum.for_test_file(item.path) is None:
            continue
        if "kata" not in getattr(item, "fixturenames", ()):
            raise pytest.UsageError(f"{item.nodeid}: kata tests must use the `kata` fixture")
        if not verify:
            continue
        target = item.callspec.params["kata"]
        if target == STUB:
            item.add_marker(
                pytest.mark.xfail(raises=(NotImplementedError, KataTodo), strict=True, reason="untouched stub")
            )
        elif target.startswith(MISTAKE):
            item.add_marker(pytest.mark.xfail(strict=False, reason=target))


class _TorchRandom:
    """torch's CPU generator in the shape Hypothesis seeds, so each example reproduces.

    Only the CPU generator: ``torch.manual_seed`` would also queue a lazy seed for every CUDA,
    XPU and MTIA device, each capturing a stack trace, before every example (seconds per topic).
    Test data is drawn on the CPU and moved to the device under test. Until some test module
    imports torch there is nothing to seed, and nothing is imported here.
    """

    def seed(self, seed: int) -> None:
        if (torch := sys.modules.get("torch")) is not None:
            torch.default_generator.manual_seed(seed)

    def getstate(self) -> Any:
        torch = sys.modules.get("torch")
        return None if torch is None else torch.default_generator.get_state()

    def setstate(self, state: Any) -> None:
        if state is not None and (torch := sys.modules.get("torch")) is not None:
            torch.default_generator.set_state(state)


# Registered now, while few objects exist: register_random runs a full gc.collect(), which takes
# about 0.4 s once torch and TensorFlow are loaded. Hypothesis keeps a weak reference only.
_torch_random = _TorchRandom()
register_random(_torch_random)


# --- timeout --------------------------------------------------------------------------------------


# --- verify: a mistake or an alternative is judged by the tests that reach the name it replaces ---
# The solution runs first (the kata parameter is module-scoped, so pytest runs each target's
# tests together, the solution's first; `--dist loadfile` keeps a file on one worker). Each test
# records which public names it used; for another target, a test that never used the replaced
# name would only run the solution again, so it is passed without running. And once one test
# has rejected a mistake, its verdict is made: its later tests are passed without running too.
# (KATAS_VERIFY_EVERY_TEST=1 runs them all, to check these shortcuts.)

_used: dict[tuple[Any, ...], set[str]] = {}
UNTOUCHED_KEY = "kata_untouched"  # in a report's user_properties: passed without running (above)
DECIDED_KEY = "kata_decided"  # the same, for a mistake an earlier test has already rejected


def _test_key(item: pytest.Item) -> tuple[Any, ...]:
    params = getattr(getattr(item, "callspec", None), "params", {})
    return (str(item.path), getattr(item, "originalname", item.name),
            tuple(sorted((k, repr(v)) for k, v in params.items() if k != "kata")))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    kata, target = pyfuncitem.funcargs.get("kata"), getattr(getattr(pyfuncitem, "callspec", None), "params", {}).get("kata")
    if not isinstance(kata, KataModule) or not isinstance(target, str) or not target.startswith((MISTAKE, ALTERNATIVE)):
        return None
    every_test = bool(os.environ.get("KATAS_VERIFY_EVERY_TEST"))
    used = None if every_test else _used.get(_test_key(pyfuncitem))
    replaced = kata._mistake.replaces if kata._mistake else None  # noqa: SLF001
    if used is not None and replaced not in used:
        pyfuncitem.user_properties.append((UNTOUCHED_KEY, True))
        return True  # the test "ran" and passed: it never reaches the replaced name
    if not every_test and target.startswith(MISTAKE) and "rejected" in _verdicts.get(_verdict_key(pyfuncitem.nodeid), ()):
        pyfuncitem.user_properties.append((DECIDED_KEY, True))
        return True  # an earlier test rejected this mistake: nothing more to learn from this one
    return None


@pytest.hookimpl(wrapper=True, specname="pytest_pyfunc_call")
def pytest_pyfunc_call_mistakes_meet_the_pins_alone(pyfuncitem: pytest.Function) -> Any:
    """A named mistake meets the ``@example`` pins of a property test and nothing drawn.

    The pins hold the decisive cases, so a mistake is caught on every run, not by a lucky draw:
    --verify holds the catalogue to that (a mistake only drawn examples catch is NOT REJECTED,
    and wants a pin), and skips the drawn examples it would otherwise run for each mistake
    before the test that rejects it. The solution, the stub and the alternatives meet the
    profile's drawn examples as well.
    """
    target = getattr(getattr(pyfuncitem, "callspec", None), "params", {}).get("kata")
    test = getattr(pyfuncitem.obj, "__func__", pyfuncitem.obj)
    current = getattr(test, "_hypothesis_internal_use_settings", None)  # how @given keeps its settings
    if not (isinstance(target, str) and target.startswith(MISTAKE) and current is not None):
        return (yield)
    test._hypothesis_internal_use_settings = settings(current, phases=[Phase.explicit])
    try:
        return (yield)
    finally:
        test._hypothesis_internal_use_settings = current


def pytest_runtest_setup(item: pytest.Item) -> None:
    quiet_torch_logs()  # torch sets its loggers' levels when imported: keep its compile chatter off failure pages


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """What a test's code may leave switched for every test after it in this process, a learner's
    ``torch.set_grad_enabled(False)`` or ``torch.set_default_dtype`` left on, is set back: one kata
    (or, under --verify, one named mistake) never breaks the next. The test that ran has already
    judged the leak (the katas that promise to leave grad mode alone check it)."""
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_grad_enabled(True)
        torch.set_default_dtype(torch.float32)


def _time_limit(item: pytest.Item) -> float:
    """Seconds ``item`` may run: its kata_timeout marker, else --kata-timeout, else its kata's budget."""
    if marker := item.get_closest_marker("kata_timeout"):
        return marker.args[0]
    chosen = item.config.getoption("kata_timeout")
    kata = curriculum.for_test_file(Path(str(item.path)))
    return kata.time_limit(chosen) if kata else chosen if chosen is not None else curriculum.DEFAULT_TIME_LIMIT


def _budget_used(item: pytest.Item) -> bool:
    """Whether ``item``'s limit is its kata's budget (nothing on the command line or a marker chose one)."""
    kata = curriculum.for_test_file(Path(str(item.path)))
    return (item.get_closest_marker("kata_timeout") is None and item.config.getoption("kata_timeout") is None
            and kata is not None and bool(kata.budget))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    """Fail a test that runs longer than its time limit (see _time_limit), with KataTimeout.

    KataTimeout is a BaseException so that Hypothesis does not catch it and re-run the hanging
    code while shrinking (pytest-timeout's signal method raises pytest's Failed, which Hypothesis
    treats as a test failure and retries with no timer left).
    """
    seconds = _time_limit(item)
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return (yield)

    def on_alarm(signum: int, frame: Any) -> None:
        if sys.gettrace() is not None:  # a debugger (breakpoint(), pdb) is stepping: never kill it
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return
        raise KataTimeout(seconds)

    kata = getattr(item, "funcargs", {}).get("kata")
    if getattr(getattr(item, "callspec", None), "params", {}).get("kata") == SOLUTION and isinstance(kata, KataModule):
        kata.accessed = set()  # recorded for the other targets of this test (verify, above)
        try:
            return (yield)
        finally:
            _used[_test_key(item)] = kata.accessed
    if getattr(kata, "timed_out", False):  # once per kata: the next test would hang the same way
        raise KataTimeout(seconds, "again")
    if isinstance(kata, KataModule):
        kata.import_frameworks()  # untimed: a framework's import is not the code under test
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return (yield)
    except KataTimeout:
        if kata is not None:
            kata.timed_out = True
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- reporting ------------------------------------------------------------------------------------

TODO_KEY = "kata_todo"


def _with_notes(error: BaseException, text: str) -> str:
    notes = [note for note in getattr(error, "__notes__", ()) if not note.startswith("You can reproduce")]
    return "\n".join([text, *notes])


def _kata_message(error: BaseException, item: pytest.Item) -> tuple[str, str | None] | None:
    """(report text, TODO line or None) for the errors a kata raises on purpose, else None."""
    location = error.args if isinstance(error, KataTodo) else None
    if isinstance(error, NotImplementedError):  # raised through framework code (e.g. a Function)
        location = stub_location(error)
    if location:
        path, line, function = location
        entry = curriculum.for_source_file(ROOT / path)
        hint = f"  Hint: {entry.hint_for(function)}" if entry and entry.hints else ""
        todo = f"implement {function}() in {path}:{line}.{hint}"
        return f"TODO {todo}", todo
    if isinstance(error, KataBroken):
        return f"BROKEN {error}", None
    if isinstance(error, KataTimeout) and error.args[1:] == ("again",):
        return f"TIMEOUT not run: an earlier test of this kata did not finish within {error.args[0]:g} s", None
    if isinstance(error, KataTimeout):
        budget = " (this kata's time budget: 3x what its reference solution needs)" if _budget_used(item) else ""
        return (
            f"TIMEOUT {item.name} did not finish within {error.args[0]:g} s{budget}: look for an endless loop "
            f"(a while loop whose condition never changes?) or raise {os.environ.get('KATAS_TIMEOUT_OPTION', '--kata-timeout')}",
            None,
        )
    if isinstance(error, KataMismatch):
        return _with_notes(error, str(error)), None
    if isinstance(error, Exception) and (report := own_error(error)) is not None:
        return _with_notes(error, report), None  # the learner's own exception, first
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport | None:
    """The report of a kata's own error, built directly: its text replaces the traceback, so
    formatting one (tens of milliseconds per test with the frameworks loaded) is skipped.
    A learning curve the test recorded goes into the report, and under a failure's message."""
    drawn = curves.take() if call.when == "call" else []
    if drawn:
        item.user_properties.append((curves.CURVE_KEY, drawn))
    if call.excinfo is None:
        return None
    message = _kata_message(call.excinfo.value, item)
    if message is None:
        return None  # any other error: pytest's own report and traceback
    text, todo = message
    if drawn and not todo:
        text = "\n".join([text, *(chart for curve in drawn if (chart := curves.render(curve)))])
    return pytest.TestReport(
        item.nodeid,
        item.location,
        dict.fromkeys(item.keywords, 1),
        "failed",
        text,
        call.when,  # type: ignore[arg-type]
        [(f"Captured {key} {when}", content) for when, key, content in item._report_sections],  # noqa: SLF001
        call.duration,
        call.start,
        call.stop,
        user_properties=[*item.user_properties, *([(TODO_KEY, todo)] if todo else [])],
    )


def _todo(report: pytest.TestReport) -> str | None:
    return dict(report.user_properties).get(TODO_KEY) if report.failed else None


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> Any:
    """A stub's NotImplementedError is 'todo', not a failure page (the run still exits 1)."""
    if report.when == "call" and _todo(report):
        return "todo", "T", ("TODO", {"yellow": True})
    return None


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    todos = [r for r in terminalreporter.stats.get("todo", []) if _todo(r)]
    if todos:
        terminalreporter.section(f"to do: {len(todos)} tests wait for unimplemented code", yellow=True)
        for report in todos:
            terminalreporter.line(f"TODO {report.nodeid}: {_todo(report)}")
    if config.getoption("verify"):
        _verify_summary(terminalreporter, config)


# --- verify: every named mistake rejected by at least one test, every alternative by none ---------

_VARIANT_ID = re.compile(r"\b(mistake|alternative):(\w+)")
# (kind, test file, id) -> the outcome of each of its tests: "rejected", "accepted", "skipped",
# "untouched" (never reaches the replaced name) or "decided" (after a rejection: not run)
_verdicts: dict[tuple[str, str, str], list[str]] = defaultdict(list)


def _verdict_key(nodeid: str) -> tuple[str, str, str] | None:
    match = _VARIANT_ID.search(nodeid)
    return None if match is None else (match.group(1), nodeid.split("::")[0], match.group(2))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    key = _verdict_key(report.nodeid)
    if key is None or report.when != "call":
        return
    rejected = report.failed or (report.outcome == "skipped" and hasattr(report, "wasxfail"))
    skipped = report.outcome == "skipped" and not rejected  # e.g. the other half of a side-by-side kata
    properties = dict(report.user_properties)
    _verdicts[key].append(
        "rejected" if rejected else "skipped" if skipped else "decided" if properties.get(DECIDED_KEY)
        else "untouched" if properties.get(UNTOUCHED_KEY) else "accepted"
    )


def _not_run_here(outcomes: list[str]) -> bool:
    """No test that reaches it ran here (its framework is not installed): no verdict either way."""
    return all(outcome in ("skipped", "untouched") for outcome in outcomes)


def _wrong_verdict(kind: str, outcomes: list[str]) -> bool:
    if _not_run_here(outcomes):
        return False
    return "rejected" not in outcomes if kind == "mistake" else "rejected" in outcomes


def _verify_summary(terminalreporter: Any, config: pytest.Config) -> None:
    for kind, title in (("mistake", "named mistakes (each must be rejected)"),
                        ("alternative", "correct alternatives (each must be accepted)")):
        rows = sorted((key, outcomes) for key, outcomes in _verdicts.items() if key[0] == kind)
        if not rows:
            continue
        terminalreporter.section(title)
        for (_, test_file, variant_id), outcomes in rows:
            rejections, decided = outcomes.count("rejected"), outcomes.count("decided")
            wrong = _wrong_verdict(kind, outcomes)
            verdict = {("mistake", False): "rejected", ("mistake", True): "NOT REJECTED",
                       ("alternative", False): "accepted", ("alternative", True): "REJECTED"}[kind, wrong]
            if _not_run_here(outcomes):
                verdict = "not run here"
            terminalreporter.line(
                f"{verdict:>12}  {test_file} {kind}:{variant_id}  ({rejections} of {len(outcomes) - decided} tests "
                f"fail for it{f'; {decided} more not run, the verdict made' if decided else ''})",
                red=wrong,
            )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("verify") and any(
        _wrong_verdict(kind, outcomes) for (kind, _, _), outcomes in _verdicts.items()
    ):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
