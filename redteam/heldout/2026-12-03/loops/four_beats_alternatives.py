"""Blind red team: correct answers in other styles for kata loops/four_beats."""
from collections import OrderedDict

import torch.nn.functional as F
from torch import nn

from katas._support.mistakes import alternative


@alternative("nn.Sequential built from an OrderedDict with named layers (state_dict keys "
             "'hidden.weight', 'out.bias', ... instead of '0.weight', '2.bias')", replaces="quest_model")
def named_sequential():
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(1, 16)),
        ("relu", nn.ReLU()),
        ("out", nn.Linear(16, 1)),
    ]))


@alternative("an empty nn.Sequential filled with .append, the ReLU as "
             "nn.ReLU(inplace=True)", replaces="quest_model")
def appended_sequential():
    model = nn.Sequential()
    model.append(nn.Linear(1, 16))
    model.append(nn.ReLU(inplace=True))
    model.append(nn.Linear(16, 1))
    return model


@alternative("zero_grad(set_to_none=False), the loss read out with float(loss.detach()) before "
             "backward and step", replaces="train_step")
def zero_fill_and_float(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad(set_to_none=False)
    loss = loss_fn(model(x), y)
    value = float(loss.detach())
    loss.backward()
    optimizer.step()
    return value


@alternative("a while loop with F.mse_loss (the functional form of nn.MSELoss) and the four beats "
             "written inline", replaces="fit")
def while_loop_functional_mse(model, optimizer, x, y, epochs):
    history = []
    epoch = 0
    while epoch < epochs:
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        history.append(loss.item())
        epoch += 1
    return history
