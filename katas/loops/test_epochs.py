"""Tests of kata loops/epochs: sample-weighted epoch losses, for any dataset and batch size.

Each problem is a seeded Linear model with gradients from an earlier step still in ``.grad``, a
loader whose last batch is usually short (or dropped), and a loss that is either ``MSELoss()``
or an asymmetric one, so that ``loss_fn(y, prediction)`` gives another value and gradient.
train_epoch is compared with the same epochs trained by hand; evaluate runs with a forward hook
that records whether autograd was recording.
"""

import copy

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support import curves, data
from katas._support.checks import check_close, check_tensor, fail

WEIGHTED = "weight each batch's mean loss by its number of samples: sum(loss.item() * len(x)) / samples served"
FOUR_BEATS = "per batch: optimizer.zero_grad(), prediction = model(x), loss = loss_fn(prediction, y), loss.backward(), optimizer.step()"


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


def lopsided_error(prediction, target):
    """An asymmetric squared error (predicting too high costs twice as much): loss_fn(y, prediction)
    gives another loss and another gradient. Bounded below, so training on it cannot run away."""
    return (torch.where(prediction > target, 2.0, 1.0) * (prediction - target) ** 2).mean()


LOPSIDED = "lopsided squared error (too high costs 2x)"
LOSSES = {"MSELoss()": nn.MSELoss(), LOPSIDED: lopsided_error}

problem_args = {
    "n": st.integers(2, 30), "batch_size": st.integers(1, 8), "features": st.tuples(st.integers(1, 4), st.integers(1, 3)),
    "drop_last": st.booleans(), "seed": st.integers(0, 2**16), "loss_name": st.sampled_from(sorted(LOSSES)),
    "dtype": st.sampled_from([torch.float32, torch.float64]),
}


class Problem:
    """A seeded Linear model with stale gradients in .grad, its data, and an unshuffled loader."""

    def __init__(self, n, batch_size, features, drop_last, seed, loss_name, dtype):
        if n < batch_size:
            drop_last = False  # a loader that serves nothing has no mean loss
        n_in, n_out = features
        generator = torch.Generator().manual_seed(seed)
        self.model = nn.Linear(n_in, n_out).to(dtype)
        with torch.no_grad():
            for p in self.model.parameters():
                p.copy_(torch.randn(p.shape, generator=generator, dtype=dtype))
                p.grad = torch.rand(p.shape, generator=generator, dtype=dtype) + 0.5  # left by an earlier step
        self.x = torch.randn(n, n_in, generator=generator, dtype=dtype) / 2
        self.y = torch.randn(n, n_out, generator=generator, dtype=dtype)
        self.loader = DataLoader(TensorDataset(self.x, self.y), batch_size=batch_size, drop_last=drop_last)
        self.loss_fn = LOSSES[loss_name]
        self.tolerance = 1e-9 if dtype == torch.float64 else 1e-5
        served = n // batch_size * batch_size if drop_last else n
        last = served - (len(self.loader) - 1) * batch_size
        self.short = last != batch_size
        self.text = (f"Linear({n_in}, {n_out}) {str(dtype).removeprefix('torch.')} with stale .grad, {n} samples in "
                     f"batches of {batch_size}" + (f", drop_last=True ({n - served} dropped)" if drop_last else
                                                   f" (last batch: {last})"))
        self.dropped = n - served

    def mistake_hint(self):
        if self.dropped:
            return f"{WEIGHTED}; the dropped samples have no loss, so divide by the samples the loader served"
        if self.short:
            return f"{WEIGHTED}: the short last batch must count for its own size only"
        return WEIGHTED


@settings(max_examples=20)
@given(**problem_args)
@example(n=7, batch_size=3, features=(2, 1), drop_last=False, seed=0, loss_name=LOPSIDED, dtype=torch.float64)
@example(n=11, batch_size=4, features=(3, 2), drop_last=True, seed=1, loss_name="MSELoss()", dtype=torch.float32)
def test_evaluate_is_the_mean_loss_of_the_samples_served_without_a_graph(kata, n, batch_size, features, drop_last,
                                                                          seed, loss_name, dtype):
    problem = Problem(n, batch_size, features, drop_last, seed, loss_name, dtype)
    model, loss_fn = problem.model, problem.loss_fn
    served = torch.cat([xb for xb, _ in problem.loader]), torch.cat([yb for _, yb in problem.loader])
    with torch.no_grad():
        expected = loss_fn(model(served[0]), served[1]).item()
        swapped = loss_fn(served[1], model(served[0])).item()
    before = {name: value.clone() for name, value in model.state_dict().items()}
    stale = [p.grad.clone() for p in model.parameters()]
    call = f"evaluate({problem.text}, {loss_name})"
    grad_modes = []
    forward = model.forward

    def watched_forward(*args, **kwargs):  # model(x) and model.forward(x) alike come through here
        grad_modes.append(torch.is_grad_enabled())
        return forward(*args, **kwargs)

    model.forward = watched_forward
    try:
        got = kata.evaluate(model, problem.loader, loss_fn)
        leaked = not torch.is_grad_enabled()
    finally:
        del model.forward
        torch.set_grad_enabled(True)  # a leaked grad mode must not spoil the next test
    if leaked:
        fail(call, "grad mode afterwards", "recording again (torch.is_grad_enabled() is True)", "still switched off",
             "with torch.no_grad(): ... switches recording off for the block only; torch.set_grad_enabled(False) "
             "as a plain call leaves it off for the caller")
    if any(grad_modes):
        fail(call, "grad mode while the model ran", "off (torch.no_grad())",
             f"on for {sum(grad_modes)} of {len(grad_modes)} forward passes",
             "evaluate records no graph: run the loop inside with torch.no_grad():")
    if loss_fn is lopsided_error and isinstance(got, float) and abs(got - swapped) <= problem.tolerance * (1 + abs(swapped)):
        fail(call, "mean loss over the samples served", f"{expected!r}, the mean of loss_fn(prediction, y)",
             f"{got!r}, the mean of loss_fn(y, prediction)",
             "prediction first, then the target: torch's losses take (input, target), and not every loss is symmetric")
    check_close(got, expected, call=call, what="mean loss over the samples served", rel=problem.tolerance,
                abs_=problem.tolerance, misconception=f"{problem.mistake_hint()}; loss_fn(prediction, y), prediction first")
    for name, value in model.state_dict().items():
        check_tensor(value, before[name], framework="torch", call=f"{call}: model.{name} afterwards", rtol=0, atol=0,
                     misconception="evaluate only measures: no optimizer, no step")
    for (name, p), old in zip(model.named_parameters(), stale):
        check_tensor(p.grad, old, framework="torch", call=f"{call}: model.{name}.grad afterwards", rtol=0, atol=0,
                     misconception="evaluate only measures: no loss.backward(), so .grad stays as it was")


