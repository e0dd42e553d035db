"""Assertions that speak the learner's language: expected vs got, the input, the likely mistake.

Checks run in a fixed order (type, dtype, shape, device, values) so the first message is the
most basic thing that is wrong. Comparisons are strict: the learner's result is never broadcast
or cast before comparing, so a wrong rank or dtype fails.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np


class KataMismatch(AssertionError):
    """The learner's result differs from the specification."""


def fail(call: str, what: str, expected: Any, got: Any, misconception: str) -> None:
    """Raise a :class:`KataMismatch` that reads expected vs got for ``call``. Called while the test
    handles an error the code under test raised, it names the learner's line the error came
    from; a slip in that line itself (``loader.SLIPS``: a NameError, say) is raised as it is, so
    the verdict shows the learner's own exception first."""
    __tracebackhide__ = True
    lines = [
        f"{call}: wrong {what}",
        f"    expected {what}: {expected}",
        f"    got      {what}: {got}",
    ]
    from katas._support.loader import slip, where_raised

    if (handled := sys.exc_info()[1]) is not None and (where := where_raised(handled)):
        if slip(handled):  # a typo in the learner's own line (NameError...): their exception, reported first
            raise handled
        lines.append(f"    raised {where}")  # an error the test caught and judged: the learner's line that raised it
    if misconception:
        lines.append(f"    likely misconception: {misconception}")
    raise KataMismatch("\n".join(lines))


def message_line(error: BaseException, width: int | None = 200) -> str:
    """The first line of ``error``'s message, cut at ``width`` (None: whole; "" for an empty message)."""
    return next(iter(str(error).strip().splitlines()), "")[:width]


def error_line(error: BaseException, width: int | None = 200) -> str:
    """``error`` in one line of a report: its type, then its message's first line (the type alone
    for an empty message, as ``raise ValueError()`` gives)."""
    line = message_line(error, width)
    return f"{type(error).__name__}: {line}" if line else type(error).__name__


def framework_of(value: Any) -> str | None:
    """'torch', 'tensorflow', 'numpy' or None, from the value's type, without importing any."""
    module = type(value).__module__.split(".")[0]
    if module == "torch":
        return "torch"
    if module in {"tensorflow", "tf_keras", "keras"}:
        return "tensorflow"
    if module == "numpy":
        return "numpy"
    return None


def describe(value: Any) -> str:
    """A short description of a value: 'torch float32 (2, 3) on cpu', or its repr."""
    framework = framework_of(value)
    if framework in {"torch", "tensorflow", "numpy"} and hasattr(value, "shape"):
        where = f" on {device_of(value)}" if framework != "numpy" else ""
        return f"{framework} {dtype_name(value)} {tuple(value.shape)}{where}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def dtype_name(value: Any) -> str:
    dtype = value.dtype
    name = getattr(dtype, "name", None)  # numpy and tensorflow
    return name if isinstance(name, str) else str(dtype).removeprefix("torch.")


def device_of(value: Any) -> str:
    """'cpu', 'cuda', 'mps', 'meta' for torch; 'cpu' or 'gpu' for TensorFlow."""
    if framework_of(value) == "torch":
        return value.device.type
    device = getattr(value, "device", "") or ""
    return "gpu" if "GPU" in device else "cpu"


def to_numpy(value: Any) -> np.ndarray:
    if framework_of(value) == "torch":
        return value.detach().cpu().numpy()
    if framework_of(value) == "tensorflow":
        return value.numpy()
    return np.asarray(value)


