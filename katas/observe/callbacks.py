"""Kata observe/callbacks: control training from outside the loop.

A training loop does the same thing every epoch; what changes from epoch to epoch is decided
outside it. Keras' ``fit`` calls *callbacks* at fixed points (``on_epoch_end``, ``on_train_end``):
``keras.callbacks.EarlyStopping`` watches a logged metric, stops training once it has not
improved for ``patience`` epochs, and can put the best epoch's weights back. In PyTorch you own
the loop, and a *learning-rate scheduler* (``torch.optim.lr_scheduler``) sets the optimizer's
rate: ``scheduler.step()`` moves it on to the next epoch's rate, so it goes after that epoch's
``optimizer.step()`` calls, once per epoch. Runs on any Keras backend.
"""

import keras
import numpy as np
import torch
from torch import nn


def fit_with_early_stopping(model: keras.Model, x: np.ndarray, y: np.ndarray, x_val: np.ndarray,
                            y_val: np.ndarray, patience: int, max_epochs: int) -> int:
    """Fit ``model`` on (x, y) for at most ``max_epochs`` epochs, measuring ``val_loss`` on
    (x_val, y_val) after every epoch, and stop early with ``keras.callbacks.EarlyStopping``:

    - monitor ``val_loss`` (lower is better); an epoch improves when its val_loss is strictly
      below the best so far: EarlyStopping's defaults ``mode="min"``, ``min_delta=0`` (any drop,
      however small, counts; an equal val_loss does not);
    - stop after ``patience`` epochs in a row without improvement (``patience`` >= 1);
    - leave the model with the weights it had after its best epoch (``restore_best_weights=True``),
      whether training stopped early or ran all ``max_epochs``.

    ``EarlyStopping`` is the tool this kata teaches; a hand-written loop or callback that behaves
    exactly the same is accepted too (the tests watch the behaviour, not the class).

    The model arrives compiled (optimizer and loss): fit it as it is, in place (not a clone), and
    do not call ``model.compile`` again, not even with the same optimizer. Train on (x, y) and
    validate on (x_val, y_val) (not a ``validation_split``). One batch per epoch:
    ``batch_size=len(x)`` (``x`` may have more than 32 samples, fit's default batch size);
    shuffling or not is your choice. Quietly: nothing printed on stdout, neither fit's progress
    (``verbose=0``) nor EarlyStopping's messages (its default ``verbose=0``). Return the number of
    epochs that ran as a Python ``int`` (``np.int64`` is not one): the 1-based number of the last
    epoch, ``len(history.epoch)``.

    >>> # val_loss of epochs 1, 2, 3, ...: 0.9, 0.5, 0.3, 0.4, 0.35, 0.6, 0.2
    >>> fit_with_early_stopping(model, x, y, x_val, y_val, patience=3, max_epochs=10)
    6   # epoch 3 is the best; 4, 5 and 6 are not below 0.3: stops after epoch 6, weights of epoch 3
    """
    raise NotImplementedError("fit_with_early_stopping(): not implemented yet (kata observe/callbacks)")


def train_with_step_decay(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
                          epochs: int, batch_size: int, step_size: int, gamma: float) -> list[float]:
    """Train ``model`` for ``epochs`` epochs with ``optimizer`` and a step-decay schedule, and
    return the learning rate each epoch trained with: a ``list`` (not a tuple) of floats, one per
    epoch (Python ``float``, or a subclass such as ``np.float64``; not tensors, not one-element
    lists).

    ``optimizer`` arrives made, over ``model``'s parameters (one parameter group), at its starting
    rate ``lr``: use it, do not make another. Epoch ``e`` (0-based) trains at
    ``lr * gamma ** (e // step_size)``: what ``torch.optim.lr_scheduler.StepLR(optimizer,
    step_size, gamma)`` gives when its ``step()`` is called once per epoch, after that epoch's
    ``optimizer.step()`` calls. Any other way that gives every ``optimizer.step()`` of epoch ``e``
    that rate is accepted too (another scheduler, or setting the param group's ``"lr"`` yourself);
    the tests watch the rate of each ``optimizer.step()``, and compare rates with a relative
    tolerance of 1e-9 (StepLR multiplies by ``gamma`` step by step, the closed form raises it to a
    power: both are right). What the param group's ``"lr"`` is after the call (left at the last
    rate, or put back) is up to you: the tests do not look at it.

    One epoch: the samples in order, in mini-batches of ``batch_size`` (``x[0:batch_size]``,
    ``x[batch_size:2 * batch_size]``, ...; the last may be smaller), no shuffling; for each:
    zero the gradients, ``nn.functional.mse_loss(model(xb), yb)`` (the mean), ``backward()``,
    ``optimizer.step()``. ``x`` has at least one sample, ``epochs`` >= 1.

    >>> optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    >>> train_with_step_decay(model, optimizer, x, y, epochs=5, batch_size=4, step_size=2, gamma=0.5)
    [0.1, 0.1, 0.05, 0.05, 0.025]
    """
    raise NotImplementedError("train_with_step_decay(): not implemented yet (kata observe/callbacks)")
