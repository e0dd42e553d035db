"""The warm re-check: a process that keeps the frameworks imported and forks one child per check.

A cold ``pytest`` of one kata spends seconds importing torch or TensorFlow before the first test
runs. The server (``python -m katas._runner.warm``) imports pytest, Hypothesis, the project's
conftest and the frameworks a kata needs once; each check is then a ``fork()`` whose child runs
``pytest.main`` on that kata's test file with the same options and plugins as a cold run, and
exits. The child starts from the server's memory, which never held a learner's module or a
test module, so every check imports the learner's latest saved code, as a cold run does.

While the learner practises one kata, the server keeps a *standby* child for it: forked after
each check, it has already done what does not depend on the learner's code (pytest's start-up,
its plugins, collecting the test file) and waits. The next check of that kata, with the same
options and an unchanged test file, just tells it to go on; its tests then import the saved
code as any check does (the stub is imported inside the tests, never at collection). Anything
else (another kata, other options, an edited test file) discards it and forks afresh.

A child runs in its own process group with stdin closed and its output captured: a crash,
``os._exit()`` or an endless loop in the learner's code ends that child (a timeout kills its
group), never the server or the runner.

Protocol: JSON lines. Requests on the server's stdin::

    {"op": "load", "frameworks": ["torch"]}
    {"op": "check", "id": 7, "kata": "autograd/derivative", "args": [...], "timeout": 60, "standby": true}
    {"op": "cancel", "id": 7}

events on its stdout: ``{"event": "loaded", ...}``, ``{"event": "result", "id": 7, "result": {...},
"standby": true}`` (true: run by a standby child).
The client is :class:`WarmChecker`.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from katas._runner import results
from katas._support import curriculum
from katas._support.curriculum import ROOT
from katas._support.frameworks import installed
from katas._support.gcpause import heavy_imports

# What each framework of the manifest needs imported to be warm: the framework itself and the
# parts tests reach lazily (torch.optim pulls in torch._dynamo, about a second on first use).
WARM_IMPORTS = {
    "torch": ("torch", "torch.nn", "torch.optim", "torch.utils.data", "torch.func", "torch._dynamo"),
    "keras": ("keras",),
    "tensorflow": ("tensorflow",),
}
BASE_IMPORTS = ("pytest", "hypothesis", "hypothesis.extra.numpy", "numpy", "katas._support.checks",
                "katas._support.strategies", "katas._support.data", "_pytest.python", "_pytest.runner")


def pytest_args(kata: curriculum.Kata, *, solutions: bool = False, device: str = "",
                timeout: float | None = None, results_file: Path | None = None) -> list[str]:
    """The pytest command line of one kata check, the same for a warm and a cold run. Without a
    ``timeout`` each test gets the kata's budget from the manifest."""
    args = [str(kata.tests.relative_to(ROOT)), "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
            "-p", "katas._runner.results"]
    if timeout is not None:
        args.append(f"--kata-timeout={timeout:g}")
    if solutions:
        args.append("--solutions")
    if device:
        args.append(f"--device={device}")
    if results_file is not None:
        args.append(f"--katas-results={results_file}")
    return args


def cold_check(kata: curriculum.Kata, *, solutions: bool = False, device: str = "", timeout: float | None = None,
               python: str = sys.executable) -> results.KataResult:
    """Run one kata's tests in a fresh ``python -m pytest`` (what a learner's own pytest does)."""
    with tempfile.TemporaryDirectory(prefix="katas-cold-") as scratch:
        path = Path(scratch) / "results.jsonl"
        started = time.perf_counter()
        done = subprocess.run(
            [python, "-m", "pytest", *pytest_args(kata, solutions=solutions, device=device, timeout=timeout,
                                                   results_file=path)],
            cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
        )
        return results.read(path, kata.id, time.perf_counter() - started, done.stdout + done.stderr)


# --- the server ---------------------------------------------------------------------------------


