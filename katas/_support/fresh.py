"""Run one of a kata's functions in a fresh Python process: "the model without its code".

A deploy kata's point is that a saved model runs where the code that built it is absent. The
tests show it: they build the model from a throw-away module (:func:`throwaway_module`) that only
the test's own process can import, save it with the learner's function, then call the learner's
loading function in a new interpreter (:func:`call_in_fresh_process`) that never imported the
tests, the model's class or anything but the kata module.

Under ``--verify`` the function run in the child is the one under test: the solution, the stub
as shipped, or a named mistake or alternative laid over the solution.

    python -m katas._support.fresh SPEC      the child's side (SPEC: a pickle the parent wrote)
"""

from __future__ import annotations

import importlib
import itertools
import os
import pickle
import subprocess
import sys
import tempfile
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
    result["modules"] = sorted(sys.modules)
    try:
        payload = pickle.dumps(result)
    except Exception as error:  # noqa: BLE001 - a result that cannot travel is the learner's to fix
        payload = pickle.dumps({"error": ("TypeError", f"the result cannot be sent back to the test "
                                          f"({type(error).__name__}: {error}); return NumPy arrays or plain values", ""),
                                "modules": result["modules"]})
    Path(spec["answer"]).write_bytes(payload)


if __name__ == "__main__":
    _child(sys.argv[1])
