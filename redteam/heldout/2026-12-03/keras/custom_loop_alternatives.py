"""Blind red team: correct answers in other styles for kata keras/custom_loop."""
import math

import keras
import numpy as np
import tensorflow as tf
from katas._support.mistakes import alternative


@alternative("keras.metrics.Mean weighted by the batch size (what fit's loss tracker does), "
             "model.trainable_weights", replaces="train_with_tape")
def tape_with_mean_metric(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    losses = []
    for _ in range(epochs):
        epoch_mean = keras.metrics.Mean()
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            xb, yb = x[start:stop], y[start:stop]
            with tf.GradientTape() as tape:
                loss = loss_fn(yb, model(xb, training=True))
            variables = model.trainable_weights
            optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
            epoch_mean.update_state(loss, sample_weight=stop - start)
        losses.append(float(epoch_mean.result()))
    return losses


@alternative("batches cut up front with np.array_split at the batch boundaries, "
             "np.average with the batch sizes as weights", replaces="train_with_tape")
def tape_with_array_split(model, optimizer, loss_fn, x, y, epochs, batch_size):
    bounds = list(range(batch_size, len(x), batch_size))
    x_batches = np.array_split(x, bounds)
    y_batches = np.array_split(y, bounds)
    history = []
    for _ in range(epochs):
        batch_losses, sizes = [], []
        for xb, yb in zip(x_batches, y_batches):
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(list(zip(grads, model.trainable_variables)))
            batch_losses.append(float(loss.numpy()))
            sizes.append(len(xb))
        history.append(float(np.average(batch_losses, weights=sizes)))
    return history


@alternative("batch index loop with math.ceil, explicit sum of loss * size over the sample count",
             replaces="train_with_tape")
def tape_with_batch_index(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n_samples = x.shape[0]
    n_batches = math.ceil(n_samples / batch_size)
    epoch_losses = []
    for epoch in range(epochs):
        weighted_sum = 0.0
        for b in range(n_batches):
            lo, hi = b * batch_size, min((b + 1) * batch_size, n_samples)
            with tf.GradientTape() as tape:
                out = model(x[lo:hi], training=True)
                batch_loss = loss_fn(y[lo:hi], out)
            trainable = model.trainable_variables
            gradients = tape.gradient(batch_loss, trainable)
            optimizer.apply_gradients(zip(gradients, trainable))
            weighted_sum += float(batch_loss) * (hi - lo)
        epoch_losses.append(weighted_sum / n_samples)
    return epoch_losses
