"""Kata observe/tensorboard: watch it learn, epoch by epoch, in TensorBoard.

TensorBoard reads *event files*: each event is a value with a tag ("loss"), a step (the x axis)
and a wall time. A PyTorch loop writes them itself with ``torch.utils.tensorboard.SummaryWriter``:
``add_scalar`` for a number, ``add_histogram`` for the spread of a tensor's values. Writers
buffer, so the file is complete only once the writer is flushed or, better, closed. Keras writes
them from a callback, ``keras.callbacks.TensorBoard``, into ``<log_dir>/train`` (and
``/validation``). Run ``tensorboard --logdir <folder>`` to watch the curves; the tests read the
files back with TensorBoard's own reader and compare them with a replay of your training.
Needs the TensorFlow backend (for Keras and its TensorBoard callback), torch, and tensorboard.
"""

import keras
import numpy as np
import torch
from torch import nn


def train_and_log(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
                  epochs: int, logdir: str) -> list[float]:
    """Train ``model`` in place for ``epochs`` epochs (``epochs >= 1``), log every epoch to
    TensorBoard, and return the epoch losses.

    Training: each epoch is ONE full-batch step with the ``optimizer`` you are given (do not make
    another), in this order: ``optimizer.zero_grad()``, ``loss =
    torch.nn.functional.mse_loss(model(x), y)`` (the mean over all elements), ``loss.backward()``,
    ``optimizer.step()``. The epoch's loss is that ``loss``, computed before the epoch's step.

    Logging: one ``torch.utils.tensorboard.SummaryWriter(logdir)`` for the whole call (not one per
    epoch), so ``logdir`` (a new, empty folder) ends up holding exactly ONE event file, directly
    in it, and no subfolder. For each epoch ``e = 0, 1, ..., epochs - 1``, with ``e`` as the step
    (``global_step``):

    - the scalar ``"loss"``: that epoch's loss, once per epoch;
    - a histogram of each parameter, once per epoch: for every ``name, param`` in
      ``model.named_parameters()``, tag ``name`` exactly as it is (``"0.weight"``, ``"0.bias"``),
      values: the parameter as it is at the end of the epoch, after its step (as Keras logs it).
      The tests read each histogram's count, min, max and sum, not its buckets: ``bins`` is up to you.

    Other tags you add with ``add_scalar`` or ``add_histogram`` are not checked; do not use
    ``add_scalars``: it writes each curve into a subfolder of ``logdir``, an event file of its own.
    Close the writer before you return (``writer.close()``, or a ``with SummaryWriter(logdir) as
    writer:`` block): closing writes out what is still buffered and stops the writer's background
    thread. Each call stands alone: keep nothing between calls (no step counter, no writer), so a
    second call's steps start at 0 again. The model's train/eval mode is not checked (the tests'
    models have no dropout or batch norm).

    Returns the epoch losses in order: a ``list`` of ``epochs`` Python ``float`` (``loss.item()``),
    the same values the file holds under ``"loss"``.

    >>> losses = train_and_log(nn.Linear(3, 1), torch.optim.SGD(...), x, y, epochs=3, logdir="runs/lin")
    >>> len(losses), type(losses[0])
    (3, <class 'float'>)
    >>> # tensorboard --logdir runs: "loss" at steps 0, 1, 2; histograms "weight" and "bias"
    """
    raise NotImplementedError("train_and_log(): not implemented yet (kata observe/tensorboard)")


def fit_and_log(model: keras.Model, x: np.ndarray, y: np.ndarray, epochs: int, batch_size: int,
                logdir: str) -> list[float]:
    """Fit ``model`` on ``(x, y)`` for ``epochs`` epochs with a TensorBoard callback that logs to
    ``logdir``, and return the epoch losses.

    ``model`` comes compiled (the caller chose its optimizer and loss): fit it as it is, in
    place, without compiling it again. Fit with ``epochs=epochs``, ``batch_size=batch_size``,
    ``shuffle=False`` (the tests replay the same batches), no validation data, and
    ``callbacks=[keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)]``, with
    ``update_freq`` left at its default ``"epoch"`` (nothing is logged per batch). The callback's
    options that only add or leave out extras (``write_graph``, ``write_steps_per_second``, ...)
    are up to you: the tests ignore the tags they add. One ``fit`` of all the epochs is simplest;
    a ``fit`` per epoch works too if each is told where it starts (``initial_epoch=e,
    epochs=e + 1``), but a plain ``fit(epochs=1)`` in a loop logs every epoch at step 0.
    ``verbose=0`` keeps the output quiet (not checked). Each call stands alone: a new callback
    for each call (none kept between calls).

    What the callback writes, and the tests read back: a folder ``<logdir>/train`` and nothing
    else directly in ``logdir`` (a new, empty folder); in it, TF2 event files (one per ``fit``;
    scalars stored as tensors) with ``epoch_loss`` at steps 0, 1, ..., epochs - 1 (the epoch's
    mean loss over its batches), a histogram of every weight at the same steps, tag
    ``<weight.path>/histogram`` (``sequential/dense/kernel/histogram``; Keras before 3.15 tags it
    ``<weight.name>/histogram``, ``kernel/histogram``), and no ``batch_...`` tag.

    Returns ``history.history["loss"]``: a ``list`` of ``epochs`` Python ``float``, the same
    values as ``epoch_loss``.

    >>> losses = fit_and_log(model, x, y, epochs=3, batch_size=4, logdir="runs/keras")
    >>> len(losses), type(losses[0])
    (3, <class 'float'>)
    >>> # tensorboard --logdir runs: "epoch_loss" in runs/keras/train at steps 0, 1, 2
    """
    raise NotImplementedError("fit_and_log(): not implemented yet (kata observe/tensorboard)")
