"""Tests of kata autograd/accumulation."""

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch.nn import functional as F

from katas._support.checks import check_close, check_equal, check_tensor
from katas._support.strategies import arrays, points, polynomials, shapes, to_torch


@given(f=polynomials(), w=points(), passes=st.integers(1, 4))
def test_backward_passes_add_up(kata, f, w, passes):
    got = kata.accumulated_grad(f, w, passes)
    check_close(got, passes * f.derivative(w), call=f"accumulated_grad({f!r}, w={w!r}, passes={passes})",
                rel=1e-9, abs_=1e-9, misconception="each backward() adds df/dw into .grad; do not zero in between")


@st.composite
def linear_and_batches(draw):
    n_in, n_out = draw(shapes(min_dims=2, max_dims=2, max_side=4, distinct=True), label="(in, out)")
    model = torch.nn.Linear(n_in, n_out).double()
    with torch.no_grad():
        model.weight.copy_(to_torch(draw(arrays("float64", (n_out, n_in), bound=2), label="weight")))
        model.bias.copy_(to_torch(draw(arrays("float64", (n_out,), bound=2), label="bias")))
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4), label="batch sizes")
    batches = [(to_torch(draw(arrays("float64", (n, n_in), bound=2))), to_torch(draw(arrays("float64", (n, n_out), bound=2))))
               for n in sizes]
    return model, batches


def reference_grad(model, x, y):
    """The weight gradient of one batch, computed on its own by torch.autograd.grad."""
    return torch.autograd.grad(F.mse_loss(model(x), y), model.weight)[0]


@given(inputs=linear_and_batches())
def test_each_batch_gets_its_own_gradient(kata, inputs):
    model, batches = inputs
    expected = [reference_grad(model, x, y) for x, y in batches]
    weight_before = model.weight.detach().clone()
    got = kata.per_batch_grads(model, batches)
    call = f"per_batch_grads(Linear{tuple(model.weight.shape[::-1])}, {len(batches)} batches)"
    check_equal(len(got), len(batches), call=call, what="number of gradients")
    for index, (g, e) in enumerate(zip(got, expected)):
        check_tensor(g, e, framework="torch", call=f"{call}, batch {index}", rtol=1e-9, atol=1e-9,
                     misconception="gradients accumulate: zero_grad() before each batch, and keep "
                     ".grad.clone(), because zero_grad() reuses the same tensor")
    check_tensor(model.weight.detach(), weight_before, framework="torch", call=call,
                 misconception="only compute gradients: no optimizer step, no weight update")
