"""Blind red team: wrong answers for kata loops/four_beats."""
import torch
from torch import nn

from katas._support.mistakes import mistake


def _step(model, optimizer, loss_fn, x, y):
    """A correct train step, used by the fit mistakes (not a mistake itself)."""
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


# ---------------------------------------------------------------- quest_model

@mistake("I put a ReLU after the output layer too (Linear, ReLU, Linear, ReLU): the network can no "
         "longer predict negative values; the docstring lists Linear(1, 16), ReLU, Linear(16, 1)",
         replaces="quest_model")
def relu_after_output():
    return nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU())


@mistake("I wrote my own nn.Module subclass with the same layers: the docstring asks for the layers in "
         "an nn.Sequential", replaces="quest_model")
def custom_module_not_sequential():
    class QuestNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(1, 16)
            self.out = nn.Linear(16, 1)

        def forward(self, x):
            return self.out(torch.relu(self.hidden(x)))

    return QuestNet()


# ---------------------------------------------------------------- train_step

@mistake("I left out optimizer.zero_grad(): with a fresh model it changes nothing, but gradients "
         "already in .grad are added to this step's, which the docstring rules out",
         replaces="train_step")
def no_zero_grad(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("I called loss_fn(y, prediction): MSELoss does not care, but the docstring says prediction "
         "first, and losses such as BCELoss or KLDivLoss are not symmetric", replaces="train_step")
def loss_arguments_swapped(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(y, prediction)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("I returned the loss tensor itself; the docstring asks for a Python float",
         replaces="train_step")
def returns_loss_tensor(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss


@mistake("I reported the loss after the step (evaluated the model again on the batch): the docstring "
         "says the loss computed before the parameters moved", replaces="train_step")
def loss_after_step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


@mistake("I put optimizer.zero_grad() between backward and step: the step sees no gradients and the "
         "parameters do not move", replaces="train_step")
def zero_grad_before_step(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()


# ---------------------------------------------------------------- fit

@mistake("I looped for epoch in range(1, epochs): one epoch short, epochs - 1 losses",
         replaces="fit")
def one_epoch_short(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(1, epochs)]


@mistake("I made a fresh Adam(lr=0.01) inside fit as in the quest, ignoring the optimizer passed in",
         replaces="fit")
def own_optimizer(model, optimizer, x, y, epochs):
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    return [_step(model, opt, loss_fn, x, y) for _ in range(epochs)]


@mistake("I used nn.MSELoss(reduction='sum'): the summed squared error, not the mean squared error "
         "the docstring asks for (losses and steps are N times too big)", replaces="fit")
def summed_squared_error(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss(reduction="sum")
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(epochs)]


@mistake("I split the data into 4 mini-batches per epoch and recorded the mean of their losses: "
         "several steps per epoch, not one full-batch train_step", replaces="fit")
def mini_batches_per_epoch(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        batch_losses = [_step(model, optimizer, loss_fn, xb, yb)
                        for xb, yb in zip(x.chunk(4), y.chunk(4))]
        losses.append(sum(batch_losses) / len(batch_losses))
    return losses


@mistake("I recorded each epoch's loss by evaluating the model after its step: the first value is "
         "not the untrained model's loss, as the docstring says it must be", replaces="fit")
def records_loss_after_step(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        _step(model, optimizer, loss_fn, x, y)
        with torch.no_grad():
            losses.append(loss_fn(model(x), y).item())
    return losses
