"""Kata scale/mirrored: data-parallel training with tf.distribute.MirroredStrategy (reference)."""

from collections.abc import Callable

import keras
import numpy as np
import tensorflow as tf


def fit_mirrored(build_model: Callable[[], keras.Model], x: np.ndarray, y: np.ndarray, epochs: int,
                 batch_size: int, learning_rate: float) -> list[np.ndarray]:
    cpu = tf.config.list_physical_devices("CPU")[0]  # listing physical devices does not initialise them
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with strategy.scope():  # the model's variables and the optimizer's are mirrored on both devices
        model = build_model()
        model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)  # batch_size: global
    return model.get_weights()
