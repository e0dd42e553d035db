"""Blind red team: wrong answers for kata loops/four_beats."""
import torch
from torch import nn
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- quest_model

@mistake("forgot the ReLU between the two Linear layers", replaces="quest_model")
def quest_model_without_relu():
    return nn.Sequential(nn.Linear(1, 16), nn.Linear(16, 1))


@mistake("put a ReLU after the last Linear too (outputs can never be negative)",
         replaces="quest_model")
def quest_model_final_relu():
    return nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU())


# ---------------------------------------------------------------- train_step

@mistake("no optimizer.zero_grad(): gradients pile up step after step", replaces="train_step")
def train_step_without_zero_grad(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("zero_grad at the end of the step instead of first: gradients left by earlier code "
         "still count in this step", replaces="train_step")
def train_step_zero_grad_last(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


@mistake("called loss_fn(y, prediction): target first", replaces="train_step")
def train_step_swapped_loss_args(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(y, prediction)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("returns the loss tensor, not a Python float", replaces="train_step")
def train_step_returns_tensor(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return loss


@mistake("reports the loss recomputed after optimizer.step(), i.e. after the parameters moved",
         replaces="train_step")
def train_step_loss_after_step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


# ---------------------------------------------------------------- fit

@mistake("for epoch in range(1, epochs): one epoch (and one loss) short", replaces="fit")
def fit_one_epoch_short(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for epoch in range(1, epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@mistake("made its own Adam(lr=0.01) as in the tutorial, ignoring the optimizer passed in",
         replaces="fit")
def fit_own_adam(model, optimizer, x, y, epochs):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@mistake("MSELoss(reduction='sum'): summed squared error, not the mean", replaces="fit")
def fit_summed_squared_error(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss(reduction="sum")
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@mistake("logs the loss every 10 epochs, like the tutorial's print, instead of every epoch",
         replaces="fit")
def fit_logs_every_tenth_epoch(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        if epoch % 10 == 0:
            losses.append(loss.item())
    return losses


@mistake("trains in mini-batches of 16 each epoch and logs the epoch's average batch loss",
         replaces="fit")
def fit_mini_batches(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    n = x.shape[0]
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, 16):
            xb, yb = x[start:start + 16], y[start:start + 16]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * xb.shape[0]
        losses.append(total / n)
    return losses
