"""One kata's verdict: a pytest plugin that records it, and the records that carry it.

The same plugin runs in a cold ``pytest -p katas._runner.results --katas-results FILE`` and in
the runner's warm, forked checks, so both produce the same records from the same reports. It
appends JSON lines as the run goes (``start`` before each test, ``test`` after it, ``end`` at the
end), so a run that is killed still says which test it was in.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

OUTCOMES = ("passed", "failed", "todo", "error", "skipped")
_DEVICE_ID = re.compile(r"\[(?:[^\]]*-)?(cpu|cuda|mps)(?:-[^\]]*)?\]$")


@dataclass
class TestResult:
    nodeid: str
    outcome: str  # one of OUTCOMES
    message: str = ""
    duration: float = 0.0
    curves: list[dict[str, Any]] | None = None  # learning curves the test drew (katas/_support/curves.py)

    @property
    def name(self) -> str:
        return self.nodeid.split("::", 1)[-1]

    @property
    def device(self) -> str | None:
        match = _DEVICE_ID.search(self.nodeid)
        return match.group(1) if match else None


@dataclass
class KataResult:
    """The verdict on one kata. ``status``: pass, fail, todo (only untouched functions are
    left), broken (its tests could not even be collected), timeout, crash, or unavailable (this
    environment lacks a framework or Keras backend it needs; ``message`` says which)."""

    kata: str
    status: str
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0
    output: str = ""

    @property
    def green(self) -> bool:
        return self.status == "pass"

    @property
    def devices(self) -> list[str]:
        """The devices some test passed on."""
        return sorted({t.device for t in self.tests if t.device and t.outcome == "passed"})

    def count(self, outcome: str) -> int:
        return sum(t.outcome == outcome for t in self.tests)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KataResult:
        tests = [TestResult(**t) for t in data.pop("tests", [])]
        return cls(tests=tests, **data)


def status_of(tests: list[TestResult]) -> str:
    outcomes = {t.outcome for t in tests}
    failures = [t for t in tests if t.outcome in ("failed", "error")]
    if failures and all(t.message.startswith("BROKEN ") for t in failures):
        return "broken"  # the module under test cannot even be imported
    if any(t.message.startswith("TIMEOUT ") for t in failures):
        return "timeout"  # an endless loop: the kata's other tests were not run
    if failures:
        return "fail"
    if "todo" in outcomes:
        return "todo"
    return "pass" if "passed" in outcomes else "fail"  # nothing ran: not green


def read(path: Path, kata: str, seconds: float = 0.0, output: str = "") -> KataResult:
    """The verdict recorded in ``path``. A run that never reached its end is a crash (or, with
    the caller's knowledge, a timeout); a run that collected nothing is broken."""
    tests: dict[str, TestResult] = {}
    running, ended, errors, unavailable = None, False, [], []
    lines = path.read_text().splitlines() if path.exists() else []
    for line in lines:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a kill
        kind = event.pop("event")
        if kind == "start":
            running = event["nodeid"]
        elif kind == "test":
            tests[event["nodeid"]] = TestResult(**event)
            running = None
        elif kind == "collect_error":
            errors.append(event["message"])
        elif kind == "unavailable":
            unavailable.append(event["message"])
        elif kind == "end":
            ended = True
    result = KataResult(kata, status_of(list(tests.values())), list(tests.values()), seconds=seconds, output=output)
    if errors:
        result.status, result.message = "broken", "\n".join(errors)
    elif unavailable and not tests and ended:
        result.status, result.message = "unavailable", "\n".join(unavailable)
    elif not ended:
        result.status = "crash"
        where = f" during {running.split('::', 1)[-1]}" if running else ""
        result.message = f"the check ended without a verdict{where}"
    elif result.status == "broken" and not result.message:  # the module cannot be imported: one line says why
        result.message = next(t.message for t in result.tests if t.outcome in ("failed", "error")).strip().splitlines()[0]
    return result


# --- the pytest plugin ------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--katas-results", default=None, help="append each test's verdict to this file (JSON lines)")


class _Recorder:
    def __init__(self, path: str) -> None:
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115  (open for the whole run)
        self._tests: dict[str, TestResult] = {}

    def _emit(self, **event: Any) -> None:
        self._file.write(json.dumps(event) + "\n")
        self._file.flush()

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self._emit(event="start", nodeid=nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        result = self._tests.setdefault(report.nodeid, TestResult(report.nodeid, "passed"))
        result.duration += report.duration
        if drawn := dict(report.user_properties).get("kata_curve"):
            result.curves = drawn
        if report.passed:
            return
        if report.skipped and result.outcome == "passed":
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            result.outcome, result.message = "skipped", reason.removeprefix("Skipped: ")
        elif report.failed and result.outcome in ("passed", "skipped"):
            todo = dict(report.user_properties).get("kata_todo")
            result.outcome = "todo" if todo else ("failed" if report.when == "call" else "error")
            result.message = report.longreprtext

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        result = self._tests.pop(nodeid, None)
        if result is not None:
            self._emit(event="test", **asdict(result))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self._emit(event="collect_error", message=report.longreprtext)
        elif report.skipped and isinstance(report.longrepr, tuple):  # a kata this environment cannot run
            self._emit(event="unavailable", message=report.longrepr[2].removeprefix("Skipped: "))

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self._emit(event="end", exitstatus=int(exitstatus))
        self._file.close()


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("katas_results")
    if path:
        config.pluginmanager.register(_Recorder(path), "katas-results-recorder")
