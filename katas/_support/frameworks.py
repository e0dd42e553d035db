"""Which frameworks this environment has, and which Keras backend runs here, without importing any.

Every kata lists the frameworks its stub imports (``frameworks`` in ``katas/curriculum.toml``);
a kata that also needs a particular Keras backend says so in ``keras_backends``. A kata this
environment cannot run is skipped with the reason (see :func:`unavailable`), never run into an
ImportError and never passed.

Keras 3 runs on TensorFlow, PyTorch or JAX. It reads the backend from ``KERAS_BACKEND``, else
from ``keras.json`` in ``KERAS_HOME`` (default ``~/.keras``), else uses TensorFlow. On a machine
without TensorFlow that default cannot work, so :func:`choose_keras_backend` picks an installed
backend when none was chosen.

``katas env`` prints the versions; ``katas env --expect ENV_NAME`` also fails when they differ
from what a tox env name says (``py311-torch213-notf-keras315-torchbackend``).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from katas._support.quiet import quiet_frameworks

if TYPE_CHECKING:
    from katas._support.curriculum import Kata

#: What a learner reads for each module name.
NAMES = {"torch": "PyTorch", "tensorflow": "TensorFlow", "keras": "Keras", "jax": "JAX", "onnx": "ONNX",
         "onnxscript": "ONNX Script", "onnxruntime": "ONNX Runtime", "ai_edge_litert": "LiteRT", "tensorboard": "TensorBoard"}
#: The distributions that provide each module, first match wins (tensorflow-cpu on Linux).
DISTRIBUTIONS = {
    "torch": ("torch",),
    "tensorflow": ("tensorflow-cpu", "tensorflow", "tensorflow-macos", "tf-nightly"),
    "keras": ("keras",),
    "jax": ("jax",),
    "ai_edge_litert": ("ai-edge-litert",),
    "tensorboard": ("tensorboard",),
}
#: The Keras backends, in the order one is chosen when none is configured.
KERAS_BACKENDS = ("tensorflow", "torch", "jax")
#: What to install for each framework (extras of this project, see pyproject.toml).
INSTALL = {"torch": ".[torch]", "tensorflow": ".[tensorflow]", "keras": ".[keras]", "jax": "jax", "onnx": ".[onnx]",
           "onnxscript": ".[onnx]", "onnxruntime": ".[onnx]", "ai_edge_litert": ".[litert]", "tensorboard": ".[observe]"}


@functools.cache
def installed(module: str) -> bool:
    """Whether ``module`` can be imported here (looked up, not imported)."""
    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def version(module: str) -> str | None:
    """The installed version of the distribution that provides ``module``, or None."""
    import importlib.metadata  # here, not at the top: about 20 ms that `import katas` need not pay

    for distribution in DISTRIBUTIONS.get(module, (module,)):
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _keras_config() -> Path:
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "keras.json"


def keras_backend() -> tuple[str, str]:
    """(backend, where it was chosen) as Keras will resolve it, read without importing Keras."""
    if os.environ.get("KERAS_BACKEND"):
        return os.environ["KERAS_BACKEND"], "KERAS_BACKEND"
    try:
        backend = json.loads(_keras_config().read_text()).get("backend")
    except (OSError, ValueError, AttributeError):
        backend = None
    if backend:
        return str(backend), str(_keras_config())
    return "tensorflow", "Keras' default"


def choose_keras_backend() -> None:
    """Pick an installed Keras backend when the configured one is not installed.

    Only when the learner chose none in ``KERAS_BACKEND``; an explicit choice is always kept
    (and fails loudly if its framework is missing). Sets ``KERAS_BACKEND`` for this process and
    its children, before anything imports Keras.
    """
    if os.environ.get("KERAS_BACKEND") or not installed("keras"):
        return
    backend, _ = keras_backend()
    if backend in KERAS_BACKENDS and installed(backend):
        return
    for candidate in KERAS_BACKENDS:
        if installed(candidate):
            os.environ["KERAS_BACKEND"] = candidate
            return


def set_up() -> None:
    """Before any framework is imported: quiet start-up logs and a Keras backend that is installed."""
    quiet_frameworks()
    choose_keras_backend()


#: The two frameworks of a side-by-side kata: PyTorch functions beside their ``tf_`` twins.
HALVES = ("torch", "tensorflow")


def is_side_by_side(kata: Kata) -> bool:
    return set(kata.frameworks) == set(HALVES)


def missing_half(kata: Kata) -> str | None:
    """The framework of the half of a side-by-side kata this environment cannot run ("tensorflow"
    on a torch-only install), or None when both halves (or neither) can run."""
    if not is_side_by_side(kata):
        return None
    absent = [name for name in HALVES if not installed(name)]
    return absent[0] if len(absent) == 1 else None


def half_label(kata: Kata) -> str | None:
    """"torch half" or "TensorFlow half": what runs here of a half-runnable kata."""
    absent = missing_half(kata)
    return None if absent is None else ("TensorFlow half" if absent == "torch" else "torch half")


def half_reason(kata: Kata | None, framework: str) -> str:
    """Why a test of the other half is skipped, and what to do."""
    half = "TensorFlow (tf_...)" if framework == "tensorflow" else "PyTorch"
    return (f"{kata.id + ': ' if kata else ''}the {half} half needs {NAMES[framework]}, which is not installed "
            f"in this environment (pip install -e '{INSTALL[framework]}')")


def half_of(name: str) -> str:
    """Which half of a side-by-side kata a public name belongs to: tf_... is TensorFlow's."""
    return "tensorflow" if name.startswith("tf_") else "torch"


