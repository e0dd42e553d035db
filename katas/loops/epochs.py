"""Kata loops/epochs: one epoch of mini-batch training, and the mean loss of an epoch.

An epoch is one pass over the loader: the four beats once per batch. Its loss is the mean over
all the *samples* the loader serves. ``loss_fn`` (e.g. ``nn.MSELoss()``) already averages within
a batch, so a batch's loss counts as many times as the batch has samples: when the last batch is
short, the plain mean of the batch losses over-weights it. A loader with ``drop_last=True``
serves fewer samples than its dataset holds: the dropped ones have no loss and do not count.

``loss_fn`` is called as ``loss_fn(prediction, y)``, prediction first (torch's losses take
(input, target), and not every loss is symmetric).
"""

from collections.abc import Callable

import torch
from torch import nn
from torch.utils.data import DataLoader

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def train_epoch(model: nn.Module, loader: DataLoader, optimizer: torch.optim.Optimizer, loss_fn: LossFn) -> float:
    """Train on every batch of ``loader`` once (zero_grad, forward, loss, backward, step) and
    return the mean over the samples served of the losses computed on the way, as a float.
    ``zero_grad`` comes first in each batch: gradients left in ``.grad`` by earlier code never count.

    >>> train_epoch(model, loader_of_5_samples_in_batches_of_2, optimizer, nn.MSELoss())
    # batch losses 0.4, 0.2, 0.9 -> (0.4*2 + 0.2*2 + 0.9*1) / 5 = 0.42, not (0.4+0.2+0.9)/3 = 0.5
    """
    raise NotImplementedError("train_epoch(): not implemented yet (kata loops/epochs)")


def evaluate(model: nn.Module, loader: DataLoader, loss_fn: LossFn) -> float:
    """The mean loss over all samples ``loader`` serves, as a float, without training and without
    recording a graph: the model runs inside a ``with torch.no_grad():`` block, so recording is
    back on when evaluate returns. The parameters and their ``.grad`` are left as they were.
    Equal to the loss of all the served samples in one batch.
    """
    raise NotImplementedError("evaluate(): not implemented yet (kata loops/epochs)")
