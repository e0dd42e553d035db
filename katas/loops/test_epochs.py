"""Tests of kata loops/epochs: sample-weighted epoch losses, for any dataset and batch size."""

import copy

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support.checks import check_close, check_tensor
from katas._support.strategies import arrays, to_torch

WEIGHTED = "weight each batch's mean loss by its number of samples: sum(loss.item() * len(x)) / total samples"


@st.composite
def problems(draw):
    """A seeded Linear model and a loader whose last batch is usually short."""
    n, batch_size = draw(st.integers(2, 40), label="samples"), draw(st.integers(1, 12), label="batch size")
    n_in, n_out = draw(st.integers(1, 4), label="in"), draw(st.integers(1, 3), label="out")
    x = to_torch(draw(arrays("float64", (n, n_in), bound=2), label="x"))
    y = to_torch(draw(arrays("float64", (n, n_out), bound=2), label="y"))
    torch.manual_seed(draw(st.integers(0, 2**16), label="init seed"))
    return nn.Linear(n_in, n_out).double(), DataLoader(TensorDataset(x, y), batch_size=batch_size), x, y


def describe(model, loader, x):
    return f"{tuple(model.weight.shape[::-1])} Linear, {len(x)} samples in batches of {loader.batch_size}"


@given(problem=problems())
def test_evaluate_is_the_loss_of_the_whole_dataset(kata, problem):
    model, loader, x, y = problem
    expected = nn.functional.mse_loss(model(x), y).item()
    before = copy.deepcopy(model.state_dict())
    got = kata.evaluate(model, loader, nn.MSELoss())
    check_close(got, expected, call=f"evaluate({describe(model, loader, x)}, MSELoss())", rel=1e-9,
                what="mean loss over all samples", misconception=WEIGHTED)
    for name, value in model.state_dict().items():
        check_tensor(value, before[name], framework="torch", call="evaluate(...)", rtol=0, atol=0,
                     misconception="evaluate only measures: no optimizer, no step")


@given(problem=problems(), lr=st.sampled_from([0.1, 0.01]))
def test_train_epoch_steps_once_per_batch_and_returns_the_weighted_mean(kata, problem, lr):
    model, loader, x, y = problem
    twin = copy.deepcopy(model)  # trained by hand, batch by batch, as the oracle
    twin_optimizer, losses, sizes = torch.optim.SGD(twin.parameters(), lr=lr), [], []
    for xb, yb in loader:
        twin_optimizer.zero_grad()
        loss = nn.functional.mse_loss(twin(xb), yb)
        loss.backward()
        twin_optimizer.step()
        losses.append(loss.item())
        sizes.append(len(xb))
    call = f"train_epoch({describe(model, loader, x)}, SGD(lr={lr}), MSELoss())"
    got = kata.train_epoch(model, loader, torch.optim.SGD(model.parameters(), lr=lr), nn.MSELoss())
    for (name, p), q in zip(model.named_parameters(), twin.parameters()):
        check_tensor(p.detach(), q.detach(), framework="torch", call=f"{call}: {name} after the epoch",
                     rtol=1e-9, atol=1e-9, misconception="one zero_grad, forward, loss, backward, step per batch")
    expected = sum(loss * size for loss, size in zip(losses, sizes)) / sum(sizes)
    check_close(got, expected, call=call, what="epoch loss", rel=1e-9,
                misconception=f"{WEIGHTED}; each loss is the one computed before that batch's step")
