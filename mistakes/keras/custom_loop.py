"""Named mistakes of kata keras/custom_loop."""

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


def _step(model, optimizer, loss_fn, xb, yb):
    with tf.GradientTape() as tape:
        loss = loss_fn(yb, model(xb, training=True))
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
    return float(loss)


@mistake("one update per epoch on all the data: batch_size ignored", replaces="train_with_tape")
def full_batch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    return [_step(model, optimizer, loss_fn, x, y) for _ in range(epochs)]


@mistake("epoch loss as the plain mean of the batch losses: a short last batch over-weighted",
         replaces="train_with_tape")
def mean_of_batch_means(model, optimizer, loss_fn, x, y, epochs, batch_size):
    losses = []
    for _ in range(epochs):
        batch = [_step(model, optimizer, loss_fn, x[i:i + batch_size], y[i:i + batch_size])
                 for i in range(0, len(x), batch_size)]
        losses.append(sum(batch) / len(batch))
    return losses


@mistake("computed the loss outside the tape's with block: no gradients recorded", replaces="train_with_tape")
def outside_the_tape(model, optimizer, loss_fn, x, y, epochs, batch_size):
    losses = []
    for _ in range(epochs):
        total = 0.0
        for i in range(0, len(x), batch_size):
            with tf.GradientTape() as tape:
                prediction = model(x[i:i + batch_size], training=True)
            loss = loss_fn(y[i:i + batch_size], prediction)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            total += float(loss) * len(prediction)
        losses.append(total / len(x))
    return losses


# Written blind, from the stub alone (red team, 2026-12)


def _batches(x, y, batch_size):
    for start in range(0, len(x), batch_size):
        yield x[start:start + batch_size], y[start:start + batch_size]


def _tape_step(model, optimizer, loss_fn, xb, yb):
    with tf.GradientTape() as tape:
        prediction = model(xb, training=True)
        loss = loss_fn(yb, prediction)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


