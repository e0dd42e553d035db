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

import functools
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from katas._support.quiet import quiet_frameworks

if TYPE_CHECKING:
    from katas._support.curriculum import Kata

#: What a learner reads for each module name.
NAMES = {"torch": "PyTorch", "tensorflow": "TensorFlow", "keras": "Keras", "jax": "JAX"}
#: The distributions that provide each module, first match wins (tensorflow-cpu on Linux).
DISTRIBUTIONS = {
    "torch": ("torch",),
    "tensorflow": ("tensorflow-cpu", "tensorflow", "tensorflow-macos", "tf-nightly"),
    "keras": ("keras",),
    "jax": ("jax",),
}
#: The Keras backends, in the order one is chosen when none is configured.
KERAS_BACKENDS = ("tensorflow", "torch", "jax")
#: What to install for each framework (extras of this project, see pyproject.toml).
INSTALL = {"torch": ".[torch]", "tensorflow": ".[tensorflow]", "keras": ".[keras]", "jax": "jax"}


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


def _missing(kata: Kata) -> list[str]:
    return [name for name in kata.frameworks if not installed(name)]


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
        install = " ".join(INSTALL[name] for name in missing)
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
