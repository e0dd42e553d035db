"""Reference answer of kata keras/custom_loop."""

from collections.abc import Callable

import keras
import numpy as np
import tensorflow as tf


def train_with_tape(model: keras.Model, optimizer: keras.optimizers.Optimizer,
                    loss_fn: Callable[[tf.Tensor, tf.Tensor], tf.Tensor], x: np.ndarray, y: np.ndarray,
                    epochs: int, batch_size: int) -> list[float]:
    losses = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                loss = loss_fn(yb, model(xb, training=True))
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            total += float(loss) * len(xb)
        losses.append(total / len(x))
    return losses
