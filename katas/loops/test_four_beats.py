"""Tests of kata loops/four_beats: one step against a hand-made step, fit against a hand-run fit,
then the quest's fit once for real.

The step is checked with gradients left over from an earlier step already in ``.grad`` and with a
loss whose argument order matters, so a missing or late ``zero_grad`` and a swapped
``loss_fn(y, prediction)`` both move the parameters to the wrong place.
"""

import copy

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support import curves, data
from katas._support.checks import check_close, check_equal, check_tensor, fail

FOUR_BEATS = "optimizer.zero_grad(); loss = loss_fn(model(x), y); loss.backward(); optimizer.step(); return loss.item()"


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


def cubed_error(prediction, target):
    """An asymmetric loss: loss_fn(y, prediction) gives the opposite loss and gradient."""
    return ((prediction - target) ** 3).mean()


LOSSES = {"MSELoss()": nn.MSELoss(), "cubed error ((prediction - y) ** 3).mean()": cubed_error}


def make_problem(sizes, seed, dtype, device):
    """A seeded Linear model with stale gradients already in .grad (what an earlier step leaves
    behind), and a batch (x, y)."""
    n, n_in, n_out = sizes
    generator = torch.Generator().manual_seed(seed)
    model = nn.Linear(n_in, n_out).to(dtype)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=generator, dtype=dtype))
            p.grad = torch.rand(p.shape, generator=generator, dtype=dtype) + 0.5
    x = torch.randn(n, n_in, generator=generator, dtype=dtype) * 2
    y = torch.randn(n, n_out, generator=generator, dtype=dtype) * 2
    return model.to(device), x.to(device), y.to(device)


def step_by_hand(model, loss_fn, x, y, lr, *, swapped=False):
    """(the loss, the parameters after one clean SGD step), on a copy: the oracle."""
    params = [p.detach().clone().requires_grad_(True) for p in model.parameters()]
    prediction = torch.func.functional_call(model, dict(zip(("weight", "bias"), params)), (x,))
    loss = loss_fn(y, prediction) if swapped else loss_fn(prediction, y)
    grads = torch.autograd.grad(loss, params)
    return loss.item(), [p.detach() - lr * g for p, g in zip(params, grads)], grads


def all_close(tensors, others, tolerance):
    return all(torch.allclose(a, b, rtol=tolerance, atol=tolerance) for a, b in zip(tensors, others))


@settings(max_examples=25)
@given(sizes=st.tuples(st.integers(2, 6), st.integers(1, 4), st.integers(1, 3)), seed=st.integers(0, 2**16),
       lr=st.sampled_from([0.05, 0.01]), loss_name=st.sampled_from(sorted(LOSSES)),
       dtype=st.sampled_from([torch.float32, torch.float64]))
@example(sizes=(3, 2, 1), seed=1, lr=0.01, loss_name="cubed error ((prediction - y) ** 3).mean()", dtype=torch.float64)
@example(sizes=(4, 1, 2), seed=2, lr=0.05, loss_name="MSELoss()", dtype=torch.float32)
def test_train_step_is_the_four_beats(kata, device, sizes, seed, lr, loss_name, dtype):
    if device == "mps" and dtype == torch.float64:
        return
    model, x, y = make_problem(sizes, seed, dtype, device)
    loss_fn = LOSSES[loss_name]
    tolerance = 1e-9 if dtype == torch.float64 else 1e-5
    before = [p.detach().clone() for p in model.parameters()]
    stale = [p.grad.clone() for p in model.parameters()]
    loss, expected, fresh = step_by_hand(model, loss_fn, x, y, lr)
    swapped = step_by_hand(model, loss_fn, x, y, lr, swapped=True)[1]
    call = (f"train_step(Linear({sizes[1]}, {sizes[2]}) {str(dtype).removeprefix('torch.')} with stale .grad "
            f"from an earlier step, SGD(lr={lr}), {loss_name}, x {tuple(x.shape)}, y {tuple(y.shape)})")
    got = kata.train_step(model, torch.optim.SGD(model.parameters(), lr=lr), loss_fn, x, y)
    after = [p.detach() for p in model.parameters()]
    if all(torch.equal(a, b) for a, b in zip(after, before)):
        fail(call, "parameters after the step", "moved against the gradient", "unchanged",
             "optimizer.step() must come after loss.backward(), with nothing clearing the gradients in between")
    if all_close(after, [b - lr * (s + g) for b, s, g in zip(before, stale, fresh)], tolerance):
        fail(call, "parameters after the step", "moved by this batch's gradient alone",
             "moved by this gradient plus the gradient left in .grad by an earlier step",
             "optimizer.zero_grad() first: gradients add up until you clear them, so clearing them at the "
             "end of a step (or not at all) lets the last step's gradients into this one")
    if loss_fn is cubed_error and all_close(after, swapped, tolerance):
        fail(call, "parameters after the step", "moved by the gradient of loss_fn(prediction, y)",
             "moved by the gradient of loss_fn(y, prediction)",
             "prediction first, then the target: torch's losses take (input, target), and not every loss is symmetric")
    for name, a, e in zip(("weight", "bias"), after, expected):
        check_tensor(a, e, framework="torch", device=device, call=f"{call}: {name} after the step",
                     rtol=tolerance, atol=tolerance, misconception=f"{FOUR_BEATS}, with the optimizer passed in")
    check_close(got, loss, call=call, what="returned loss (this batch's loss_fn value, before the step)",
                rel=tolerance, abs_=tolerance,
                misconception="return loss.item() of the loss you called backward on: a float, not the tensor that "
                "keeps the graph alive, and not a loss measured again after the step")


