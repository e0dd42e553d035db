"""Named mistakes of kata loops/four_beats."""

from torch import nn

from katas._support.mistakes import mistake


@mistake("forgot optimizer.zero_grad(): each step adds onto the last step's gradients", replaces="train_step")
def forgot_zero_grad(model, optimizer, loss_fn, x, y):
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("forgot optimizer.step(): gradients are computed but the parameters never move", replaces="train_step")
def forgot_step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    return loss.item()


@mistake("stepped before backward: the step uses the zeroed gradients", replaces="train_step")
def step_before_backward(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    optimizer.step()
    loss.backward()
    return loss.item()


@mistake("returned the loss tensor, which keeps the whole graph alive, instead of loss.item()",
         replaces="train_step")
def returned_tensor(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss


@mistake("no hidden activation: Linear, Linear is just one straight line", replaces="quest_model")
def no_relu():
    return nn.Sequential(nn.Linear(1, 16), nn.Linear(16, 1))
