"""Tests of kata autograd/accumulation.

accumulated_grad: f is wrapped in a recorder that sees the tensor f is called with and counts,
with a hook on f's output, how many backward passes really run. per_batch_grads: the model
comes with a stale ``.grad`` planted on its parameters, or fresh with none ("may come with"),
and each batch's gradient is compared with one computed on its own by ``torch.autograd.grad``
(which leaves ``.grad`` alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch.nn import functional as F

from katas._support.checks import check_equal, check_tensor, describe, dtype_name, fail, framework_of
from katas._support.strategies import Polynomial, arrays, points, polynomials, shapes, to_torch

#: relative precision per dtype, applied to the size of the terms (float32 ~7 digits, float64 ~16)
PRECISION = {"float32": 1e-5, "float64": 1e-12}
QUEST = Polynomial((0.0, 2.0, 3.0))  # 3w² + 2w
CUBIC = Polynomial((1.0, 0.0, -2.0, 5.0))  # 5w³ - 2w² + 1


# --- accumulated_grad ---------------------------------------------------------------------------


class Recorder:
    """Wraps f: records the tensors it is called with and counts the backward passes through its
    outputs (a hook on each output fires once per backward that reaches it)."""

    def __init__(self, f: Polynomial) -> None:
        self.f, self.inputs, self.backwards = f, [], 0

    def _count(self, grad: Any) -> None:
        self.backwards += 1

    def __call__(self, w: Any) -> Any:
        self.inputs.append(w)
        y = self.f(w)
        if framework_of(y) == "torch" and y.requires_grad:
            y.register_hook(self._count)
        return y

    def __repr__(self) -> str:
        return repr(self.f)


def magnitude(f: Polynomial, w: float) -> float:
    """The size of the derivative's terms, sum |k c_k w^(k-1)|: what rounding errors scale with."""
    return float(sum(abs(power * c * w ** (power - 1)) for power, c in enumerate(f.coefficients) if power))


def value_misconception(got: float, slope: float, passes: int) -> str:
    if passes == 1:
        return "with passes=1 there is one backward: .grad then holds df/dw; return float(w.grad)"
    if np.isclose(got, slope):
        return ("each backward() adds df/dw into .grad: do not zero .grad, and do not make a fresh leaf "
                "tensor, between passes (or do not divide by passes)")
    if np.isclose(got, (passes - 1) * slope) or np.isclose(got, (passes + 1) * slope):
        return f"off by one: call backward exactly passes={passes} times"
    return f"each backward() adds df/dw into .grad: after {passes} passes .grad holds {passes} * df/dw"


def check_accumulated(kata: Any, f: Polynomial, w: float, passes: int) -> None:
    __tracebackhide__ = True
    recorder = Recorder(f)
    call = f"accumulated_grad({f!r}, w={w!r}, passes={passes})"
    got = kata.accumulated_grad(recorder, w, passes)
    if type(got) is not float:
        fail(call, "type", "a Python float", describe(got), "return float(w.grad) (or .item()), not the tensor, not an int")
    if not recorder.inputs:
        fail(call, "number of calls to f", "at least 1", 0, "evaluate f at w and call backward on its value")
    leaf = recorder.inputs[0]
    if framework_of(leaf) != "torch":
        fail(call, "kind of value f is called with", "a torch tensor that requires grad", describe(leaf),
             "call f on torch.tensor(w, requires_grad=True)")
    if shapes := [tuple(t.shape) for t in recorder.inputs if framework_of(t) == "torch" and t.dim() != 0]:
        fail(call, "shape of the tensor f is called with", "() (a 0-d tensor)", shapes[0],
             "f takes a 0-d tensor: torch.tensor(w, requires_grad=True) from the number itself; "
             "torch.tensor([w]) has shape (1,)")
    dtype = dtype_name(leaf)
    if dtype not in PRECISION:
        fail(call, "dtype of the tensor f is called with", "float32 or float64", dtype,
             "float16 rounds w itself: use float32, the default, or float64")
    at = float(leaf.detach().double().reshape(-1)[0])
    check_equal(at, np.array(w, dtype=dtype).item(), call=call, what=f"value f is called with ({dtype})",
                misconception="evaluate f at the w you were given")
    if recorder.backwards != passes:
        fail(call, "number of backward passes through f's value", passes, recorder.backwards,
             ("with passes=1, call backward once" if passes == 1 else f"call backward exactly passes={passes} times")
             + (": multiplying the loss or .grad by passes gives the number without the accumulation"
                if recorder.backwards == 1 and passes > 1 else ""))
    slope = f.derivative(at)
    expected = passes * slope
    tolerance = PRECISION[dtype] * passes * magnitude(f, at) + 1e-12
    if not abs(got - expected) <= tolerance:
        fail(call, "final .grad", f"{expected!r} = {passes} * df/dw (± {tolerance:.2g}, for f called in {dtype})",
             repr(got), value_misconception(got, slope, passes))
    if leaf.is_leaf:  # the tensor f was called with holds what backward added up
        held = None if leaf.grad is None else float(leaf.grad.detach().double().reshape(-1)[0])
        if held is None or not abs(held - got) <= tolerance:
            fail(call, "w's .grad after the call", f"{got!r}, the number you returned", repr(held),
                 "return the final .grad itself: let each backward add into w.grad (no zeroing between passes, "
                 "no multiplying afterwards, no torch.autograd.grad that leaves .grad alone)")


