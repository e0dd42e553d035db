"""Correct alternatives of kata keras/custom_loop: other styles the tests must accept."""

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("tf.data.Dataset.batch loop, keras.metrics.Mean weighted by the batch size",
             replaces="train_with_tape")
def dataset_and_mean_metric(model, optimizer, loss_fn, x, y, epochs, batch_size):
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    tracker = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        tracker.reset_state()
        for xb, yb in dataset:
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_weights)
            optimizer.apply_gradients(zip(grads, model.trainable_weights))
            tracker.update_state(loss, sample_weight=tf.shape(xb)[0])
        history.append(float(tracker.result()))
    return history


@alternative("train step compiled with tf.function, losses kept as a float64 NumPy running sum",
             replaces="train_with_tape")
def tf_function_step(model, optimizer, loss_fn, x, y, epochs, batch_size):
    @tf.function
    def step(xb, yb):
        with tf.GradientTape() as tape:
            loss = loss_fn(yb, model(xb, training=True))
        variables = model.trainable_variables
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss

    n = x.shape[0]
    history = []
    for _ in range(epochs):
        weighted = np.float64(0.0)
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            loss = step(tf.convert_to_tensor(x[start:stop]), tf.convert_to_tensor(y[start:stop]))
            weighted += np.float64(loss.numpy()) * (stop - start)
        history.append(float(weighted / n))
    return history


@alternative("precomputed list of index slices, per-epoch list of (loss, size) pairs, gradients as a list",
             replaces="train_with_tape")
def slices_and_pairs(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    slices = [slice(i, i + batch_size) for i in range(0, n, batch_size)]
    history = []
    epoch = 0
    while epoch < epochs:
        pairs = []
        for s in slices:
            xb = tf.constant(x[s])
            yb = tf.constant(y[s])
            tape = tf.GradientTape()
            with tape:
                out = model(xb, training=True)
                batch_loss = loss_fn(yb, out)
            weights = list(model.trainable_variables)
            gradients = list(tape.gradient(batch_loss, weights))
            optimizer.apply_gradients(list(zip(gradients, weights)))
            pairs.append((batch_loss.numpy().item(), int(xb.shape[0])))
        history.append(sum(l * m for l, m in pairs) / sum(m for _, m in pairs))
        epoch += 1
    return history


@alternative("keras.ops for the weighted mean, losses collected as tensors then converted at the end",
             replaces="train_with_tape")
def keras_ops_weighted_mean(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        losses, sizes = [], []
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                y_pred = model(xb, training=True)
                loss = loss_fn(yb, y_pred)
            optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables),
                                          model.trainable_variables))
            losses.append(keras.ops.cast(loss, "float32"))
            sizes.append(float(len(xb)))
        stacked = keras.ops.stack(losses)
        w = keras.ops.convert_to_tensor(sizes, dtype="float32")
        history.append(float(keras.ops.sum(stacked * w) / keras.ops.sum(w)))
    return history


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
