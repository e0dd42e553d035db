"""Reference answer of kata loops/four_beats."""

from collections.abc import Callable

import torch
from torch import nn


def quest_model() -> nn.Sequential:
    return nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))


def train_step(model: nn.Module, optimizer: torch.optim.Optimizer,
               loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
               x: torch.Tensor, y: torch.Tensor) -> float:
    optimizer.zero_grad()         # 0. clear the gradients of the last step
    loss = loss_fn(model(x), y)   # 1. forward, 2. loss
    loss.backward()               # 3. backward
    optimizer.step()              # 4. step
    return loss.item()


def fit(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
        epochs: int) -> list[float]:
    loss_fn = nn.MSELoss()
    return [train_step(model, optimizer, loss_fn, x, y) for _ in range(epochs)]