def check_tensor(
    got: Any,
    expected: Any,
    *,
    call: str,
    framework: str,
    misconception: str = "",
    device: str | None = None,
    rtol: float = 1e-5,
    atol: float = 1e-6,
) -> None:
    """``got`` must be a ``framework`` tensor equal to ``expected`` (an array or a tensor).

    ``device`` is checked when given ('cpu', 'cuda', 'mps', or for TensorFlow 'cpu'/'gpu').
    """
    __tracebackhide__ = True
    if framework_of(got) != framework or not hasattr(got, "shape"):
        fail(call, "type", f"a {framework} tensor", describe(got), misconception)
    want = to_numpy(expected)
    if dtype_name(got) != want.dtype.name:
        fail(call, "dtype", want.dtype.name, dtype_name(got), misconception)
    if tuple(got.shape) != want.shape:
        fail(call, "shape", want.shape, tuple(got.shape), misconception)
    if device is not None and device_of(got) != device:
        fail(call, "device", device, device_of(got), misconception)
    check_values(to_numpy(got), want, call=call, misconception=misconception, rtol=rtol, atol=atol)


def check_on_meta(
    run: Any, *, call: str, shape: tuple[int, ...], dtype: Any, advice: str, misconception: str = "",
) -> None:
    """"On their device", checked on every machine: ``run()`` calls the learner's function on
    tensors of torch's meta device, which has shapes and dtypes but no values, so a detour through
    the CPU (``.cpu()``, ``.numpy()``, ``.to("cpu")``, a new tensor made without ``device=``)
    fails there, as it would leave a GPU. The result must be a meta tensor of ``shape`` and
    ``dtype``. ``call`` describes the call; ``advice`` says how to stay on the device.
    """
    __tracebackhide__ = True
    import torch

    from katas._support.loader import stub_location

    try:
        got = run()
    except (NotImplementedError, TypeError, RuntimeError, ValueError) as error:
        if stub_location(error):
            raise  # the stub's own TODO
        fail(call, "behaviour", "a tensor on the meta device", error_line(error), advice)
    if not isinstance(got, torch.Tensor):
        fail(call, "type", "a torch tensor", describe(got), misconception)
    check_equal(str(got.device), "meta", call=call, what="device of the result", misconception=advice)
    check_equal(tuple(got.shape), tuple(shape), call=call, what="shape", misconception=misconception)
    check_equal(got.dtype, dtype, call=call, what="dtype", misconception=misconception)


def check_values(
    got: np.ndarray,
    expected: np.ndarray,
    *,
    call: str,
    misconception: str = "",
    rtol: float = 1e-5,
    atol: float = 1e-6,
) -> None:
    """Element-wise closeness of two arrays of the same shape; names the first bad element."""
    __tracebackhide__ = True
    got, expected = np.asarray(got), np.asarray(expected)
    if got.shape != expected.shape:
        fail(call, "shape", expected.shape, got.shape, misconception)
    close = np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        where = f"at index {index}" if index else "value"
        fail(
            call,
            "values",
            f"{expected[index]!r} {where} (tolerance rtol={rtol}, atol={atol})",
            f"{got[index]!r}  ({int((~close).sum())} of {close.size} elements differ)",
            misconception,
        )


def check_equal(got: Any, expected: Any, *, call: str, what: str, misconception: str = "") -> None:
    """``got == expected`` exactly (shapes, flags, types, Python values)."""
    __tracebackhide__ = True
    if not (type(got) is type(expected) and got == expected):
        fail(call, what, repr(expected), repr(got), misconception)


def check_close(
    got: Any, expected: float, *, call: str, what: str = "value", misconception: str = "",
    rel: float = 1e-6, abs_: float = 1e-6,
) -> None:
    """``got`` must be a Python float close to ``expected``."""
    __tracebackhide__ = True
    if not isinstance(got, float):
        fail(call, "type", "a Python float", describe(got), misconception or "return float(...) of the result")
    if not np.isclose(got, expected, rtol=rel, atol=abs_):
        fail(call, what, expected, got, misconception)


