"""Run one of a kata's functions in a fresh Python process: "the model without its code".

A deploy kata's point is that a saved model runs where the code that built it is absent. The
tests show it: they build the model from a throw-away module (:func:`throwaway_module`) that only
the test's own process can import, save it with the learner's function, then call the learner's
loading function in a fresh process (:func:`call_in_fresh_process`) that never imported the
tests, the model's class or anything but the kata module.

Under ``--verify`` the function run in the child is the one under test: the solution, the stub
as shipped, or a named mistake or alternative laid over the solution.

A distributed kata runs its function in several such processes at once
(:func:`call_in_parallel_processes`, with a port from :func:`free_port`): the first error in any
of them stops the others, which would otherwise wait for it forever, and nothing is left running.

A new interpreter would spend seconds importing torch or TensorFlow before the learner's code
runs, for every call (and under ``--verify`` for every named mistake), and minutes on a busy
machine. So the processes come from a *zygote*: one interpreter per test session and set of
frameworks (``preload=``), which imports them, and nothing else, and forks a child for each
call. Its imports are not counted against the test's time limit (the limit is paused while the
first call waits for them), as conftest.py leaves a kata's own framework imports out. The child
is as fresh as a new interpreter for what the tests check (it never imported the tests, the
model's class or the kata), runs in its own session, and has not yet touched the frameworks'
devices or threads (TensorFlow's logical devices can still be configured there).

    python -m katas._support.fresh --zygote MODULE...   a zygote (lines "SPEC<TAB>LOG" in, pids out)
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import functools
import itertools
import os
import pickle
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
_counter = itertools.count()


class FreshProcessError(Exception):
    """The function raised in the fresh process; the message carries the child's error and where."""


def throwaway_module(source: str, stem: str = "_kata_model") -> ModuleType:
    """``source`` as a module registered under a unique name that no other process can import
    (it is written nowhere on any path). Classes defined in it can be instantiated and saved
    here; unpickling them elsewhere fails, as it would where the model's code is absent."""
    name = f"{stem}_{os.getpid()}_{next(_counter)}"
    module = ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102
    return module


def _target(kata_module: Any, function: str) -> dict[str, Any]:
    """Where the child finds ``function`` of the kata under test (see loader.KataModule)."""
    kata, mistake = kata_module._kata, kata_module._mistake
    if mistake is not None and mistake.replaces == function:
        return {"module": mistake.impl.__module__, "attribute": mistake.impl.__name__, "topic": kata.topic,
                "name": kata.name, "shipped": False}
    return {"module": kata.module(kata_module._package), "attribute": function, "topic": kata.topic,
            "name": kata.name, "shipped": kata_module._shipped}


def call_in_fresh_process(kata_module: Any, function: str, *args: Any, preload: tuple[str, ...],
                          apply_to: list[Any] | None = None, as_tensors: str | None = None,
                          timeout: float = 120.0) -> tuple[Any, list[str]]:
    """Call ``kata.<function>(*args)`` in a new Python process; return its result and the names of
    every module the child had imported when it returned (so a test can check what it never imported).

    With ``apply_to`` (a list of NumPy arrays) the result is a callable (a loaded model): the
    child calls it on each array and the answer is the list of outputs as NumPy arrays. With
    ``as_tensors="torch"`` each array goes in as a torch tensor.

    Arguments and result travel by pickle: paths, NumPy arrays, numbers, strings. A stub's
    ``NotImplementedError`` comes back as the stub's TODO; any other error as
    :class:`FreshProcessError` with the child's traceback lines that are in the learner's files.
    The child is forked from a zygote that imported ``preload`` (module names: the frameworks the
    function needs; see the module's docstring); its module list includes them.
    """
    from katas._support.loader import KataTodo

    kata_module.accessed.add(function)  # a test that reaches the function only here still reaches it (--verify)
    with tempfile.TemporaryDirectory(prefix="kata-fresh-", ignore_cleanup_errors=True) as folder:
        spec, answer = Path(folder) / "spec.pickle", Path(folder) / "answer.pickle"
        spec.write_bytes(pickle.dumps({"target": _target(kata_module, function), "args": args, "answer": str(answer),
                                       "apply_to": apply_to, "as_tensors": as_tensors}))
        log = Path(folder) / "output.txt"
        child = _start(spec, log, _environment(), preload)
        try:
            child.wait(timeout)
        finally:
            child.kill()
        returncode, output = child.returncode, _text(log)
        if not answer.exists():
            tail = "\n".join(output.strip().splitlines()[-12:])
            raise FreshProcessError(f"the fresh Python process running {function}() ended with exit code "
                                    f"{returncode} and no answer:\n{tail}")
        reply = pickle.loads(answer.read_bytes())
    if "todo" in reply:
        raise KataTodo(*reply["todo"])
    if "error" in reply:
        kind, message, where = reply["error"]
        raise FreshProcessError(f"{kind}: {message}\n  (raised by {function}() in a fresh Python process"
                                + (f", at {where}" if where else "") + ")")
    return reply["result"], reply["modules"]