def test_docstring_example(kata):
    check_accumulated(kata, Polynomial((0.0, 0.0, 1.0)), 3.0, 2)


@given(f=polynomials(), w=points(), passes=st.integers(1, 4))
@example(f=QUEST, w=4.0, passes=1)  # one pass: .grad is df/dw = 26
@example(f=QUEST, w=4.0, passes=2)  # zeroing, a fresh leaf, or scaling instead of two backward calls
@example(f=CUBIC, w=-0.7, passes=3)  # off by one either way, averaged
def test_backward_passes_add_up(kata, f, w, passes):
    check_accumulated(kata, f, w, passes)


# --- per_batch_grads ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A Linear layer's parameters, the stale gradients it comes with (None: a fresh model, whose
    ``.grad`` is None), and the batches."""

    dtype: str
    weight: np.ndarray  # (out, in)
    bias: np.ndarray  # (out,)
    stale_weight: np.ndarray | None  # .grad planted before the call
    stale_bias: np.ndarray | None
    batches: tuple[tuple[np.ndarray, np.ndarray], ...]

    def __repr__(self) -> str:
        n_out, n_in = self.weight.shape
        grad = "a stale .grad" if self.stale_weight is not None else "no .grad yet (a fresh model)"
        return f"Linear({n_in}, {n_out}) in {self.dtype} with {grad}, batches of {[len(x) for x, _ in self.batches]} samples"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    dtype = draw(st.sampled_from(["float32", "float64"]), label="dtype")
    n_in, n_out = draw(shapes(min_dims=2, max_dims=2, max_side=4, distinct=True), label="(in, out)")
    weight = draw(arrays(dtype, (n_out, n_in), bound=2), label="weight")
    bias = draw(arrays(dtype, (n_out,), bound=2), label="bias")
    stale_weight = draw(arrays(dtype, (n_out, n_in), bound=2).filter(lambda a: bool(np.abs(a).max() > 0.1)),
                        label="stale weight .grad")
    stale_bias = draw(arrays(dtype, (n_out,), bound=2), label="stale bias .grad")
    if not draw(st.booleans(), label="stale .grad"):
        stale_weight = stale_bias = None
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4), label="batch sizes")
    batches = tuple((draw(arrays(dtype, (n, n_in), bound=2)), draw(arrays(dtype, (n, n_out), bound=2))) for n in sizes)
    return Case(dtype, weight, bias, stale_weight, stale_bias, batches)


def pinned(dtype: str, n_in: int, n_out: int, sizes: list[int], seed: int, stale: bool = True) -> Case:
    rng = np.random.default_rng(seed)

    def draw(*shape: int) -> np.ndarray:
        return rng.uniform(-2, 2, shape).astype(dtype)

    weight, bias, stale_weight, stale_bias = draw(n_out, n_in), draw(n_out), draw(n_out, n_in), draw(n_out)
    if not stale:
        stale_weight = stale_bias = None
    return Case(dtype, weight, bias, stale_weight, stale_bias, tuple((draw(n, n_in), draw(n, n_out)) for n in sizes))


def build(case: Case) -> tuple[torch.nn.Linear, list[tuple[torch.Tensor, torch.Tensor]]]:
    n_out, n_in = case.weight.shape
    model = torch.nn.Linear(n_in, n_out, dtype=getattr(torch, case.dtype))
    with torch.no_grad():
        model.weight.copy_(to_torch(case.weight))
        model.bias.copy_(to_torch(case.bias))
    if case.stale_weight is not None:  # left from earlier work: must not leak in
        model.weight.grad = to_torch(case.stale_weight)
        model.bias.grad = to_torch(case.stale_bias)
    return model, [(to_torch(x), to_torch(y)) for x, y in case.batches]


def grad_misconception(got: Any, index: int, expected: list[torch.Tensor], stale: torch.Tensor, rtol: float) -> str:
    def close(a: Any, b: torch.Tensor) -> bool:
        return tuple(a.shape) == tuple(b.shape) and bool(torch.allclose(a.detach().to(b.dtype), b, rtol=rtol, atol=rtol))

    if framework_of(got) != "torch" or got.shape != expected[index].shape:
        return "one tensor per batch: the gradient of model.weight (its shape), not the bias's, not a NumPy array"
    if index == 0 and close(got, expected[0] + stale):
        return ("the model came with a stale .grad from earlier work: zero the gradients before each batch, "
                "the first one too (zeroing after a batch leaves the old gradient in the first)")
    if index > 0 and (close(got, sum(expected[: index + 1])) or close(got, stale + sum(expected[: index + 1]))):
        return "gradients accumulate: zero them before each batch, not once before the loop (or never)"
    if not got.any() or any(close(got, e) for j, e in enumerate(expected) if j != index):
        return ("you kept .grad itself, which zero_grad() and backward() reuse in place: store "
                "model.weight.grad.clone()")
    return ("the gradient of F.mse_loss(model(x), y) (the mean over all N * out elements) with respect to "
            "model.weight, for this batch alone, at the weights as given (no optimizer step)")


@settings(max_examples=max(10, settings.default.max_examples // 2))  # the pinned cases carry the known mistakes
@given(case=cases())
@example(case=pinned("float64", 3, 2, [2, 1, 3], seed=1))  # out > 1: the mean runs over N * out
@example(case=pinned("float32", 1, 3, [4, 2], seed=2))
@example(case=pinned("float32", 2, 2, [3, 2], seed=3, stale=False))  # a fresh model: .grad is None at first
def test_each_batch_gets_its_own_gradient(kata, case: Case):
    model, batches = build(case)
    stale = torch.zeros_like(model.weight) if model.weight.grad is None else model.weight.grad.clone()
    # each batch on its own, by autograd.grad, which neither reads nor writes .grad
    expected = [torch.autograd.grad(F.mse_loss(model(x), y), model.weight)[0] for x, y in batches]
    before = [p.detach().clone() for p in model.parameters()]
    inputs = [(x.clone(), y.clone()) for x, y in batches]
    call = f"per_batch_grads({case!r})"
    got = kata.per_batch_grads(model, batches)
    check_equal(len(batches), len(inputs), call=call, what="number of batches in the caller's list afterwards",
                misconception="leave the batches as they were: iterate over the list (no pop)")
    if type(got) is not list:
        fail(call, "type", "a list of tensors, one per batch", describe(got),
             "collect the gradients in a list: grads.append(model.weight.grad.clone())")
    check_equal(len(got), len(inputs), call=call, what="number of gradients", misconception="one tensor per batch")
    rtol = 1e-4 if case.dtype == "float32" else 1e-9
    for index, (g, e) in enumerate(zip(got, expected)):
        check_tensor(g, e, framework="torch", call=f"{call}, batch {index}", rtol=rtol, atol=rtol,
                     misconception=grad_misconception(g, index, expected, stale, rtol))
    for (name, parameter), old in zip(model.named_parameters(), before):
        check_tensor(parameter.detach(), old, framework="torch", call=call, rtol=0, atol=0,
                     misconception=f"only compute gradients: model.{name} must not change (no optimizer step, "
                     "no weights copied back)")
    for index, ((x, y), (x0, y0)) in enumerate(zip(batches, inputs)):
        check_tensor(x, x0, framework="torch", call=f"{call}, batch {index} x", rtol=0, atol=0,
                     misconception="leave the batches as they were")
        check_tensor(y, y0, framework="torch", call=f"{call}, batch {index} y", rtol=0, atol=0,
                     misconception="leave the batches as they were")
        check_equal((x.requires_grad, y.requires_grad), (False, False), call=call,
                    what=f"(x.requires_grad, y.requires_grad) of batch {index} afterwards",
                    misconception="leave the batches as they were: the gradient is taken with respect to "
                                  "model.weight, whose requires_grad is already on; x needs none")
