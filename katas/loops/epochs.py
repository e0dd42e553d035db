"""Kata loops/epochs: one epoch of mini-batch training, and the mean loss of an epoch.

An epoch is one pass over the loader: the four beats once per batch. Its loss is the mean over
all *samples*. ``loss_fn`` (e.g. ``nn.MSELoss()``) already averages within a batch, so a batch's
loss counts as many times as the batch has samples: when the last batch is short, the plain mean
of the batch losses over-weights it.
"""

from collections.abc import Callable

import torch
from torch import nn
from torch.utils.data import DataLoader

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def train_epoch(model: nn.Module, loader: DataLoader, optimizer: torch.optim.Optimizer, loss_fn: LossFn) -> float:
    """Train on every batch of ``loader`` once (zero_grad, forward, loss, backward, step) and
    return the mean over all samples of the losses computed on the way, as a float.

    >>> train_epoch(model, loader_of_5_samples_in_batches_of_2, optimizer, nn.MSELoss())
    # batch losses 0.4, 0.2, 0.9 -> (0.4*2 + 0.2*2 + 0.9*1) / 5 = 0.42, not (0.4+0.2+0.9)/3 = 0.5
    """
    raise NotImplementedError("train_epoch(): not implemented yet (kata loops/epochs)")


def evaluate(model: nn.Module, loader: DataLoader, loss_fn: LossFn) -> float:
    """The mean loss over all samples of ``loader``, without training and without recording a
    graph (``torch.no_grad()``). Equal to the loss of the whole dataset in one batch.
    """
    raise NotImplementedError("evaluate(): not implemented yet (kata loops/epochs)")
