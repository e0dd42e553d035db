"""Assertions that speak the learner's language: expected vs got, the input, the likely mistake.

Checks run in a fixed order (type, dtype, shape, device, values) so the first message is the
most basic thing that is wrong. Comparisons are strict: the learner's result is never broadcast
or cast before comparing, so a wrong rank or dtype fails.
"""

from __future__ import annotations

from typing import Any

import numpy as np


class KataMismatch(AssertionError):
    """The learner's result differs from the specification."""


def fail(call: str, what: str, expected: Any, got: Any, misconception: str) -> None:
    """Raise a :class:`KataMismatch` that reads expected vs got for ``call``."""
    __tracebackhide__ = True
    lines = [
        f"{call}: wrong {what}",
        f"    expected {what}: {expected}",
        f"    got      {what}: {got}",
    ]
    if misconception:
        lines.append(f"    likely misconception: {misconception}")
    raise KataMismatch("\n".join(lines))


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