@mistake("weights every batch by batch_size, even the short last one", replaces="train_with_tape")
def weights_by_batch_size(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            total += float(_tape_step(model, optimizer, loss_fn, xb, yb)) * batch_size
        history.append(total / len(x))
    return history


@mistake("calls loss_fn(prediction, yb): arguments swapped", replaces="train_with_tape")
def swapped_loss_arguments(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(prediction, yb)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history


@mistake("calls model(xb) without training=True (dropout / batch norm stay in inference mode)",
         replaces="train_with_tape")
def forgets_training_flag(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            with tf.GradientTape() as tape:
                prediction = model(xb)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history


@mistake("drops the short last batch, like drop_remainder=True", replaces="train_with_tape")
def drops_last_batch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    n_full = (len(x) // batch_size) * batch_size
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n_full, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            total += float(_tape_step(model, optimizer, loss_fn, xb, yb)) * len(xb)
        history.append(total / n_full)
    return history


@mistake("shuffles the samples each epoch, like fit's default", replaces="train_with_tape")
def shuffles_each_epoch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    rng = np.random.default_rng()
    for _ in range(epochs):
        order = rng.permutation(len(x))
        xs, ys = x[order], y[order]
        total = 0.0
        for xb, yb in _batches(xs, ys, batch_size):
            total += float(_tape_step(model, optimizer, loss_fn, xb, yb)) * len(xb)
        history.append(total / len(x))
    return history


@mistake("accumulates the gradients of all batches and applies them once per epoch",
         replaces="train_with_tape")
def one_step_per_epoch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        summed = None
        for xb, yb in _batches(x, y, batch_size):
            with tf.GradientTape() as tape:
                loss = loss_fn(yb, model(xb, training=True))
            grads = tape.gradient(loss, model.trainable_variables)
            summed = grads if summed is None else [a + b for a, b in zip(summed, grads)]
            total += float(loss) * len(xb)
        optimizer.apply_gradients(zip(summed, model.trainable_variables))
        history.append(total / len(x))
    return history


@mistake("reports the loss of the last batch of each epoch instead of the epoch mean",
         replaces="train_with_tape")
def last_batch_loss(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        loss = None
        for xb, yb in _batches(x, y, batch_size):
            loss = _tape_step(model, optimizer, loss_fn, xb, yb)
        history.append(float(loss))
    return history


@mistake("re-evaluates the whole data set after each epoch and reports that loss",
         replaces="train_with_tape")
def end_of_epoch_loss(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        for xb, yb in _batches(x, y, batch_size):
            _tape_step(model, optimizer, loss_fn, xb, yb)
        history.append(float(loss_fn(y, model(x, training=False))))
    return history


@mistake("logs the batch loss recomputed after apply_gradients (the updated weights)",
         replaces="train_with_tape")
def loss_after_update(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            _tape_step(model, optimizer, loss_fn, xb, yb)
            total += float(loss_fn(yb, model(xb, training=True))) * len(xb)
        history.append(total / len(x))
    return history


@mistake("one epoch too many: range(epochs + 1)", replaces="train_with_tape")
def one_epoch_too_many(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs + 1):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            total += float(_tape_step(model, optimizer, loss_fn, xb, yb)) * len(xb)
        history.append(total / len(x))
    return history


@mistake("builds its own SGD(0.1) instead of using the optimizer it is given", replaces="train_with_tape")
def own_optimizer(model, optimizer, loss_fn, x, y, epochs, batch_size):
    own = keras.optimizers.SGD(0.1)
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            total += float(_tape_step(model, own, loss_fn, xb, yb)) * len(xb)
        history.append(total / len(x))
    return history


@mistake("trains a clone of the model, so the caller's model keeps its weights", replaces="train_with_tape")
def trains_a_clone(model, optimizer, loss_fn, x, y, epochs, batch_size):
    clone = keras.models.clone_model(model)
    clone.set_weights(model.get_weights())
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in _batches(x, y, batch_size):
            total += float(_tape_step(clone, optimizer, loss_fn, xb, yb)) * len(xb)
        history.append(total / len(x))
    return history


@mistake("returns the epoch losses as tensors, not Python floats", replaces="train_with_tape")
def tensors_not_floats(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = tf.constant(0.0)
        for xb, yb in _batches(x, y, batch_size):
            total += tf.cast(_tape_step(model, optimizer, loss_fn, xb, yb), tf.float32) * len(xb)
        history.append(total / len(x))
    return history


@mistake("batches with np.array_split into len(x) // batch_size chunks (sizes differ from fit's)",
         replaces="train_with_tape")
def array_split_batches(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n_batches = max(1, len(x) // batch_size)
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in zip(np.array_split(x, n_batches), np.array_split(y, n_batches)):
            total += float(_tape_step(model, optimizer, loss_fn, xb, yb)) * len(xb)
        history.append(total / len(x))
    return history


@mistake("rebuilds a fresh optimizer from the given one's config to be safe, so the given optimizer never steps "
         "and its state (iterations, momentum) is lost",
         replaces="train_with_tape")
def rebuilt_optimizer_from_config(model, optimizer, loss_fn, x, y, epochs, batch_size):
    opt = optimizer.__class__.from_config(optimizer.get_config())
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("compiled the model and called fit itself instead of writing the loop", replaces="train_with_tape")
def fit_in_disguise(model, optimizer, loss_fn, x, y, epochs, batch_size):
    model.compile(optimizer=optimizer, loss=loss_fn)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("compiled the model and called train_on_batch for each batch instead of a GradientTape step",
         replaces="train_with_tape")
def train_on_batch_loop(model, optimizer, loss_fn, x, y, epochs, batch_size):
    model.compile(optimizer=optimizer, loss=loss_fn)
    losses = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            total += float(model.train_on_batch(xb, yb)) * len(xb)
        losses.append(total / len(x))
    return losses


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until a 1-D y came in.

@mistake("made a 1-D y into a column in place (y.shape = (N, 1)) to match the predictions: the caller's y is "
         "changed (the docstring says x and y are left unchanged)", replaces="train_with_tape")
def tape_reshapes_y_in_place(model, optimizer, loss_fn, x, y, epochs, batch_size):
    if y.ndim == 1:
        y.shape = (y.shape[0], 1)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                loss = loss_fn(yb, model(xb, training=True))
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history
