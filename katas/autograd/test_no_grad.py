"""Tests of kata autograd/no_grad."""

import torch
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import arrays, float_arrays, to_torch


@st.composite
def mlps(draw):
    """A small Sequential of Linear layers with ReLUs between them, and its widths."""
    widths = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4), label="widths")
    layers = []
    for n_in, n_out in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1]).double(), widths


@given(data=st.data())
def test_predict_records_no_graph(kata, device, data):
    model, widths = data.draw(mlps(), label="model")
    model = model.to(device)
    x = to_torch(data.draw(arrays("float64" if device != "mps" else "float32", (3, widths[0]))), device)
    model = model.to(x.dtype)
    got = kata.predict(model, x)
    call = f"predict(an MLP {widths}, {describe(x)})"
    check_tensor(got, model(x), framework="torch", device=device, call=call,
                 misconception="predict returns model(x), computed under torch.no_grad()")
    check_equal(got.requires_grad, False, call=call, what="requires_grad of the result",
                misconception="wrap the forward pass in `with torch.no_grad():` so no graph is recorded")


@given(x=float_arrays(max_dims=3))
def test_detached_shares_memory_and_leaves_the_graph(kata, x):
    t = to_torch(x, requires_grad=True) * 1  # a non-leaf tensor inside a graph
    got = kata.detached(t)
    call = f"detached({describe(t)} inside a graph)"
    check_tensor(got, x, framework="torch", call=call)
    check_equal(got.requires_grad, False, call=call, what="requires_grad",
                misconception="t.detach() cuts the tensor from the graph; t.clone() stays in it")
    check_equal(got.data_ptr() == t.data_ptr(), True, call=call, what="memory shared with t",
                misconception="detach() shares memory with t; clone() copies")


@given(model_and_widths=mlps().filter(lambda m: len(m[1]) >= 3))
def test_freeze_all_but_last_leaves_only_the_last_layer_trainable(kata, model_and_widths):
    model, widths = model_and_widths
    got = kata.freeze_all_but_last(model)
    call = f"freeze_all_but_last(an MLP {widths})"
    check_equal(got is model, True, call=call, what="returns the same model")
    linear = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    model(torch.ones(2, widths[0], dtype=torch.float64)).sum().backward()
    for index, layer in enumerate(linear):
        last = index == len(linear) - 1
        for name, parameter in layer.named_parameters():
            check_equal(parameter.grad is not None, last, call=call,
                        what=f"layer {index} {name} gets a gradient",
                        misconception="use parameter.requires_grad_(False) on every parameter of every layer "
                        "but the last; `layer.requires_grad = False` only sets an attribute")