def _say(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def _load(frameworks: Iterable[str], loaded: set[str]) -> None:
    # Imported with only young garbage collected, then frozen (gcpause): each child's collections
    # only scan what that child made.
    with heavy_imports():
        for framework in frameworks:
            if framework in loaded or not installed(framework):  # an unavailable kata's check just skips
                continue
            for name in WARM_IMPORTS.get(framework, ()):
                importlib.import_module(name)
            loaded.add(framework)
    _scan_constants()


def _scan_constants() -> None:
    """Let Hypothesis read the constants of the modules imported so far, once, here: each child
    would otherwise look through the thousands of framework modules again (about 0.1 s) before
    its first test. The child still reads the modules it imports itself, as a cold run does."""
    try:
        from hypothesis.internal.conjecture.providers import _get_local_constants
    except ImportError:  # another Hypothesis: each child does it, as before
        return
    _get_local_constants()


@dataclass
class _Job:
    id: int
    kata: curriculum.Kata
    pid: int
    scratch: Path
    deadline: float
    started: float
    waiter: int | None  # a pidfd, readable once the child has exited (Linux)
    budget: float = 60.0  # seconds the check may go without finishing a test
    request: dict[str, Any] | None = None  # what asked for it: a standby is made like it
    ready: bool = False  # run by a standby child (collected before the save)
    seen: int = 0  # bytes of its results file when last looked at
    told: str = ""  # the running test last reported to the client

    def running_test(self) -> str:
        """The test the child is in now (the last ``start`` without its ``test``), or ""."""
        try:
            lines = (self.scratch / "results.jsonl").read_text().splitlines()
        except OSError:
            return ""
        for line in reversed(lines):
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            return event["nodeid"].split("::", 1)[-1] if event.get("event") == "start" else ""
        return ""

    def progressed(self) -> bool:
        """True (and the deadline moved on) when a test finished since the last look. A slow
        kata on a busy machine is never killed while its tests keep finishing; only a check
        that finishes no test for ``budget`` seconds is (an endless loop the alarm missed)."""
        try:
            size = (self.scratch / "results.jsonl").stat().st_size
        except OSError:
            return False
        if size == self.seen:
            return False
        self.seen, self.deadline = size, time.perf_counter() + self.budget
        return True


def _hold(fd: int, kata: curriculum.Kata) -> Any:
    """A standby child's plugin: once the test file is collected, wait for the server's word
    (``g``: go on; end of file: leave without a sound), before anything reads the learner's code."""
    import pytest

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems() -> None:
        if os.read(fd, 1) != b"g":
            os._exit(0)
        os.close(fd)
        _forget_bytecode(kata)

    return SimpleNamespace(pytest_collection_modifyitems=pytest_collection_modifyitems)


def _forget_bytecode(kata: curriculum.Kata) -> None:
    # Bytecode is validated by the source's size and mtime in whole seconds: a save within
    # the same second as the last check, of the same size, would run stale bytecode.
    for source in kata.stub.parent.glob("*.py"):
        Path(importlib.util.cache_from_source(str(source))).unlink(missing_ok=True)


def _child(kata: curriculum.Kata, args: list[str], scratch: Path, hold: int | None = None) -> None:
    """In the forked child: run pytest on the kata and leave. Never returns. With ``hold`` (a
    pipe's reading end), stand by after collecting until the server says go (:func:`_hold`)."""
    code = 70
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        out = os.open(scratch / "output.txt", os.O_WRONLY | os.O_CREAT, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        sys.dont_write_bytecode = True
        import pytest

        if hold is None:
            _forget_bytecode(kata)
            code = int(pytest.main(args))
        else:
            code = int(pytest.main(args, plugins=[_hold(hold, kata)]))
    except BaseException:  # noqa: BLE001  (report anything, then leave without unwinding)
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


@dataclass
class _Standby:
    """A child that has collected ``kata``'s tests with ``args`` and waits on ``go`` (a pipe)."""

    kata: curriculum.Kata
    args: list[str]
    pid: int
    go: int
    scratch: Path
    tests: tuple[int, int, int] | None  # the test file's stamp before the child read it

    @classmethod
    def fork(cls, kata: curriculum.Kata, args: list[str]) -> _Standby:
        scratch = Path(tempfile.mkdtemp(prefix="katas-check-"))
        tests = _stamp(kata.tests)
        wait, go = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(go)
            _child(kata, [*args, f"--katas-results={scratch / 'results.jsonl'}"], scratch, hold=wait)
        os.close(wait)
        return cls(kata, args, pid, go, scratch, tests)

    def start(self, request: dict[str, Any]) -> _Job | None:
        """The check ``request`` asks for, run by this child, if it still fits; else None."""
        if request["kata"] != self.kata.id or request["args"] != self.args or _stamp(self.kata.tests) != self.tests:
            return None
        if os.waitpid(self.pid, os.WNOHANG)[0] != 0:  # it ended while waiting (a collection error?)
            return None
        started = time.perf_counter()
        try:
            os.write(self.go, b"g")
        except OSError:
            return None
        os.close(self.go)
        waiter = os.pidfd_open(self.pid) if hasattr(os, "pidfd_open") else None
        return _Job(request["id"], self.kata, self.pid, self.scratch, started + request["timeout"], started, waiter,
                    budget=request["timeout"], request=request, ready=True)

    def discard(self) -> None:
        try:
            os.close(self.go)
        except OSError:
            pass
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):  # not yet its own group leader
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        shutil.rmtree(self.scratch, ignore_errors=True)


def serve(jobs: int) -> None:
    """Answer requests on stdin until it closes."""
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the runner decides when the server stops
    loaded: set[str] = set()
    with heavy_imports():
        for name in BASE_IMPORTS:
            importlib.import_module(name)
        importlib.import_module("conftest")  # pytest finds it in sys.modules: same file, same module
    _scan_constants()
    katas = curriculum.by_id()
    queue: list[dict[str, Any]] = []
    running: dict[int, _Job] = {}
    standby: _Standby | None = None
    wanted: dict[str, Any] | None = None  # the last finished check that asked for a standby
    stdin = sys.stdin.fileno()
    buffer = b""
    _say(event="ready", pid=os.getpid())
    while True:
        while queue and len(running) < jobs:
            request = queue.pop(0)
            kata = katas[request["kata"]]
            if standby is not None:  # ready for this check, or in the way
                waiting, standby = standby, None
                if (job := waiting.start(request)) is not None:
                    running[request["id"]] = job
                    continue
                waiting.discard()
            if not set(kata.frameworks) <= loaded:
                started = time.perf_counter()
                _load(kata.frameworks, loaded)
                _say(event="loaded", frameworks=sorted(loaded), seconds=time.perf_counter() - started)
            scratch = Path(tempfile.mkdtemp(prefix="katas-check-"))
            args = [*request["args"], f"--katas-results={scratch / 'results.jsonl'}"]
            started = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                _child(kata, args, scratch)
            waiter = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
            running[request["id"]] = _Job(request["id"], kata, pid, scratch, started + request["timeout"], started,
                                          waiter, budget=request["timeout"], request=request)
        waiters = [job.waiter for job in running.values() if job.waiter is not None]
        now = time.perf_counter()
        wait = min((job.deadline for job in running.values()), default=now + 3600) - now
        if running:
            wait = min(wait, 0.5)  # say which test runs, twice a second
        if running and len(waiters) < len(running):
            wait = min(wait, 0.01)  # no pidfd: poll
        readable, _, _ = select.select([stdin, *waiters], [], [], max(0.0, wait))
        if stdin in readable:
            chunk = os.read(stdin, 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                request = json.loads(line)
                if request["op"] == "check":
                    queue.append(request)
                elif request["op"] == "load":
                    started = time.perf_counter()
                    _load(request["frameworks"], loaded)
                    _say(event="loaded", frameworks=sorted(loaded), seconds=time.perf_counter() - started)
                elif request["op"] == "cancel":
                    queue = [r for r in queue if r["id"] != request["id"]]
                    if (job := running.pop(request["id"], None)) is not None:
                        _finish(job, killed=True)
        for job in list(running.values()):
            status = _reap(job)
            if status is None and (time.perf_counter() < job.deadline or job.progressed()):
                if (test := job.running_test()) and test != job.told and time.perf_counter() - job.started > 1:
                    job.told = test  # only for checks that take a while: quick ones just show their verdict
                    _say(event="running", id=job.id, test=test, seconds=time.perf_counter() - job.started)
                continue
            del running[job.id]
            result = _finish(job, killed=status is None, status=status)
            _say(event="result", id=job.id, result=result.to_json(), standby=job.ready)
            if job.request and job.request.get("standby"):
                wanted = job.request
        if wanted is not None and not queue and not running:
            if standby is not None:
                standby.discard()
            standby, wanted = _Standby.fork(katas[wanted["kata"]], wanted["args"]), None
    for job in running.values():
        _finish(job, killed=True)
    if standby is not None:
        standby.discard()


def _reap(job: _Job) -> int | None:
    pid, status = os.waitpid(job.pid, os.WNOHANG)
    return None if pid == 0 else status


def _finish(job: _Job, *, killed: bool, status: int | None = None) -> results.KataResult:
    seconds = time.perf_counter() - job.started
    if killed:
        try:
            os.killpg(job.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(job.pid, 0)
    if job.waiter is not None:
        os.close(job.waiter)
    output = (job.scratch / "output.txt").read_text(errors="replace") if (job.scratch / "output.txt").exists() else ""
    result = results.read(job.scratch / "results.jsonl", job.kata.id, seconds, output)
    shutil.rmtree(job.scratch, ignore_errors=True)
    if killed:
        result.status = "timeout"
        where = result.message.removeprefix("the check ended without a verdict").strip()
        result.message = f"no verdict after {seconds:.0f} s{' ' + where if where else ''}: an endless loop?"
    elif result.status == "crash" and status is not None:
        code = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        result.message += f" ({how}): os._exit() or a crash in native code?"
    return result


# --- the client ---------------------------------------------------------------------------------


class ServerGone(RuntimeError):
    """The warm server ended; its last words are the message."""


class WarmChecker:
    """Starts the server and talks to it. ``on_event`` is called from a reader thread with each
    event (``ready``, ``loaded``, ``result``, ``gone``)."""

    def __init__(self, on_event: Callable[[dict[str, Any]], None], *, jobs: int = 1,
                 python: str = sys.executable) -> None:
        self._on_event = on_event
        self._ids = itertools.count(1)
        self._log = tempfile.TemporaryFile(mode="w+")
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [python, "-m", "katas._runner.warm", str(jobs)], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self._log, text=True, bufsize=1, start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True, name="katas-warm-reader")
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("event") == "result":
                event["result"] = results.KataResult.from_json(event["result"])
            self._on_event(event)
        self._process.wait()
        try:
            self._log.seek(0)
            log = self._log.read()[-2000:]
        except ValueError:  # close() closed the log first: nobody waits for the server's last words
            return
        self._on_event({"event": "gone", "returncode": self._process.returncode, "log": log})

    def _send(self, **request: Any) -> None:
        assert self._process.stdin is not None
        with self._lock:
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
                self._process.stdin.flush()
            except (BrokenPipeError, ValueError) as error:
                raise ServerGone("the warm checker stopped") from error

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def load(self, frameworks: Iterable[str]) -> None:
        self._send(op="load", frameworks=sorted(set(frameworks)))

    def check(self, kata: curriculum.Kata, *, solutions: bool = False, device: str = "",
              timeout: float | None = None, standby: bool = False) -> int:
        """Queue a check of ``kata``; its result arrives as a ``result`` event with this id. With
        ``standby``, the server then keeps a child ready for the next check of the same kata."""
        request_id = next(self._ids)
        args = pytest_args(kata, solutions=solutions, device=device, timeout=timeout)
        limit = kata.time_limit(timeout)  # 0: no limit, as for pytest's --kata-timeout
        self._send(op="check", id=request_id, kata=kata.id, args=args, timeout=limit + 2 if limit else 7 * 24 * 3600,
                   standby=standby)
        return request_id

    def cancel(self, request_id: int) -> None:
        self._send(op="cancel", id=request_id)

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                assert self._process.stdin is not None
                self._process.stdin.close()
                self._process.wait(timeout=5)
            except (subprocess.TimeoutExpired, BrokenPipeError, OSError):
                self._process.kill()
                self._process.wait()
        if self._reader is not threading.current_thread():
            self._reader.join(timeout=5)  # its last read of the log comes before the log is closed
        self._log.close()


def check_many(katas: list[curriculum.Kata], *, solutions: bool = False, device: str = "", timeout: float | None = None,
               jobs: int | None = None, on_result: Callable[[results.KataResult], None] | None = None,
               ) -> list[results.KataResult]:
    """Check several katas in parallel on one warm server; results in the order of ``katas``."""
    import queue

    events: queue.Queue[dict[str, Any]] = queue.Queue()
    checker = WarmChecker(events.put, jobs=jobs or max(1, min(len(katas), os.cpu_count() or 1)))
    try:
        checker.load({f for kata in katas for f in kata.frameworks})
        ids = {checker.check(kata, solutions=solutions, device=device, timeout=timeout): kata for kata in katas}
        found: dict[int, results.KataResult] = {}
        while len(found) < len(ids):
            event = events.get()
            if event["event"] == "result":
                found[event["id"]] = event["result"]
                if on_result:
                    on_result(event["result"])
            elif event["event"] == "gone":
                raise ServerGone(f"the warm checker stopped (exit code {event['returncode']}): {event['log']}")
        return [found[request_id] for request_id in ids]
    finally:
        checker.close()


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
