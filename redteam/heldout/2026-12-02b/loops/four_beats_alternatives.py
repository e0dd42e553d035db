"""Blind red team: correct answers in other styles for kata loops/four_beats."""
from collections import OrderedDict

import torch
from torch import nn
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- quest_model

@alternative("nn.Sequential built from an OrderedDict with named layers", replaces="quest_model")
def quest_model_named_layers():
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(1, 16)),
        ("relu", nn.ReLU()),
        ("output", nn.Linear(16, 1)),
    ]))


@alternative("empty nn.Sequential filled with append()", replaces="quest_model")
def quest_model_appended():
    model = nn.Sequential()
    model.append(nn.Linear(1, 16))
    model.append(nn.ReLU())
    model.append(nn.Linear(16, 1))
    return model


# ---------------------------------------------------------------- train_step

@alternative("zero_grad(set_to_none=False) and float(loss)", replaces="train_step")
def train_step_float_cast(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad(set_to_none=False)
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return float(loss)


@alternative("the beats in a closure handed to optimizer.step(closure)", replaces="train_step")
def train_step_closure(model, optimizer, loss_fn, x, y):
    def closure():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        return loss

    loss = optimizer.step(closure)
    return loss.detach().item()


# ---------------------------------------------------------------- fit

@alternative("list comprehension over an inner step function, F.mse_loss", replaces="fit")
def fit_comprehension(model, optimizer, x, y, epochs):
    def step():
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return [step() for _ in range(epochs)]


@alternative("explicit loop appending float(loss) with nn.MSELoss()", replaces="fit")
def fit_explicit_loop(model, optimizer, x, y, epochs):
    criterion = nn.MSELoss()
    history = []
    epoch = 0
    while epoch < epochs:
        optimizer.zero_grad()
        prediction = model(x)
        loss = criterion(prediction, y)
        loss.backward()
        optimizer.step()
        history.append(float(loss))
        epoch += 1
    return history
