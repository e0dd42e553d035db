"""Blind red team: correct answers in other styles for kata keras/custom_loop."""
import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("batches made up front with np.split at multiples of batch_size; epoch loss by np.average "
             "weighted by batch sizes", replaces="train_with_tape")
def split_batches_weighted_average(model, optimizer, loss_fn, x, y, epochs, batch_size):
    cuts = list(range(batch_size, len(x), batch_size))
    x_batches = np.split(x, cuts)
    y_batches = np.split(y, cuts)
    history = []
    for _ in range(epochs):
        losses, sizes = [], []
        for xb, yb in zip(x_batches, y_batches):
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            losses.append(float(loss))
            sizes.append(len(xb))
        history.append(float(np.average(losses, weights=sizes)))
    return history


@alternative("fit's own bookkeeping: a fresh keras.metrics.Mean per epoch, updated with sample_weight=batch size",
             replaces="train_with_tape")
def mean_tracker_per_epoch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        tracker = keras.metrics.Mean()
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                loss = loss_fn(yb, model(xb, training=True))
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            tracker.update_state(loss, sample_weight=xb.shape[0])
        history.append(float(tracker.result()))
    return history


@alternative("while loop over explicit start/stop indices, trainable_weights, a list of (grad, var) pairs, "
             "loss.numpy().item()", replaces="train_with_tape")
def while_loop_trainable_weights(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = x.shape[0]
    history = []
    epoch = 0
    while epoch < epochs:
        start, weighted = 0, 0.0
        while start < n:
            stop = min(start + batch_size, n)
            xb, yb = x[start:stop], y[start:stop]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            variables = model.trainable_weights
            grads = tape.gradient(loss, variables)
            optimizer.apply_gradients(list(zip(grads, variables)))
            weighted += loss.numpy().item() * (stop - start)
            start = stop
        history.append(weighted / n)
        epoch += 1
    return history


@alternative("index arrays from np.arange chunks (fancy indexing makes copies, x and y untouched), "
             "sum of per-batch loss*size collected in a comprehension", replaces="train_with_tape")
def arange_index_chunks(model, optimizer, loss_fn, x, y, epochs, batch_size):
    index_chunks = [np.arange(s, min(s + batch_size, len(x))) for s in range(0, len(x), batch_size)]
    history = []
    for _ in range(epochs):
        weighted = []
        for idx in index_chunks:
            xb, yb = x[idx], y[idx]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            trainable = model.trainable_variables
            optimizer.apply_gradients(zip(tape.gradient(loss, trainable), trainable))
            weighted.append(float(loss) * len(idx))
        history.append(sum(weighted) / len(x))
    return history
