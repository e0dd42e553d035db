"""Correct alternatives of kata loops/four_beats: other styles the tests must accept."""
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- quest_model

@alternative("nn.Sequential built from an OrderedDict with named layers", replaces="quest_model")
def quest_model_named():
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(1, 16)),
        ("relu", nn.ReLU()),
        ("output", nn.Linear(16, 1)),
    ]))


@alternative("empty nn.Sequential grown with .append()", replaces="quest_model")
def quest_model_appended():
    model = nn.Sequential()
    model.append(nn.Linear(1, 16))
    model.append(nn.ReLU(inplace=True))
    model.append(nn.Linear(16, 1))
    return model


@alternative("layers listed first, then unpacked into nn.Sequential(*layers)", replaces="quest_model")
def quest_model_unpacked():
    sizes = [1, 16, 1]
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        if i:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(n_in, n_out))
    return nn.Sequential(*layers)


# ---------------------------------------------------------------- train_step

@alternative("model.zero_grad(set_to_none=False) to clear, float(loss) to convert", replaces="train_step")
def train_step_model_zero_grad(model, optimizer, loss_fn, x, y):
    model.zero_grad(set_to_none=False)
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return float(loss)


@alternative("grads set to None by hand, torch.autograd.backward(loss), loss.detach().item()",
             replaces="train_step")
def train_step_autograd_backward(model, optimizer, loss_fn, x, y):
    for group in optimizer.param_groups:
        for p in group["params"]:
            p.grad = None
    prediction = model(x)
    loss = loss_fn(prediction, y)
    torch.autograd.backward(loss)
    optimizer.step()
    return loss.detach().item()


@alternative("the loss value read before backward, zero_grad via optimizer with set_to_none=True",
             replaces="train_step")
def train_step_value_first(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    value = loss.item()
    loss.backward()
    optimizer.step()
    return value


@alternative("optimizer.step(closure) with the four beats in the closure", replaces="train_step")
def train_step_closure(model, optimizer, loss_fn, x, y):
    def closure():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        return loss

    return optimizer.step(closure).item()


# ---------------------------------------------------------------- fit

@alternative("the four beats inlined in a while loop with F.mse_loss", replaces="fit")
def fit_while_inline(model, optimizer, x, y, epochs):
    losses = []
    epoch = 0
    while epoch < epochs:
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        epoch += 1
    return losses


@alternative("list comprehension over range(epochs), one MSELoss created outside", replaces="fit")
def fit_comprehension(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return float(loss)

    return [step() for _ in range(epochs)]


@alternative("a new nn.MSELoss() each epoch, model.train() first, losses preallocated", replaces="fit")
def fit_preallocated(model, optimizer, x, y, epochs):
    model.train()
    losses = [0.0] * epochs
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.step()
        losses[epoch] = loss.item()
    return losses