class expect_error:  # noqa: N801  (used as a context manager, reads like a sentence)
    """``with expect_error(ValueError, call=..., mentioning=("empty",)):`` the block must raise.

    A missing error, an error of another type, or a message without the words reads like the
    other messages ("expected a ValueError mentioning 'empty'; got: nothing was raised").
    ``mentioning`` holds alternatives per entry: ``(("(2, 1)", "[2, 1]"),)`` accepts either
    spelling. ``.error`` is the error raised, for further checks.
    """

    def __init__(self, kind: type[Exception], *, call: str, mentioning: tuple[Any, ...] = (),
                 misconception: str = "") -> None:
        self.kind, self.call, self.mentioning, self.misconception = kind, call, mentioning, misconception
        self.error: Exception | None = None

    def _wanted(self) -> str:
        words = [" or ".join(repr(w) for w in ((m,) if isinstance(m, str) else m)) for m in self.mentioning]
        return f"a {self.kind.__name__}" + (f" mentioning {' and '.join(words)}" if words else "")

    def __enter__(self) -> expect_error:
        return self

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> bool:
        __tracebackhide__ = True
        if error is None:
            fail(self.call, "behaviour", self._wanted(), "nothing was raised", self.misconception)
        if not isinstance(error, Exception):
            return False  # KeyboardInterrupt, a stub's TODO, a timeout: not ours to judge
        if not isinstance(error, self.kind):
            fail(self.call, "error", self._wanted(), f"{type(error).__name__}: {error}", self.misconception)
        text = str(error)
        for words in self.mentioning:
            if not any(word in text for word in ((words,) if isinstance(words, str) else words)):
                fail(self.call, "error message", self._wanted(), f"{type(error).__name__}: {text}", self.misconception)
        self.error = error
        return True


class forbidden:  # noqa: N801
    """While the block runs, each named function refuses to be called: ``with forbidden(
    (np, "broadcast_shapes"), (torch, "broadcast_shapes"), call=..., rule="by hand")``.

    A call fails the test with the rule the docstring states, even if the learner's code
    catches the error, because the calls are also checked when the block ends.
    """

    def __init__(self, *targets: tuple[Any, str], call: str, rule: str) -> None:
        self.targets, self.call, self.rule = targets, call, rule
        self.calls: list[str] = []
        self._saved: list[tuple[Any, str, Any]] = []

    def _refuse(self, name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            raise KataMismatch(f"{self.call}: called {name}, which this kata rules out\n    rule: {self.rule}")

        return refused

    def __enter__(self) -> forbidden:
        for owner, attribute in self.targets:
            label = f"{getattr(owner, '__name__', type(owner).__name__)}.{attribute}"
            self._saved.append((owner, attribute, getattr(owner, attribute)))
            setattr(owner, attribute, self._refuse(label))
        return self

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> bool:
        __tracebackhide__ = True
        for owner, attribute, original in reversed(self._saved):
            setattr(owner, attribute, original)
        self._saved.clear()
        if self.calls and not isinstance(error, KataMismatch):
            raise KataMismatch(f"{self.call}: called {self.calls[0]}, which this kata rules out\n    rule: {self.rule}")
        return False


def built_the_keras_3_way(build: Any, call: str, layout: str) -> Any:
    """``build()``, failing when a layer got Keras 2's ``input_shape=`` (Keras 3 warns that it
    is deprecated; the keras katas ask for ``keras.Input``) or when it is not a keras.Model.
    ``layout`` is the kata's expected model, shown as the likely fix."""
    __tracebackhide__ = True
    import warnings

    import keras

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = build()
    deprecated = [str(w.message) for w in caught if "input_shape" in str(w.message)]
    if deprecated:
        fail(call, "input declaration", "keras.Input(shape=...) as the first item", "input_shape= on a layer, "
             f"which Keras 3 warns about ({deprecated[0].split('.')[0]})", f"Keras 3 style: {layout}")
    if not isinstance(model, keras.Model):
        fail(call, "type", "a keras.Model (a keras.Sequential, or a functional keras.Model)", describe(model), layout)
    return model
