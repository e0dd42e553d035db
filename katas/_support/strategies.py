"""Shared Hypothesis strategies: shapes, arrays and their torch / TensorFlow tensors.

Everything is drawn as NumPy first (``hypothesis.extra.numpy``) and converted to a framework in
one place (:func:`to_torch`, :func:`to_tf`), so a torch test and a tf test of the same law see
the same data. Frameworks are imported inside the converters only: drawing shapes never loads
torch or TensorFlow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

Shape = tuple[int, ...]

#: float dtypes a test may draw on a device; MPS has no float64.
FLOAT_DTYPES = (np.dtype("float32"), np.dtype("float64"))


def float_dtypes(device: str = "cpu") -> st.SearchStrategy[np.dtype]:
    """float32 or float64, never float64 on MPS."""
    return st.sampled_from([d for d in FLOAT_DTYPES if not (device == "mps" and d == np.float64)])


def shapes(
    *, min_dims: int = 1, max_dims: int = 3, min_side: int = 1, max_side: int = 5, distinct: bool = False
) -> st.SearchStrategy[Shape]:
    """Array shapes; with ``distinct`` every side differs, so a transposed answer cannot pass."""
    strategy = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)
    if distinct:
        strategy = strategy.filter(lambda shape: len(set(shape)) == len(shape))
    return strategy


def arrays(
    dtype: Any, shape: Shape | st.SearchStrategy[Shape], *, bound: float = 10.0
) -> st.SearchStrategy[np.ndarray]:
    """Arrays of finite values in [-bound, bound] (integers for integer dtypes)."""
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        # No subnormals: TensorFlow (and GPUs) flush them to zero, so an exact check would judge
        # the frameworks' float handling, not the learner (a stress run found 5.2e-42 -> 0.0).
        elements = st.floats(-bound, bound, width=dtype.itemsize * 8, allow_nan=False, allow_infinity=False,
                             allow_subnormal=False)
    elif dtype.kind in "iu":
        elements = st.integers(0 if dtype.kind == "u" else -int(bound), int(bound))
    elif dtype.kind == "b":
        elements = st.booleans()
    else:  # pragma: no cover - only the dtypes above are used
        raise ValueError(f"no elements strategy for {dtype}")
    return hnp.arrays(dtype, shape, elements=elements)


def float_arrays(device: str = "cpu", **shape_options: Any) -> st.SearchStrategy[np.ndarray]:
    """Float arrays of a drawn float dtype and a drawn shape."""
    return float_dtypes(device).flatmap(lambda dtype: arrays(dtype, shapes(**shape_options)))


def broadcastable_shapes(num_shapes: int = 2, *, max_dims: int = 4) -> st.SearchStrategy[tuple[Shape, ...]]:
    """Input shapes that broadcast together, and NumPy's result shape, as ``(*inputs, result)``."""
    return hnp.mutually_broadcastable_shapes(num_shapes=num_shapes, max_dims=max_dims, max_side=4).map(
        lambda drawn: (*drawn.input_shapes, drawn.result_shape)
    )


@st.composite
def incompatible_shapes(draw: st.DrawFn, *, max_dims: int = 4) -> tuple[Shape, Shape]:
    """Two shapes that do not broadcast: one aligned axis has sides that differ and are not 1."""
    a = list(draw(shapes(min_dims=1, max_dims=max_dims, max_side=4)))
    b = list(draw(shapes(min_dims=1, max_dims=max_dims, max_side=4)))
    axis = draw(st.integers(1, min(len(a), len(b))))  # counted from the right
    side = draw(st.integers(2, 4))
    a[-axis], b[-axis] = side, side + draw(st.integers(1, 3))
    return tuple(a), tuple(b)