def free_port(address: str = "127.0.0.1") -> int:
    """A TCP port on ``address`` that nothing listens on now (the system picks it; it is released
    again before this returns, for the processes that will bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((address, 0))
        return probe.getsockname()[1]


def call_in_parallel_processes(kata_module: Any, function: str, calls: list[tuple[Any, ...]], *,
                               preload: tuple[str, ...], labels: list[str] | None = None,
                               timeout: float = 30.0) -> list[dict[str, Any]]:
    """Call ``kata.<function>(*args)`` for every ``args`` in ``calls``, each in its own new Python
    process, all started at once (the ranks of a process group); wait for all of them.

    Returns one dict per call, in the order of ``calls``: ``"result"`` (what the function
    returned, by pickle: torch tensors come back as torch tensors), ``"modules"`` (the modules the
    process had imported), ``"process_group"``: True when torch.distributed's default process
    group was still initialized after the function returned, False when it was not, None when
    the process never imported torch.distributed; and ``"joined"``: whether the function called
    ``torch.distributed.init_process_group``.

    The first process to fail ends the others at once (they would wait for it in a collective
    until their own timeouts) and is raised: a stub's TODO as the stub's TODO
    (``KataTodo``), any other error as :class:`FreshProcessError` whose message is the error as
    the learner's own code raised it (type, message, the lines of the code under test), then
    which process (``labels[i]``, default "process i") raised it. Past ``timeout`` seconds every
    process still running is killed and a FreshProcessError names them. However this returns or
    raises (the test's own time limit, Ctrl-C included), every process it started, and anything
    those started, is killed and reaped first: no process and no bound port stays behind.
    Each process gets ``OMP_NUM_THREADS`` = cores / len(calls) unless the caller's environment sets it.
    The processes are forked from a zygote that imported ``preload``.
    """
    from katas._support.loader import KataTodo

    kata_module.accessed.add(function)  # a test that reaches the function only here still reaches it (--verify)
    labels = labels or [f"process {index}" for index in range(len(calls))]
    env = _environment()
    env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, len(calls)))))
    children: list[_Forked] = []
    with tempfile.TemporaryDirectory(prefix="kata-fresh-", ignore_cleanup_errors=True) as folder:
        answers = [Path(folder) / f"answer-{index}.pickle" for index in range(len(calls))]
        logs = [Path(folder) / f"output-{index}.txt" for index in range(len(calls))]
        try:
            for index, args in enumerate(calls):
                spec = Path(folder) / f"spec-{index}.pickle"
                spec.write_bytes(pickle.dumps({"target": _target(kata_module, function), "args": tuple(args),
                                               "answer": str(answers[index]), "apply_to": None, "as_tensors": None,
                                               "report": True, "probe_process_group": True}))
                children.append(_start(spec, logs[index], env, preload))
            replies: list[dict[str, Any] | None] = [None] * len(calls)
            deadline = time.monotonic() + timeout
            while any(reply is None for reply in replies):
                ended = [index for index, child in enumerate(children) if replies[index] is None and child.poll() is not None]
                # Of the processes that ended since the last look, the one that answered first speaks first:
                # a rank whose partner died fails too ("connection closed"), but after it.
                ended.sort(key=lambda index: answers[index].stat().st_mtime_ns if answers[index].exists() else 0)
                for index in ended:
                    if not answers[index].exists():
                        tail = "\n".join(_text(logs[index]).strip().splitlines()[-12:])
                        raise FreshProcessError(f"the Python process of {labels[index]} running {function}() ended "
                                                f"with exit code {children[index].returncode} and no answer:\n{tail}")
                    reply = replies[index] = pickle.loads(answers[index].read_bytes())
                    if "todo" in reply:
                        raise KataTodo(*reply["todo"])
                    if "error" in reply:
                        kind, message, where = reply["error"]
                        text = reply.get("report") or (f"{kind}: {message}" + (f"\n    at {where}" if where else ""))
                        others = " (the other processes were stopped)" if len(calls) > 1 else ""
                        raise FreshProcessError(f"{text}\n    raised by {function}() in {labels[index]}'s process{others}")
                if any(reply is None for reply in replies):
                    if time.monotonic() > deadline:
                        waiting = [label for label, reply in zip(labels, replies) if reply is None]
                        done = [label for label, reply in zip(labels, replies) if reply is not None]
                        raise FreshProcessError(
                            f"{function}() in {' and '.join(waiting)} did not return within {timeout:g} s"
                            + (f"; {' and '.join(done)} had already returned, so {' and '.join(waiting)} was left "
                               f"waiting for {'it' if len(done) == 1 else 'them'}" if done else "")
                            + " (the processes were stopped)")
                    time.sleep(0.02)
        finally:
            for child in children:  # each child's process group: the child and whatever it started
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass  # the child and everything it started have ended
                child.wait()
    return [{"result": reply["result"], "modules": reply["modules"], "process_group": reply.get("process_group"),
             "joined": reply.get("joined", False)} for reply in replies if reply is not None]


def _text(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


# --- zygotes: one interpreter per set of preloaded modules, forking a child per call ------------

_zygotes: dict[tuple[Any, ...], subprocess.Popen[str]] = {}


class _Forked:
    """A child a zygote forked: what callers here use of ``subprocess.Popen`` (pid, poll, wait,
    returncode). The zygote reaps it and writes its exit code to ``<spec>.exit``."""

    def __init__(self, pid: int, status: Path, zygote: subprocess.Popen[str] | None = None) -> None:
        self.pid, self.status, self.returncode, self.zygote = pid, status, None, zygote

    def poll(self) -> int | None:
        if self.returncode is None and self.status.exists():
            text = self.status.read_text().strip()
            if text:
                self.returncode = int(text)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:  # reaped: its zygote is about to write how it ended, or is gone
                if self._status_written_soon():
                    continue
                self.returncode = -signal.SIGKILL
                break
            if deadline is not None and time.monotonic() > deadline:
                raise FreshProcessError(f"the fresh Python process did not return within {timeout:g} s (it was stopped)")
            time.sleep(0.01)
        return self.returncode

    def _status_written_soon(self, patience: float = 30.0) -> bool:
        """After the zygote reaped the child: wait (while the zygote lives) for the status file it
        writes next, so that nothing writes into the caller's folder after ``wait`` returns (a
        folder being removed then is left non-empty: seen once on a loaded machine)."""
        deadline = time.monotonic() + patience
        while self.zygote is not None and self.zygote.poll() is None and time.monotonic() < deadline:
            if self.status.exists() and self.status.read_text().strip():
                return True
            time.sleep(0.005)
        return self.status.exists() and bool(self.status.read_text().strip())

    def kill(self) -> None:
        """End the child and everything it started (its own session), and wait for it."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.wait()


