"""Tests of kata autograd/no_grad.

predict: a forward hook records the grad mode the model really ran in (a graph recorded and then
cut with .detach() gives an output without grad too); called with grad mode off, it stays off.
detached: leaves, tensors inside a graph and non-contiguous views, checked for shared memory and
for the caller's tensor left as it was.
freeze_all_but_last: Sequentials that end in one or two layers without parameters, with bias-free,
norm and nested layers, so "model[-1]", "the last two parameters" and "the last leaf module"
shortcuts fail.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe, fail
from katas._support.strategies import arrays, shapes, to_torch

#: the pinned examples carry the known mistakes; fewer random draws keep --verify quick
FEWER = settings(max_examples=max(10, settings.default.max_examples // 2))


# --- predict ------------------------------------------------------------------------------------


@st.composite
def predict_cases(draw: st.DrawFn) -> tuple[list[int], np.ndarray]:
    """The widths of a small MLP (Linear layers with ReLUs between) and an input batch for it."""
    widths = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4), label="widths")
    return widths, draw(arrays("float64", (3, widths[0])), label="x")


def mlp(widths: list[int]) -> torch.nn.Sequential:
    layers: list[torch.nn.Module] = []
    for n_in, n_out in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])


@FEWER
@given(case=predict_cases())
@example(case=([3, 4, 2], np.linspace(-1, 1, 9).reshape(3, 3)))
def test_predict_records_no_graph(kata, device, case):
    widths, array = case
    dtype = torch.float64 if device != "mps" else torch.float32
    model = mlp(widths).to(device=device, dtype=dtype)
    x = to_torch(array, device).to(dtype)
    with torch.no_grad():
        expected = model(x)
    # the grad mode each layer ran in (hooks on the layers, not on the model: model.forward(x) skips
    # the model's own hooks but still calls its layers)
    layers = [module for module in model.modules() if not any(True for _ in module.children())]
    modes: list[bool] = []
    hooks = [layer.register_forward_hook(lambda module, inputs, output: modes.append(torch.is_grad_enabled()))
             for layer in layers]
    call = f"predict(an MLP {widths}, {describe(x)})"
    try:
        got = kata.predict(model, x)
        grad_mode_after = torch.is_grad_enabled()
    finally:
        for hook in hooks:
            hook.remove()
        torch.set_grad_enabled(True)  # a predict that switched it off for good must not break later tests
    check_equal(grad_mode_after, True, call=call, what="grad mode after the call (torch.is_grad_enabled())",
                misconception="switch grad off for the forward pass only: `with torch.no_grad():`, not "
                "torch.set_grad_enabled(False) left on for everything after")
    check_tensor(got, expected, framework="torch", device=device, call=call,
                 misconception="predict returns model(x) as a tensor, computed under torch.no_grad()")
    check_equal(got.requires_grad, False, call=call, what="requires_grad of the result",
                misconception="wrap the forward pass in `with torch.no_grad():` (model.eval() and a bare "
                "torch.no_grad() call do not switch autograd off)")
    for name, parameter in model.named_parameters():
        check_equal(parameter.requires_grad, True, call=call, what=f"requires_grad of model's {name} after the call",
                    misconception="leave the model trainable: no_grad switches off recording for this "
                    "computation; it does not need the parameters frozen")
    check_equal(modes, [False] * len(layers), call=call, what="grad mode each layer of the model ran in",
                misconception="run model(x) once, inside `with torch.no_grad():`: calling it with grad on and "
                "then .detach() or .data on the output records the whole graph first, and cuts it too late")


def test_predict_leaves_a_caller_s_grad_mode_off(kata):
    model, x = mlp([2, 3, 1]).double(), torch.ones(4, 2, dtype=torch.float64)
    call = "predict(an MLP [2, 3, 1], x) called inside `with torch.no_grad():`"
    try:
        with torch.no_grad():
            kata.predict(model, x)
            grad_mode_after = torch.is_grad_enabled()
    finally:
        torch.set_grad_enabled(True)
    check_equal(grad_mode_after, False, call=call, what="grad mode after the call (torch.is_grad_enabled())",
                misconception="leave grad mode as it was before: `with torch.no_grad():` restores the caller's "
                "mode; torch.set_grad_enabled(True) afterwards switches it on for a caller that had it off")


# --- detached -----------------------------------------------------------------------------------

KINDS = ("a leaf", "inside a graph", "a strided view inside a graph")


def make(x: np.ndarray, kind: str) -> torch.Tensor:
    leaf = to_torch(x, requires_grad=True)
    if kind == "a leaf":
        return leaf
    inner = leaf * 1  # a non-leaf tensor inside a graph
    if kind == "inside a graph":
        return inner
    return inner.mT if inner.dim() >= 2 else inner[::2]  # a view that is not contiguous


@FEWER
@given(x=st.one_of(*(arrays(d, shapes(max_dims=3, max_side=4)) for d in ("float32", "float64"))),
       kind=st.sampled_from(KINDS))
@example(x=np.arange(6, dtype=np.float32).reshape(2, 3), kind="a strided view inside a graph")
@example(x=np.arange(6, dtype=np.float32).reshape(2, 3), kind="a leaf")
@example(x=np.linspace(-1, 1, 5), kind="inside a graph")
def test_detached_shares_memory_and_leaves_the_graph(kata, x, kind):
    t = make(x, kind)
    values, was_leaf, grad_fn = t.detach().clone(), t.is_leaf, t.grad_fn
    call = f"detached({describe(t)}, {kind})"
    got = kata.detached(t)
    check_tensor(got, values, framework="torch", call=call, rtol=0, atol=0,
                 misconception="return t's values as a tensor of t's dtype and shape: t.detach()")
    check_equal(got.requires_grad, False, call=call, what="requires_grad of the result",
                misconception="t.detach() cuts the tensor from the graph; t.clone() stays in it, and under "
                "no_grad an existing tensor (or a view of it) keeps requires_grad")
    check_equal(got.data_ptr() == t.data_ptr(), True, call=call, what="memory shared with t",
                misconception="detach() shares memory with t; clone(), contiguous(), .to(another dtype), "
                "t * 1 and torch.tensor(...) make a copy")
    check_equal((t.requires_grad, t.is_leaf, t.grad_fn is grad_fn), (True, was_leaf, True), call=call,
                what="t after the call (requires_grad, is_leaf, same grad_fn)",
                misconception="return a new tensor and leave t in its graph: detach_() and "
                "requires_grad_(False) change the caller's tensor")


# --- freeze_all_but_last ------------------------------------------------------------------------

# A Sequential as a spec: ("linear", out), ("linear_nobias", out), ("layernorm", 0), ("block", out) (one
# layer holding several: Sequential(Linear, ReLU, Linear)), ("relu", 0), ("tanh", 0), ("dropout", 0).
# The input width is 3.
Spec = tuple[tuple[str, int], ...]
WITH_PARAMETERS = ("linear", "linear_nobias", "layernorm", "block")
WITHOUT = ("relu", "tanh", "dropout")


def build(spec: Spec) -> torch.nn.Sequential:
    width, layers = 3, []
    for kind, out in spec:
        if kind in ("linear", "linear_nobias"):
            layers.append(torch.nn.Linear(width, out, bias=kind == "linear"))
            width = out
        elif kind == "block":
            layers.append(torch.nn.Sequential(torch.nn.Linear(width, out), torch.nn.ReLU(), torch.nn.Linear(out, out)))
            width = out
        elif kind == "layernorm":
            layers.append(torch.nn.LayerNorm(width))
        else:
            layers.append({"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "dropout": torch.nn.Dropout}[kind]())
    return torch.nn.Sequential(*layers)


def short(layer: torch.nn.Module) -> str:
    if isinstance(layer, torch.nn.Linear):
        return f"Linear({layer.in_features}, {layer.out_features}{', bias=False' if layer.bias is None else ''})"
    if isinstance(layer, torch.nn.LayerNorm):
        return f"LayerNorm({layer.normalized_shape[0]})"
    if isinstance(layer, torch.nn.Sequential):
        return f"Sequential({', '.join(short(inner) for inner in layer)})"
    return f"{type(layer).__name__}()"


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    """2 to 4 layers with parameters, each followed by none to two without; the last may be either."""
    spec: list[tuple[str, int]] = []
    for _ in range(draw(st.integers(2, 4), label="layers with parameters")):
        kind = draw(st.sampled_from(WITH_PARAMETERS))
        spec.append((kind, draw(st.integers(1, 4)) if kind != "layernorm" else 0))
        spec += [(draw(st.sampled_from(WITHOUT)), 0) for _ in range(draw(st.integers(0, 2)))]
    return tuple(spec)


@FEWER
@given(spec=specs())
# ends in a parameterless layer; the last layer with parameters has no bias; three Linear layers
@example(spec=(("linear", 4), ("relu", 0), ("linear", 2), ("relu", 0), ("linear_nobias", 3), ("dropout", 0)))
# a norm layer right before the last Linear (which has a bias); three layers with parameters
@example(spec=(("linear", 2), ("tanh", 0), ("layernorm", 0), ("linear", 4)))
# two layers without parameters at the end: step back past both
@example(spec=(("linear", 4), ("linear", 2), ("relu", 0), ("dropout", 0)))
# the last layer with parameters holds two Linear layers: both stay trainable (a layer is a direct child)
@example(spec=(("linear", 4), ("block", 2)))
# a nested layer before the last: its inner layers' parameters are frozen too
@example(spec=(("block", 2), ("relu", 0), ("linear", 3)))
def test_freeze_all_but_last_leaves_only_the_last_layer_trainable(kata, spec):
    model = build(spec)
    call = f"freeze_all_but_last(Sequential({', '.join(short(layer) for layer in model)}))"
    got = kata.freeze_all_but_last(model)
    if got is not model:
        fail(call, "result", "the same model object, frozen in place", describe(got),
             "freeze the model you were given in place and return it (not a copy, not None)")
    with_parameters = [index for index, layer in enumerate(model) if any(True for _ in layer.parameters())]
    last = with_parameters[-1]
    for index in with_parameters:
        layer = model[index]
        for name, parameter in layer.named_parameters():
            check_equal(parameter.requires_grad, index == last, call=call,
                        what=f"requires_grad of model[{index}].{name} ({type(layer).__name__})",
                        misconception=(
                            f"model[{last}] is the last layer that has parameters (step back past every ReLU or "
                            "Dropout after it): leave all of its parameters trainable, those of modules nested "
                            "inside it too (layers are the model's direct children)" if index == last else
                            "parameter.requires_grad_(False) on every parameter (weights, biases, norm layers) "
                            f"of every layer before model[{last}]; `layer.requires_grad = False` only sets an "
                            "attribute, and no_grad() or eval() freeze nothing"))