def train_by_hand(model, loader, loss_fn, lr, epochs):
    """(each epoch's weighted mean loss, the parameters after each epoch), trained on a copy: the oracle."""
    model = copy.deepcopy(model)
    optimizer, means, snapshots = torch.optim.SGD(model.parameters(), lr=lr), [], []
    for _ in range(epochs):
        total, count = 0.0, 0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total, count = total + loss.item() * len(xb), count + len(xb)
        means.append(total / count)
        snapshots.append([p.detach().clone() for p in model.parameters()])
    return means, snapshots


def all_close(tensors, others, tolerance):
    return all(torch.allclose(a, b, rtol=tolerance, atol=tolerance) for a, b in zip(tensors, others))


@settings(max_examples=20)
@given(**problem_args, lr=st.sampled_from([0.02, 0.01]))
@example(n=7, batch_size=3, features=(2, 1), drop_last=False, seed=0, loss_name=LOPSIDED, dtype=torch.float64, lr=0.02)
@example(n=11, batch_size=4, features=(3, 2), drop_last=True, seed=1, loss_name="MSELoss()", dtype=torch.float32,
         lr=0.01)
def test_train_epoch_steps_once_per_batch_and_returns_the_weighted_mean(kata, n, batch_size, features, drop_last, seed,
                                                                       loss_name, dtype, lr):
    problem = Problem(n, batch_size, features, drop_last, seed, loss_name, dtype)
    model, loader, loss_fn, tolerance = problem.model, problem.loader, problem.loss_fn, problem.tolerance
    expected, snapshots = train_by_hand(model, loader, loss_fn, lr, epochs=2)
    swapped = train_by_hand(model, loader, lambda p, t: loss_fn(t, p), lr, epochs=1)[1][0]
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for epoch in range(2):  # a second call with the same optimizer: nothing may leak from the first
        call = f"train_epoch({problem.text}, SGD(lr={lr}), {loss_name})" + (", called a second time" if epoch else "")
        got = kata.train_epoch(model, loader, optimizer, loss_fn)
        if not isinstance(got, float):
            fail(call, "type", "a Python float", type(got).__name__,
                 "return a float: add up loss.item() * len(x), then divide by the number of samples")
        after = [p.detach() for p in model.parameters()]
        if epoch == 0 and loss_fn is lopsided_error and all_close(after, swapped, tolerance):
            fail(call, "parameters after the epoch", "trained on loss_fn(prediction, y)",
                 "trained on loss_fn(y, prediction)",
                 "prediction first, then the target: torch's losses take (input, target), and not every loss is symmetric")
        for (name, _), a, e in zip(model.named_parameters(), after, snapshots[epoch]):
            check_tensor(a, e, framework="torch", call=f"{call}: model.{name} after the epoch", rtol=tolerance,
                         atol=tolerance, misconception=f"{FOUR_BEATS}; zero_grad first in each batch, so gradients left "
                         "in .grad by earlier code or by the last batch never count")
        check_close(got, expected[epoch], call=call, what="epoch loss", rel=tolerance, abs_=tolerance,
                    misconception=f"{problem.mistake_hint()}; each loss is the one computed before that batch's step")


def test_epoch_after_epoch_the_loss_falls(kata):
    x, y = (torch.from_numpy(a) for a in data.noisy_line(n=96, noise=0.1, seed=2))
    torch.manual_seed(2)
    model = nn.Linear(1, 1)
    loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    call = "train_epoch(Linear(1, 1), 96 noisy points of y = 2x + 1 in shuffled batches of 16, SGD(lr=0.1), MSELoss())"
    losses = [kata.train_epoch(model, loader, optimizer, nn.MSELoss()) for _ in range(12)]
    if all(isinstance(v, float) for v in losses):
        curves.record(losses, title="epoch loss: 12 calls of train_epoch(Linear(1, 1), SGD(lr=0.1))", target=0.05,
                      target_label="to get under")
    if not losses[-1] < 0.05:
        fail(call + ", 12 times", "loss of the last epoch", "below 0.05 (the noise alone gives about 0.01)",
             f"{losses[-1]:.4f} (first epoch: {losses[0]:.4f})", f"{FOUR_BEATS}; return the epoch's mean loss")