def _environment() -> dict[str, str]:
    """The environment a fresh process gets: this one's, less ``PYTHONPATH`` (the child finds the
    project from its working directory) and pytest's ``PYTEST_CURRENT_TEST``, which names the test
    running now: a zygote is kept per environment, and that variable alone would make one per test."""
    return {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "PYTEST_CURRENT_TEST"}}


def _start(spec: Path, log: Path, env: dict[str, str], preload: tuple[str, ...]) -> _Forked:
    """Fork a child running ``spec`` (output to ``log``) from the zygote for ``preload`` and
    ``env``, starting that zygote first if there is none yet (it is kept for later calls)."""
    key = (preload, tuple(sorted(env.items())))
    zygote = _zygotes.get(key)
    new = zygote is None or zygote.poll() is not None
    if new:
        zygote = _zygotes[key] = subprocess.Popen(
            [sys.executable, "-m", "katas._support.fresh", "--zygote", *preload], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
            start_new_session=True)
    assert zygote is not None and zygote.stdin is not None and zygote.stdout is not None
    try:
        zygote.stdin.write(f"{spec}\t{log}\n")
        zygote.stdin.flush()
        if new:  # the first answer comes after the zygote's imports: a framework's import is not timed
            with _untimed():
                if not select.select([zygote.stdout], [], [], ZYGOTE_START)[0]:
                    raise FreshProcessError(f"a Python process importing {', '.join(preload)} did not start "
                                            f"within {ZYGOTE_START} s")
        answer = zygote.stdout.readline()
        return _Forked(int(answer), Path(f"{spec}.exit"), zygote)
    except BaseException:  # a broken zygote, or the test's time limit mid-handshake: never reuse it
        _stop(zygote)
        _zygotes.pop(key, None)
        raise


