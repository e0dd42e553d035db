"""Tests of kata loops/four_beats: one step against a hand-made step, then the quest's fit."""

import copy

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from katas._support import data
from katas._support.checks import check_close, check_equal, check_tensor, fail
from katas._support.strategies import arrays, shapes, to_torch

FOUR_BEATS = "optimizer.zero_grad(); loss = loss_fn(model(x), y); loss.backward(); optimizer.step(); return loss.item()"


@st.composite
def problems(draw):
    """A Linear model with stale gradients already in .grad, a batch (x, y) and a learning rate."""
    n, n_in, n_out = draw(shapes(min_dims=3, max_dims=3, max_side=6), label="(N, in, out)")
    torch.manual_seed(draw(st.integers(0, 2**16), label="init seed"))
    model = nn.Linear(n_in, n_out).double()
    for p in model.parameters():  # what an earlier step would leave behind
        p.grad = to_torch(abs(draw(arrays("float64", tuple(p.shape), bound=1), label="stale grad")) + 0.5)
    x = to_torch(draw(arrays("float64", (n, n_in), bound=2), label="x"))
    y = to_torch(draw(arrays("float64", (n, n_out), bound=2), label="y"))
    return model, x, y, draw(st.sampled_from([0.1, 0.01]), label="lr")


def fresh_gradients(model, x, y):
    params = [p.detach().clone().requires_grad_(True) for p in model.parameters()]
    loss = nn.functional.mse_loss(torch.func.functional_call(model, dict(zip(("weight", "bias"), params)), (x,)), y)
    return loss.item(), torch.autograd.grad(loss, params)


@given(problem=problems())
def test_train_step_is_the_four_beats(kata, device, problem):
    model, x, y, lr = problem
    model, x, y = model.to(device), x.to(device), y.to(device)
    before = [p.detach().clone() for p in model.parameters()]
    stale = [p.grad.clone() for p in model.parameters()]
    loss, fresh = fresh_gradients(model, x, y)
    call = f"train_step(Linear{tuple(model.weight.shape[::-1])}, SGD(lr={lr}), MSELoss(), x {tuple(x.shape)}, y)"
    got = kata.train_step(model, torch.optim.SGD(model.parameters(), lr=lr), nn.MSELoss(), x, y)
    after = [p.detach() for p in model.parameters()]
    if all(torch.equal(a, b) for a, b in zip(after, before)):
        fail(call, "parameters after the step", "moved against the gradient", "unchanged",
             "optimizer.step() was not called, or was called before loss.backward()")
    if all(torch.allclose(a, b - lr * (s + g)) for a, b, s, g in zip(after, before, stale, fresh)):
        fail(call, "parameters after the step", "moved by this batch's gradient alone",
             "moved by this gradient plus the gradient left over from an earlier step",
             "forgot optimizer.zero_grad(): gradients add up until you clear them")
    for name, a, b, g in zip(("weight", "bias"), after, before, fresh):
        check_tensor(a, b - lr * g, framework="torch", device=device, call=f"{call}: {name} after the step",
                     rtol=1e-9, atol=1e-9, misconception=FOUR_BEATS)
    check_close(got, loss, call=call, what="returned loss (the loss before the step)", rel=1e-9,
                misconception="return loss.item(): a float, not the tensor that keeps the graph alive")


def test_quest_model_is_linear_relu_linear(kata):
    model = kata.quest_model()
    check_equal([type(layer).__name__ for layer in model], ["Linear", "ReLU", "Linear"], call="quest_model()",
                what="layers", misconception="nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))")
    check_equal([tuple(p.shape) for p in model.parameters()], [(16, 1), (16,), (1, 16), (1,)],
                call="quest_model()", what="parameter shapes")


@given(epochs=st.integers(1, 6), seed=st.integers(0, 2**16))
def test_fit_returns_one_loss_per_epoch_starting_from_the_initial_loss(kata, epochs, seed):
    x, y = (torch.from_numpy(a) for a in data.noisy_line(n=20, seed=seed))
    torch.manual_seed(seed)
    model = nn.Linear(1, 1)
    initial = nn.functional.mse_loss(model(x), y).item()
    losses = kata.fit(model, torch.optim.SGD(model.parameters(), lr=0.1), x, y, epochs)
    call = f"fit(Linear(1, 1), SGD(lr=0.1), x, y, epochs={epochs})"
    check_equal(type(losses) is list and [type(v).__name__ for v in losses], ["float"] * epochs, call=call,
                what="result (one float per epoch)", misconception="collect train_step's float for each epoch")
    check_close(losses[0], initial, call=call, what="first epoch's loss (before any step)", rel=1e-5,
                misconception="record the loss of each epoch's step; the first is the untrained model's loss")


def test_fit_learns_the_quest_line(kata):
    x, y = (torch.from_numpy(a) for a in data.noisy_line(n=200, noise=0.1, seed=0))
    torch.manual_seed(0)
    model = kata.quest_model()
    losses = kata.fit(model, torch.optim.Adam(model.parameters(), lr=0.01), x, y, epochs=200)
    call = "fit(quest_model(), Adam(lr=0.01), 200 noisy points of y = 2x + 1, epochs=200)"
    if not losses[-1] < losses[0]:
        fail(call, "losses", "falling", f"{losses[0]:.4f} at first, {losses[-1]:.4f} at the end", FOUR_BEATS)
    if not losses[-1] < 0.02:
        fail(call, "final loss", "below 0.02 (the noise alone gives about 0.01)", f"{losses[-1]:.4f}",
             "a hidden layer with ReLU between the two Linear layers, and all four beats in each step")
