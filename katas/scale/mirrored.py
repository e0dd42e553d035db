"""Kata scale/mirrored: data-parallel training with tf.distribute.MirroredStrategy.

``MirroredStrategy`` keeps one copy (a *replica*) of the model on each device. Every step, each
replica takes its share of the global batch, computes gradients, and the replicas add them up
(all-reduce) so every copy applies the same update: the result is the training one device would
do on the whole batch, up to float32 rounding. Variables made inside ``strategy.scope()`` are
``MirroredVariable``s (one copy per device); the model AND its optimizer (made by ``compile``)
must be created there. Without GPUs, one physical CPU can be split into logical CPU devices with
``tf.config.set_logical_device_configuration``, but only before TensorFlow initialises its
devices (the first op, ``tf.config.list_logical_devices``, ...): afterwards it raises
``RuntimeError``. So the tests run your function in a fresh Python process.
Needs the TensorFlow backend (tf.distribute is TensorFlow's own).
"""

from collections.abc import Callable

import keras
import numpy as np
import tensorflow as tf


def fit_mirrored(build_model: Callable[[], keras.Model], x: np.ndarray, y: np.ndarray, epochs: int,
                 batch_size: int, learning_rate: float) -> list[np.ndarray]:
    """Train ``build_model()`` with a ``tf.distribute.MirroredStrategy`` over two logical CPU
    devices and return its trained weights.

    1. Split the first physical CPU into exactly 2 logical devices (no more), then make a
       ``MirroredStrategy`` over both, ``"/cpu:0"`` and ``"/cpu:1"`` (``num_replicas_in_sync == 2``).
       Any spelling of the names works (``"/device:CPU:0"``, the full
       ``"/job:localhost/replica:0/task:0/device:CPU:0"``). Name them: ``MirroredStrategy()``
       takes every GPU where there is one. (The tests hide the GPUs, so there ``MirroredStrategy()``
       takes both logical CPUs and passes; naming them is what works on any machine.) The tests call
       this function once, in a fresh Python process where TensorFlow has not initialised its devices.
    2. Inside ``strategy.scope()``: call ``build_model()`` (a new, uncompiled Keras model, its
       weights already set) and ``compile`` it with ``keras.optimizers.SGD(learning_rate)`` made
       there too (the optimizer's variables must be mirrored as well) and ``loss="mse"``; leave
       ``steps_per_execution`` at its default 1 (more fails under this strategy). Train in float32:
       set no mixed-precision (dtype) policy.
    3. ``fit`` it on all of ``x``, ``y`` (float32 NumPy arrays; no ``validation_split``) for
       ``epochs`` epochs, with ``batch_size`` as the GLOBAL batch (each replica gets
       ``batch_size // 2`` samples of it), in order (``shuffle=False``). The tests give an even
       ``batch_size`` that divides ``len(x)``. Feeding ``fit`` a ``tf.data.Dataset`` of ``(x, y)``
       batched by ``batch_size`` (unshuffled) is the same; so is a hand-written ``strategy.run``
       loop that scales each replica's loss by the GLOBAL batch (``tf.nn.compute_average_loss``).
    4. Return ``model.get_weights()``: a ``list`` of float32 NumPy arrays in that order.

    The weights must match the same training on one device (same model, optimizer, loss, epochs,
    batch size, order) within float32 rounding (rtol 1e-4, atol 1e-5). The tests also check, when
    the model is built and compiled: the strategy in force (one ``MirroredStrategy``, 2 replicas
    on the two logical CPUs), the number of logical CPUs, the dtype policy, and the optimizer's
    variables.

    >>> weights = fit_mirrored(build, x, y, epochs=3, batch_size=8, learning_rate=0.1)
    >>> [w.shape for w in weights]   # build: Input (3,), Dense(4), Dense(2)
    [(3, 4), (4,), (4, 2), (2,)]
    """
    raise NotImplementedError("fit_mirrored(): not implemented yet (kata scale/mirrored)")