ZYGOTE_START = 600  # seconds a zygote may take to import its frameworks (seconds when quiet, minutes when busy)


@contextlib.contextmanager
def _untimed() -> Iterator[None]:
    """Pause the running test's time limit (conftest.py's ``ITIMER_REAL`` alarm), if there is one,
    for the block, as conftest.py leaves a kata's own framework imports out of it: the time a
    fresh process spends importing torch or TensorFlow is not the code under test (on a busy
    machine it can be most of a kata's budget)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    remaining, interval = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if remaining:
            signal.setitimer(signal.ITIMER_REAL, remaining, interval)


def _stop(zygote: subprocess.Popen[str]) -> None:
    try:
        os.killpg(zygote.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    zygote.wait()


@atexit.register
def _stop_zygotes() -> None:
    for zygote in _zygotes.values():
        if zygote.stdin is not None:
            try:
                zygote.stdin.close()  # it ends its children and leaves
                zygote.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        _stop(zygote)
    _zygotes.clear()


def _zygote(preload: list[str]) -> None:
    """The zygote's side: import ``preload``, then fork a child for each ``SPEC<TAB>LOG`` line on
    stdin (answering its pid) and reap each child, writing its exit code to ``SPEC.exit``."""
    for name in preload:
        importlib.import_module(name)
    children: dict[int, str] = {}
    pending = b""
    try:
        while True:
            readable, _, _ = select.select([0], [], [], 0.02 if children else None)
            while children:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                try:
                    Path(children.pop(pid)).write_text(str(os.waitstatus_to_exitcode(status)))
                except OSError:  # its caller is gone, with its folder
                    pass
            if not readable:
                continue
            chunk = os.read(0, 65536)
            if not chunk:
                return
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                spec, log = line.decode().split("\t")
                pid = os.fork()
                if pid == 0:
                    _forked_child(spec, log)
                children[pid] = f"{spec}.exit"
                sys.stdout.write(f"{pid}\n")
                sys.stdout.flush()
    finally:
        for pid in children:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def _forked_child(spec: str, log: str) -> None:
    """In a child of the zygote: run ``spec`` (the call it describes) and exit."""
    code = 1
    try:
        os.setsid()  # its own session and process group: killed with everything it starts
        output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        _child(spec)
        code = 0
    except BaseException:  # noqa: BLE001 - reported in its log, as an interpreter would
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _load(target: dict[str, Any]) -> Any:
    if target["shipped"]:
        from katas._support.curriculum import by_id
        from katas._support.loader import _import_shipped_stub

        module = _import_shipped_stub(by_id()[f"{target['topic']}/{target['name']}"])
    else:
        module = importlib.import_module(target["module"])
    return getattr(module, target["attribute"])


def _as_tensor(array: Any, kind: str | None) -> Any:
    if kind == "torch":
        import torch

        return torch.from_numpy(array)
    return array


def _to_numpy(value: Any) -> Any:
    import numpy as np

    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu()
    return np.asarray(value)


def _record_joins(joined: list[bool]) -> None:
    """Make torch.distributed.init_process_group note each call in ``joined`` (before the kata's
    module is loaded, so a ``from torch.distributed import init_process_group`` gets it too)."""
    if "torch" not in sys.modules:  # a process for a kata without torch: nothing to join
        return
    import torch.distributed as distributed

    if not distributed.is_available():
        return
    original = distributed.init_process_group

    @functools.wraps(original)
    def init_process_group(*args: Any, **kwargs: Any) -> Any:
        joined.append(True)
        return original(*args, **kwargs)

    distributed.init_process_group = init_process_group


def _child(spec_path: str) -> None:
    from katas._support.quiet import quiet_frameworks

    quiet_frameworks()
    spec = pickle.loads(Path(spec_path).read_bytes())
    joined: list[bool] = []
    if spec.get("probe_process_group"):
        _record_joins(joined)
    try:
        value = _load(spec["target"])(*spec["args"])
        if spec["apply_to"] is not None:
            value = [_to_numpy(value(_as_tensor(x, spec["as_tensors"]))) for x in spec["apply_to"]]
        result: dict[str, Any] = {"result": value}
    except Exception as error:  # noqa: BLE001 - every error goes back to the test
        from katas._support.loader import stub_location

        # The stub's own TODO only: a NotImplementedError a framework raises under the learner's
        # code (an exported module's .eval()) is the learner's error, reported as one.
        innermost = traceback.extract_tb(error.__traceback__)[-1].filename
        if (isinstance(error, NotImplementedError) and (location := stub_location(error))
                and Path(innermost).resolve() == ROOT / location[0]):
            result = {"todo": location}
        else:
            frames = [f for f in traceback.extract_tb(error.__traceback__)
                      if f.filename.startswith(str(ROOT)) and "/_support/" not in f.filename]
            where = f"{Path(frames[-1].filename).relative_to(ROOT)}:{frames[-1].lineno}: {frames[-1].line}" if frames else ""
            result = {"error": (type(error).__name__, str(error).strip().splitlines()[0][:300] if str(error).strip()
                                else "", where)}
            if spec.get("report"):  # the error as the learner's own code raised it (loader.own_error)
                from katas._support.loader import own_error

                result["report"] = own_error(error)
    result["modules"] = sorted(sys.modules)
    if spec.get("probe_process_group"):
        distributed = sys.modules.get("torch.distributed")
        result["process_group"] = None if distributed is None else bool(
            distributed.is_available() and distributed.is_initialized())
        result["joined"] = bool(joined)
    try:
        payload = pickle.dumps(result)
    except Exception as error:  # noqa: BLE001 - a result that cannot travel is the learner's to fix
        payload = pickle.dumps({"error": ("TypeError", f"the result cannot be sent back to the test "
                                          f"({type(error).__name__}: {error}); return NumPy arrays or plain values", ""),
                                "modules": result["modules"]})
    Path(spec["answer"]).write_bytes(payload)


if __name__ == "__main__":
    _zygote(sys.argv[2:])  # python -m katas._support.fresh --zygote MODULE...