_importing = 0  # > 0 while stand_ins() imports a half-runnable kata's modules


class _Absent(ModuleType):
    """Stands in for a framework that is not installed while a half-runnable kata's modules are
    imported: ``import tensorflow as tf`` and annotations such as ``tf.Tensor`` work; using it
    (calling anything) skips the test that does, with the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name)
        self.__reason = reason
        self.__path__: list[str] = []  # a package: `import torch.nn` and `from torch.nn import functional` work

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return _AbsentThing(f"{self.__name__}.{attribute}", self.__reason)


class _AbsentFinder:
    """Finds the stand-in's submodules (``torch.nn.functional``) while the stand-in is in place."""

    def __init__(self, root: str, reason: str) -> None:
        self.root, self.reason = root, reason

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if not fullname.startswith(self.root + "."):
            return None
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec: Any) -> ModuleType:
        return _Absent(spec.name, self.reason)

    def exec_module(self, module: ModuleType) -> None:
        pass


class _AbsentThing:
    def __init__(self, name: str, reason: str) -> None:
        self._name, self._reason = name, reason

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return _AbsentThing(f"{self._name}.{attribute}", self._reason)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if _importing and len(args) == 1 and not kwargs and callable(args[0]):
            reason = self._reason  # a decorator at import time (@tf.custom_gradient): keep the name

            @functools.wraps(args[0])
            def skips(*_: Any, **__: Any) -> Any:
                import pytest

                raise pytest.skip.Exception(reason)

            return skips
        if _importing:  # at import time (a decorator factory, a parametrize value): decide when used
            return _AbsentThing(f"{self._name}(...)", self._reason)
        import pytest

        raise pytest.skip.Exception(self._reason)

    def __getitem__(self, key: Any) -> Any:
        return self

    def __or__(self, other: Any) -> Any:  # annotations: torch.Tensor | None
        return self

    __ror__ = __or__

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        return (object,)  # `class Cube(torch.autograd.Function)`: a plain class; using it skips

    def __repr__(self) -> str:
        return f"<{self._name}: not installed>"


@contextlib.contextmanager
def stand_ins(kata: Kata | None) -> Iterator[None]:
    """While a half-runnable kata's modules are imported (its stub, solution, mistakes,
    alternatives and tests), the missing framework's module is a stand-in; afterwards it is
    removed again, so nothing else mistakes it for the real one."""
    absent = missing_half(kata) if kata is not None else None
    if absent is None or sys.modules.get(absent) is not None:
        yield
        return
    for present in HALVES:
        if present != absent:
            importlib.import_module(present)  # imported for real before the stand-in exists
    hidden = absent in sys.modules  # None there hides a framework (tests do that)
    reason = half_reason(kata, absent)
    sys.modules[absent] = _Absent(absent, reason)
    finder = _AbsentFinder(absent, reason)
    sys.meta_path.insert(0, finder)
    global _importing
    _importing += 1
    try:
        yield
    finally:
        _importing -= 1
        sys.meta_path.remove(finder)
        for name in [n for n in sys.modules if n == absent or n.startswith(absent + ".")]:
            del sys.modules[name]
        if hidden:
            sys.modules[absent] = None  # type: ignore[assignment]


