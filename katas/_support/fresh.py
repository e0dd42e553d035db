"""Run one of a kata's functions in a fresh Python process: "the model without its code".

A deploy kata's point is that a saved model runs where the code that built it is absent. The
tests show it: they build the model from a throw-away module (:func:`throwaway_module`) that only
the test's own process can import, save it with the learner's function, then call the learner's
loading function in a new interpreter (:func:`call_in_fresh_process`) that never imported the
tests, the model's class or anything but the kata module.

Under ``--verify`` the function run in the child is the one under test: the solution, the stub
as shipped, or a named mistake or alternative laid over the solution.

A distributed kata runs its function in several such processes at once
(:func:`call_in_parallel_processes`, with a port from :func:`free_port`): the first error in any
of them stops the others, which would otherwise wait for it forever, and nothing is left running.

    python -m katas._support.fresh SPEC      the child's side (SPEC: a pickle the parent wrote)
"""

from __future__ import annotations

import importlib
import itertools
import os
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

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


def call_in_fresh_process(kata_module: Any, function: str, *args: Any, apply_to: list[Any] | None = None,
                          as_tensors: str | None = None, timeout: float = 120.0) -> tuple[Any, list[str]]:
    """Call ``kata.<function>(*args)`` in a new Python process; return its result and the names of
    every module the child had imported when it returned (so a test can check what it never imported).

    With ``apply_to`` (a list of NumPy arrays) the result is a callable (a loaded model): the
    child calls it on each array and the answer is the list of outputs as NumPy arrays. With
    ``as_tensors="torch"`` each array goes in as a torch tensor.

    Arguments and result travel by pickle: paths, NumPy arrays, numbers, strings. A stub's
    ``NotImplementedError`` comes back as the stub's TODO; any other error as
    :class:`FreshProcessError` with the child's traceback lines that are in the learner's files.
    """
    from katas._support.loader import KataTodo

    kata_module.accessed.add(function)  # a test that reaches the function only here still reaches it (--verify)
    with tempfile.TemporaryDirectory(prefix="kata-fresh-") as folder:
        spec, answer = Path(folder) / "spec.pickle", Path(folder) / "answer.pickle"
        spec.write_bytes(pickle.dumps({"target": _target(kata_module, function), "args": args, "answer": str(answer),
                                       "apply_to": apply_to, "as_tensors": as_tensors}))
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        done = subprocess.run([sys.executable, "-m", "katas._support.fresh", str(spec)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
        if not answer.exists():
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-12:])
            raise FreshProcessError(f"the fresh Python process running {function}() ended with exit code "
                                    f"{done.returncode} and no answer:\n{tail}")
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
                               labels: list[str] | None = None, timeout: float = 30.0) -> list[dict[str, Any]]:
    """Call ``kata.<function>(*args)`` for every ``args`` in ``calls``, each in its own new Python
    process, all started at once (the ranks of a process group); wait for all of them.

    Returns one dict per call, in the order of ``calls``: ``"result"`` (what the function
    returned, by pickle: torch tensors come back as torch tensors), ``"modules"`` (the modules the
    process had imported) and ``"process_group"``: True when torch.distributed's default process
    group was still initialized after the function returned, False when it was not, None when
    the process never imported torch.distributed.

    The first process to fail ends the others at once (they would wait for it in a collective
    until their own timeouts) and is raised: a stub's TODO as the stub's TODO
    (``KataTodo``), any other error as :class:`FreshProcessError` whose message is the error as
    the learner's own code raised it (type, message, the lines of the code under test), then
    which process (``labels[i]``, default "process i") raised it. Past ``timeout`` seconds every
    process still running is killed and a FreshProcessError names them. However this returns or
    raises (the test's own time limit, Ctrl-C included), every process it started, and anything
    those started, is killed and reaped first: no process and no bound port stays behind.
    Each process gets ``OMP_NUM_THREADS`` = cores / len(calls) unless the caller's environment sets it.
    """
    from katas._support.loader import KataTodo

    kata_module.accessed.add(function)  # a test that reaches the function only here still reaches it (--verify)
    labels = labels or [f"process {index}" for index in range(len(calls))]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, len(calls)))))
    children: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory(prefix="kata-fresh-") as folder:
        answers = [Path(folder) / f"answer-{index}.pickle" for index in range(len(calls))]
        logs = [Path(folder) / f"output-{index}.txt" for index in range(len(calls))]
        try:
            for index, args in enumerate(calls):
                spec = Path(folder) / f"spec-{index}.pickle"
                spec.write_bytes(pickle.dumps({"target": _target(kata_module, function), "args": tuple(args),
                                               "answer": str(answers[index]), "apply_to": None, "as_tensors": None,
                                               "report": True, "probe_process_group": True}))
                with logs[index].open("wb") as log:
                    children.append(subprocess.Popen([sys.executable, "-m", "katas._support.fresh", str(spec)], cwd=ROOT,
                                                     env=env, stdout=log, stderr=subprocess.STDOUT,
                                                     start_new_session=True))  # its own group: killed with all it starts
            replies: list[dict[str, Any] | None] = [None] * len(calls)
            deadline = time.monotonic() + timeout
            while any(reply is None for reply in replies):
                ended = [index for index, child in enumerate(children) if replies[index] is None and child.poll() is not None]
                # Of the processes that ended since the last look, the one that answered first speaks first:
                # a rank whose partner died fails too ("connection closed"), but after it.
                ended.sort(key=lambda index: answers[index].stat().st_mtime_ns if answers[index].exists() else 0)
                for index in ended:
                    if not answers[index].exists():
                        tail = "\n".join(logs[index].read_text(errors="replace").strip().splitlines()[-12:])
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
                        raise FreshProcessError(f"{function}() in {' and '.join(waiting)} did not return within "
                                                f"{timeout:g} s (the processes were stopped)")
                    time.sleep(0.02)
        finally:
            for child in children:  # each child's process group: the child and whatever it started
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass  # the child and everything it started have ended
                child.wait()
    return [{"result": reply["result"], "modules": reply["modules"], "process_group": reply.get("process_group")}
            for reply in replies if reply is not None]


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


def _child(spec_path: str) -> None:
    from katas._support.quiet import quiet_frameworks

    quiet_frameworks()
    spec = pickle.loads(Path(spec_path).read_bytes())
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
    try:
        payload = pickle.dumps(result)
    except Exception as error:  # noqa: BLE001 - a result that cannot travel is the learner's to fix
        payload = pickle.dumps({"error": ("TypeError", f"the result cannot be sent back to the test "
                                          f"({type(error).__name__}: {error}); return NumPy arrays or plain values", ""),
                                "modules": result["modules"]})
    Path(spec["answer"]).write_bytes(payload)


if __name__ == "__main__":
    _child(sys.argv[1])