def test_quest_model_is_linear_relu_linear(kata):
    model = kata.quest_model()
    call = "quest_model()"
    if not isinstance(model, nn.Sequential):
        fail(call, "type", "an nn.Sequential", type(model).__name__,
             "nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1)): the docstring asks for a Sequential")
    check_equal([type(layer).__name__ for layer in model], ["Linear", "ReLU", "Linear"], call=call,
                what="layers", misconception="nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))")
    check_equal([tuple(p.shape) for p in model.parameters()], [(16, 1), (16,), (1, 16), (1,)],
                call=call, what="parameter shapes", misconception="16 hidden units: Linear(1, 16), then Linear(16, 1)")


def fit_by_hand(model, x, y, epochs):
    """(the losses, the model) of the reference fit, on a copy of the model."""
    model = copy.deepcopy(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.07, momentum=0.5)
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses, model


@settings(max_examples=20)
@given(epochs=st.integers(1, 5), seed=st.integers(0, 2**16))
@example(epochs=3, seed=0)
def test_fit_is_one_full_batch_train_step_per_epoch(kata, epochs, seed):
    x, y = (torch.from_numpy(a) for a in data.noisy_line(n=40, seed=seed))
    torch.manual_seed(seed)
    model = nn.Linear(1, 1)
    for p in model.parameters():  # left over from earlier training
        p.grad = torch.full_like(p, 0.5)
    expected, trained = fit_by_hand(model, x, y, epochs)
    call = f"fit(Linear(1, 1) with stale .grad, SGD(lr=0.07, momentum=0.5), 40 points of y = 2x + 1, epochs={epochs})"
    losses = kata.fit(model, torch.optim.SGD(model.parameters(), lr=0.07, momentum=0.5), x, y, epochs)
    check_equal(type(losses).__name__, "list", call=call, what="result type",
                misconception="return a list: one float per epoch")
    check_equal([type(v).__name__ for v in losses], ["float"] * epochs, call=call,
                what="type of each entry (one float per epoch)",
                misconception="one train_step per epoch, for epoch in range(epochs); collect the float it returns")
    check_close(losses[0], expected[0], call=call, what="first epoch's loss (the untrained model's MSE)",
                rel=1e-5, misconception="each epoch's loss is nn.MSELoss()(model(x), y) on all of x, computed "
                "before that epoch's step")
    for epoch, (got, want) in enumerate(zip(losses, expected)):
        if epoch == 0:
            continue
        check_close(got, want, call=call, what=f"loss of epoch {epoch}", rel=1e-5,
                    misconception="train the model and optimizer passed in, one full-batch train_step per epoch "
                    "(zero_grad first in each)")
    for (name, p), q in zip(model.named_parameters(), trained.parameters()):
        check_tensor(p.detach(), q.detach(), framework="torch", call=f"{call}: model.{name} afterwards",
                     misconception="train the model passed in, with the optimizer passed in")


def test_fit_learns_the_quest_line(kata):
    x, y = (torch.from_numpy(a) for a in data.noisy_line(n=200, noise=0.1, seed=0))
    torch.manual_seed(0)
    model = kata.quest_model()
    losses = kata.fit(model, torch.optim.Adam(model.parameters(), lr=0.01), x, y, epochs=200)
    call = "fit(quest_model(), Adam(lr=0.01), 200 noisy points of y = 2x + 1, epochs=200)"
    if isinstance(losses, list) and losses and all(isinstance(v, float) for v in losses):
        curves.record(losses, title="loss per epoch: fit(quest_model(), Adam(lr=0.01))", target=0.02,
                      target_label="to get under")
    if not losses[-1] < losses[0]:
        fail(call, "losses", "falling", f"{losses[0]:.4f} at first, {losses[-1]:.4f} at the end", FOUR_BEATS)
    if not losses[-1] < 0.02:
        fail(call, "final loss", "below 0.02 (the noise alone gives about 0.01)", f"{losses[-1]:.4f}",
             "a hidden layer with ReLU between the two Linear layers, and all four beats in each step")