def _missing(kata: Kata) -> list[str]:
    missing = [name for name in kata.frameworks if not installed(name)]
    if is_side_by_side(kata) and len(missing) == 1:
        return []  # one half runs here; the other half's tests are skipped one by one
    return missing


def lacking(kata: Kata) -> str | None:
    """What this environment lacks to run ``kata`` ("TensorFlow", "Keras on the TensorFlow
    backend"), or None when it can run it."""
    if missing := _missing(kata):
        return " and ".join(NAMES[name] for name in missing)
    if "keras" in kata.frameworks and kata.keras_backends and keras_backend()[0] not in kata.keras_backends:
        return f"Keras on the {' or '.join(NAMES.get(b, b) for b in kata.keras_backends)} backend"
    return None


def unavailable(kata: Kata) -> str | None:
    """Why ``kata`` cannot run in this environment, and what to do about it; None when it can."""
    lacks = lacking(kata)
    if lacks is None:
        return None
    if missing := _missing(kata):
        install = " ".join(dict.fromkeys(INSTALL[name] for name in missing))  # onnx's three runtimes: one extra
        verb = "is" if len(missing) == 1 else "are"
        return f"{kata.id} needs {lacks}, which {verb} not installed in this environment (pip install -e '{install}')"
    backend, source = keras_backend()
    return (f"{kata.id} needs {lacks}; Keras runs on {backend} here (from {source}). "
            f"Run it with KERAS_BACKEND={kata.keras_backends[0]}")


def describe(found: dict[str, str | None]) -> str:
    """One line of :func:`actual`'s answer: ``python 3.11, torch 2.13.0+cpu, tensorflow not installed, ...``."""
    return ", ".join(f"{key} {value or 'not installed'}" for key, value in found.items())


# --- the tox env check ------------------------------------------------------------------------

_FACTOR = re.compile(r"^(py|torch|tf|keras|jax)(\d)(\d+)$|^no(torch|tf|keras|jax)$|^(tf|torch|jax)backend$")
_MODULE = {"torch": "torch", "tf": "tensorflow", "keras": "keras", "jax": "jax"}


def expected_from(env_name: str) -> dict[str, str | None]:
    """What a tox env name says: ``{"python": "3.11", "torch": "2.13", "tensorflow": None, ...,
    "backend": "torch"}``; None means "not installed". Factors it does not know are ignored."""
    expected: dict[str, str | None] = {}
    for factor in env_name.split("-"):
        match = _FACTOR.match(factor)
        if not match:
            continue
        kind, major, minor, absent, backend = match.groups()
        if kind:
            expected["python" if kind == "py" else _MODULE[kind]] = f"{major}.{minor}"
        elif absent:
            expected[_MODULE[absent]] = None
        else:
            expected["backend"] = _MODULE[backend]
    return expected


def actual(*, import_keras: bool = True) -> dict[str, str | None]:
    """What runs here: versions, and the Keras backend read from Keras itself (importing Keras,
    which imports its backend) or, with ``import_keras=False``, as Keras will resolve it."""
    found: dict[str, str | None] = {"python": "{}.{}".format(*sys.version_info[:2])}
    for module in ("torch", "tensorflow", "keras", "jax"):
        found[module] = version(module) if installed(module) else None
    if installed("keras"):
        if import_keras:
            import keras

            found["backend"] = keras.config.backend()
        else:
            found["backend"] = keras_backend()[0]
    return found


def mismatches(expected: dict[str, str | None], found: dict[str, str | None]) -> list[str]:
    """What differs, one line each; a version matches when it starts with the expected one."""
    wrong = []
    for key, want in expected.items():
        got = found.get(key)
        if key in ("python", "backend"):
            ok = got == want
        elif want is None:
            ok = got is None
        else:
            ok = got is not None and re.match(re.escape(want) + r"(\.|$|\+)", got) is not None
        if not ok:
            wrong.append(f"{key}: the env name says {want or 'not installed'}, found {got or 'not installed'}")
    return wrong
