"""Named mistakes of kata loops/four_beats."""

import torch
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


@mistake("cleared the gradients at the end of the step (after optimizer.step()) instead of first: gradients "
         "left in .grad by earlier code leak into this step", replaces="train_step")
def zero_grad_at_the_end(model, optimizer, loss_fn, x, y):
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- quest_model

@mistake("forgot the ReLU between the two Linear layers (the net is just a line)", replaces="quest_model")
def quest_model_without_relu():
    return nn.Sequential(nn.Linear(1, 16), nn.Linear(16, 1))


@mistake("used 32 hidden units instead of 16", replaces="quest_model")
def quest_model_32_hidden():
    return nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 1))


@mistake("used Tanh as the activation instead of ReLU", replaces="quest_model")
def quest_model_tanh():
    return nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))


@mistake("put a ReLU after the output layer too, so the net can never predict a negative y", replaces="quest_model")
def quest_model_relu_on_output():
    return nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU())


@mistake("wrote my own nn.Module subclass instead of an nn.Sequential", replaces="quest_model")
def quest_model_custom_module():
    class QuestNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(1, 16)
            self.out = nn.Linear(16, 1)

        def forward(self, x):
            return self.out(torch.relu(self.hidden(x)))

    return QuestNet()


# ---------------------------------------------------------------- train_step

@mistake("forgot optimizer.zero_grad(): gradients of earlier steps pile up", replaces="train_step")
def train_step_no_zero_grad(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("cleared the gradients after backward() and before step(), so the step has nothing to use",
         replaces="train_step")
def train_step_zero_grad_before_step(model, optimizer, loss_fn, x, y):
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()


@mistake("forgot optimizer.step(): the parameters never move", replaces="train_step")
def train_step_no_step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    return loss.item()


@mistake("called optimizer.step() before loss.backward()", replaces="train_step")
def train_step_step_before_backward(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(prediction, y)
    optimizer.step()
    loss.backward()
    return loss.item()


@mistake("passed the arguments to the loss the other way round: loss_fn(y, prediction)", replaces="train_step")
def train_step_swapped_loss_args(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(y, prediction)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("returned the loss tensor itself, not a Python float", replaces="train_step")
def train_step_returns_tensor(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    prediction = model(x)
    loss = loss_fn(prediction, y)
    loss.backward()
    optimizer.step()
    return loss


@mistake("returned the loss measured again after the step (after the parameters moved)", replaces="train_step")
def train_step_loss_after_step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


@mistake("updated the weights by hand with p -= 0.1 * p.grad instead of using the optimizer", replaces="train_step")
def train_step_manual_sgd(model, optimizer, loss_fn, x, y):
    model.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= 0.1 * p.grad
    return loss.item()


@mistake("returned the summed loss (mean times the batch size) as 'the total loss'", replaces="train_step")
def train_step_returns_sum(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item() * len(x)


@mistake("only cleared the model's first layer's gradients (looped over children and stopped early)",
         replaces="train_step")
def train_step_partial_zero_grad(model, optimizer, loss_fn, x, y):
    first = next(model.parameters())
    first.grad = None
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


# ---------------------------------------------------------------- fit

def _step(model, optimizer, loss_fn, x, y):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("range(1, epochs): one epoch too few", replaces="fit")
def fit_one_epoch_short(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(1, epochs)]


@mistake("range(epochs + 1): one epoch too many", replaces="fit")
def fit_one_epoch_long(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(epochs + 1)]


@mistake("used nn.L1Loss instead of the mean squared error", replaces="fit")
def fit_l1_loss(model, optimizer, x, y, epochs):
    loss_fn = nn.L1Loss()
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(epochs)]


@mistake("used MSELoss(reduction='sum') instead of the mean", replaces="fit")
def fit_sum_reduction(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss(reduction="sum")
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(epochs)]


@mistake("made a fresh Adam inside fit instead of using the optimizer passed in", replaces="fit")
def fit_own_optimizer(model, optimizer, x, y, epochs):
    own = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    return [_step(model, own, loss_fn, x, y) for _ in range(epochs)]


@mistake("kept only the last loss instead of the list of every epoch's loss", replaces="fit")
def fit_last_loss_only(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    loss = None
    for _ in range(epochs):
        loss = _step(model, optimizer, loss_fn, x, y)
    return [loss]


@mistake("appended the loss tensors (loss, not loss.item()) to the list", replaces="fit")
def fit_tensor_losses(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.detach())
    return losses


@mistake("trained in mini-batches of 32 instead of one full-batch step per epoch", replaces="fit")
def fit_minibatches(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        batch_losses = [_step(model, optimizer, loss_fn, x[i:i + 32], y[i:i + 32])
                        for i in range(0, len(x), 32)]
        losses.append(sum(batch_losses) / len(batch_losses))
    return losses


@mistake("recorded the loss measured after each step instead of the step's own loss", replaces="fit")
def fit_loss_after_step(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        _step(model, optimizer, loss_fn, x, y)
        with torch.no_grad():
            losses.append(loss_fn(model(x), y).item())
    return losses


@mistake("returned a tuple of losses instead of a list", replaces="fit")
def fit_returns_tuple(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    return tuple(_step(model, optimizer, loss_fn, x, y) for _ in range(epochs))


@mistake("forgot zero_grad in the epoch loop: gradients of all earlier epochs add up", replaces="fit")
def fit_no_zero_grad(model, optimizer, x, y, epochs):
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@mistake("trained a brand-new quest_model() inside fit instead of the model passed in", replaces="fit")
def fit_fresh_model(model, optimizer, x, y, epochs):
    net = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    return [_step(net, opt, loss_fn, x, y) for _ in range(epochs)]


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("made its own SGD(lr=0.1) instead of using the optimizer passed in", replaces="fit")
def fit_own_sgd(model, optimizer, x, y, epochs):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
