"""Kata loops/digits: the quest's pipeline on real handwritten digits.

The data: 1,797 scanned digits of 8x8 pixels, values 0 (white) to 16 (black), that scikit-learn
ships inside its package (``sklearn.datasets.load_digits``), so nothing is downloaded. The tests
hand you a fixed split: 1,437 images to train on and 360 to test on.

The pipeline: scale the pixels to [0, 1] and flatten each image into one row; a hidden layer of
128 units; 10 logits; softmax turns logits into probabilities; accuracy is the share of argmax
predictions that are right. Aim: at least 92 % of the test images right.
"""

import numpy as np
import torch
from torch import nn


def prepare(images: np.ndarray, max_value: float) -> torch.Tensor:
    """Images (N, H, W) of integers 0..max_value as a float32 tensor (N, H * W) in [0, 1]: each
    pixel divided by ``max_value`` (not by the largest pixel present), each image flattened row
    by row into one row (as ``reshape``/``flatten`` do). Any H and W; ``images`` (an integer or
    float NumPy array) is left unchanged.

    >>> prepare(np.array([[[0, 8], [16, 4]]]), max_value=16)
    tensor([[0.0000, 0.5000, 1.0000, 0.2500]])
    """
    raise NotImplementedError("prepare(): not implemented yet (kata loops/digits)")


def digit_mlp(n_inputs: int) -> nn.Sequential:
    """An ``nn.Sequential`` of exactly Linear(n_inputs -> 128), ReLU, Linear(128 -> 10): 10 logits
    per row (no softmax at the end)."""
    raise NotImplementedError("digit_mlp(): not implemented yet (kata loops/digits)")


def probabilities(logits: torch.Tensor) -> torch.Tensor:
    """Softmax of logits (N, classes) over the classes: each row sums to 1. Same dtype as
    ``logits``, which is left unchanged; stable for large logits (a row of 1000s gives no nan:
    ``torch.softmax``, or subtract each row's max before ``exp``)."""
    raise NotImplementedError("probabilities(): not implemented yet (kata loops/digits)")


def accuracy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """The fraction of rows whose largest logit is at the row's label, as a Python float in
    [0, 1] (not a tensor, not a percentage, not rounded). Ties go to the first largest logit,
    as ``argmax`` picks it.

    >>> round(accuracy(torch.tensor([[2.0, 1.0], [0.0, 3.0], [5.0, 1.0]]), torch.tensor([0, 1, 1])), 6)
    0.666667
    """
    raise NotImplementedError("accuracy(): not implemented yet (kata loops/digits)")


def train_digits(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    """A ``digit_mlp`` trained on the prepared images ``x`` (N, 64) and their ``labels`` (N,) for
    ``epochs`` full passes over the data: mini-batches of 64 rows or fewer, shuffled anew every
    epoch (a seeded DataLoader does it); for each batch one Adam step on that batch's gradient
    alone (``zero_grad``), the loss ``nn.functional.cross_entropy(logits, labels)`` (or
    ``nn.CrossEntropyLoss()``). Seed everything from ``seed``: the same seed gives the same
    model on every run, another seed another model. Returns it in eval mode; ``x`` and
    ``labels`` are left unchanged.
    """
    raise NotImplementedError("train_digits(): not implemented yet (kata loops/digits)")