@st.composite
def reshape_targets(draw: st.DrawFn, shape: Shape, *, max_dims: int = 4) -> Shape:
    """A shape with the same number of elements as ``shape`` (any rank from 1 to ``max_dims``)."""
    remaining = math.prod(shape)
    target: list[int] = []
    for _ in range(draw(st.integers(1, max_dims)) - 1):
        divisors = [d for d in range(1, remaining + 1) if remaining % d == 0]
        side = draw(st.sampled_from(divisors))
        target.append(side)
        remaining //= side
    target.append(remaining)
    return tuple(draw(st.permutations(target)))


def require(module: str) -> None:
    """Skip the test (the other half of a side-by-side kata) when ``module`` is not installed."""
    from katas._support import frameworks

    if not frameworks.installed(module):
        import pytest

        raise pytest.skip.Exception(frameworks.half_reason(None, module))


def to_torch(array: np.ndarray, device: str = "cpu", *, requires_grad: bool = False) -> Any:
    """A torch tensor with the array's values, dtype and shape, on ``device``."""
    require("torch")
    import torch

    tensor = torch.from_numpy(np.array(array, order="C", copy=True)).to(device)
    return tensor.requires_grad_(requires_grad) if requires_grad else tensor


def to_tf(array: np.ndarray, device: str = "cpu") -> Any:
    """A TensorFlow tensor with the array's values, dtype and shape, placed on ``device``."""
    require("tensorflow")
    import tensorflow as tf

    with tf.device(tf_device_name(device)):
        return tf.identity(tf.constant(array))


def tf_device_name(device: str) -> str:
    """The TensorFlow device string for ``device``: '/GPU:0' for our id 'cuda', '/CPU:0' for
    'cpu'; a TensorFlow device string (the ``tf_device`` fixture's) is returned as it is."""
    if device.startswith("/"):
        return device
    return "/GPU:0" if device == "cuda" else "/CPU:0"


@dataclass(frozen=True)
class Polynomial:
    """f(w) = sum(c_k * w**k), callable on floats, torch tensors and TensorFlow tensors alike."""

    coefficients: tuple[float, ...]  # c_0, c_1, ...

    def __call__(self, w: Any) -> Any:
        total = 0.0 * w  # keeps the framework type and the graph even for a constant polynomial
        for power, c in enumerate(self.coefficients):
            if c:
                total = total + c * w**power if power else total + c
        return total

    def derivative(self, w: float) -> float:
        return float(sum(power * c * w ** (power - 1) for power, c in enumerate(self.coefficients) if power))

    def __repr__(self) -> str:
        terms = [f"{c:g}*w**{p}" if p else f"{c:g}" for p, c in enumerate(self.coefficients) if c]
        return "f(w) = " + (" + ".join(reversed(terms)) or "0")


def polynomials(*, max_degree: int = 4) -> st.SearchStrategy[Polynomial]:
    """Polynomials with small integer coefficients; at least one non-constant term."""
    coefficient = st.integers(-5, 5).map(float)
    return (
        st.lists(coefficient, min_size=2, max_size=max_degree + 1)
        .filter(lambda cs: any(cs[1:]))
        .map(lambda cs: Polynomial(tuple(cs)))
    )


def points(bound: float = 3.0) -> st.SearchStrategy[float]:
    """Points w at which to differentiate: finite floats in [-bound, bound]."""
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False)


# --- one law, two frameworks ------------------------------------------------------------------

FRAMEWORKS = ("torch", "tensorflow")


def to_framework(framework: str, array: np.ndarray, device: str = "cpu") -> Any:
    """The array as a tensor of ``framework`` ('torch' or 'tensorflow')."""
    return to_torch(array, device) if framework == "torch" else to_tf(array, device)


def framework_dtype(framework: str, name: str) -> Any:
    """The dtype object named ``name`` ('float32', ...) in ``framework``."""
    require(framework)
    if framework == "torch":
        import torch

        return getattr(torch, name)
    import tensorflow as tf

    return tf.as_dtype(name)


def pick(kata: Any, name: str, framework: str) -> Any:
    """The kata's function for ``framework``: ``name`` for torch, ``tf_<name>`` for TensorFlow."""
    return getattr(kata, name if framework == "torch" else f"tf_{name}")
