"""Kata keras/custom_loop: write the loop that ``fit`` hides.

``model.fit`` runs, for every batch: a forward pass recorded on a ``tf.GradientTape``, the loss,
the gradients of the loss with respect to the trainable variables, and the optimizer's
``apply_gradients``: the same four beats as PyTorch's (loops/four_beats), in TensorFlow's words.
Written by hand, it matches ``fit(..., shuffle=False)`` weight for weight.
Needs the TensorFlow backend (``tf.GradientTape``).
"""

from collections.abc import Callable

import keras
import numpy as np
import tensorflow as tf


def train_with_tape(model: keras.Model, optimizer: keras.optimizers.Optimizer,
                    loss_fn: Callable[[tf.Tensor, tf.Tensor], tf.Tensor], x: np.ndarray, y: np.ndarray,
                    epochs: int, batch_size: int) -> list[float]:
    """Train ``model`` as ``model.fit(x, y, epochs, batch_size, shuffle=False)`` would: batches
    in order (the short last one too), one ``apply_gradients`` of the given ``optimizer`` per
    batch, ``model(xb, training=True)`` and ``loss_fn(yb, prediction)`` inside the tape. Returns
    each epoch's loss as a Python float, the mean over all samples of the losses computed before
    each update, as ``fit`` reports it (a short last batch weighs less).

    The given ``model`` is trained in place, and ends with fit's weights, BatchNormalization's
    moving statistics included (they only update under ``training=True``). ``loss_fn`` returns a
    scalar and need not be symmetric: true values first. ``optimizer`` keeps its own settings and
    state (a momentum, say). ``x`` and ``y`` are left unchanged.

    >>> train_with_tape(model, keras.optimizers.SGD(0.1), keras.losses.MeanSquaredError(), x, y, 3, 4)
    [1.04..., 0.90..., 0.87...]   # == model.fit(...).history["loss"] from the same start
    """
    raise NotImplementedError("train_with_tape(): not implemented yet (kata keras/custom_loop)")
