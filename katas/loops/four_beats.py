"""Kata loops/four_beats: the heartbeat of deep learning.

Every PyTorch training step is the same four beats, after clearing the slate:

    optimizer.zero_grad()        # gradients add up (autograd/accumulation): clear the last step's
    prediction = model(x)        # 1. forward
    loss = loss_fn(prediction, y)  # 2. loss
    loss.backward()              # 3. backward: fills p.grad for every parameter p
    optimizer.step()             # 4. step: moves every parameter against its gradient

Then fit the quest's line: noisy y = 2x + 1 with a small network and Adam.
"""

from collections.abc import Callable

import torch
from torch import nn


def quest_model() -> nn.Sequential:
    """The quest's network: Linear(1, 16), ReLU, Linear(16, 1), in an ``nn.Sequential``."""
    raise NotImplementedError("quest_model(): not implemented yet (kata loops/four_beats)")


def train_step(model: nn.Module, optimizer: torch.optim.Optimizer,
               loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
               x: torch.Tensor, y: torch.Tensor) -> float:
    """One training step on the batch (x, y): the four beats, with ``optimizer.zero_grad()`` first,
    so gradients left in ``.grad`` by earlier code never count in this step. The loss is
    ``loss_fn(prediction, y)``, prediction first (torch's losses take (input, target), and not
    every loss is symmetric). Returns that loss (computed before the parameters moved) as a
    Python float.

    >>> model = nn.Linear(1, 1); optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    >>> train_step(model, optimizer, nn.MSELoss(), torch.ones(4, 1), torch.zeros(4, 1))
    0.73...   # model's parameters have moved; the number depends on the initial weights
    """
    raise NotImplementedError("train_step(): not implemented yet (kata loops/four_beats)")


def fit(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
        epochs: int) -> list[float]:
    """Full-batch training of ``model`` with the ``optimizer`` passed in and the mean squared
    error (``nn.MSELoss()``): one train_step on all of (x, y) per epoch. Returns a list of the
    epochs' losses, one float per epoch, each the loss its step computed (so the first is the
    untrained model's loss).

    >>> losses = fit(quest_model(), optimizer, x, y, epochs=200)   # falls to about 0.01
    """
    raise NotImplementedError("fit(): not implemented yet (kata loops/four_beats)")
