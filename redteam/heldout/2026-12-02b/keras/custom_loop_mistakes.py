"""Blind red team: wrong answers for kata keras/custom_loop."""
import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("loops over len(x) // batch_size full batches, so the short last batch is never trained on",
         replaces="train_with_tape")
def drops_short_last_batch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    steps = len(x) // batch_size
    history = []
    for _ in range(epochs):
        total = 0.0
        for i in range(steps):
            xb = x[i * batch_size:(i + 1) * batch_size]
            yb = y[i * batch_size:(i + 1) * batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / (steps * batch_size))
    return history


@mistake("reports the plain average of the batch losses, so the short last batch counts as much as a full one",
         replaces="train_with_tape")
def unweighted_mean_of_batch_losses(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        batch_losses = []
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            batch_losses.append(float(loss))
        history.append(float(np.mean(batch_losses)))
    return history


@mistake("weights every batch loss by batch_size, also the short last batch, then divides by len(x)",
         replaces="train_with_tape")
def weights_short_batch_as_full(model, optimizer, loss_fn, x, y, epochs, batch_size):
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
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * batch_size
        history.append(total / len(x))
    return history


@mistake("calls loss_fn(prediction, yb), PyTorch's order, instead of true values first",
         replaces="train_with_tape")
def swapped_loss_arguments(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(prediction, yb)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history


@mistake("calls model(xb) without training=True, so BatchNormalization uses and never updates its moving statistics",
         replaces="train_with_tape")
def forward_without_training_flag(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
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


@mistake("reports the loss of the epoch's last batch instead of the mean over all samples",
         replaces="train_with_tape")
def reports_last_batch_loss(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        last = 0.0
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            last = float(loss)
        history.append(last)
    return history


@mistake("records each batch's loss after the update (re-evaluates the batch once apply_gradients is done)",
         replaces="train_with_tape")
def loss_measured_after_update(model, optimizer, loss_fn, x, y, epochs, batch_size):
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
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            after = loss_fn(yb, model(xb, training=False))
            total += float(after) * len(xb)
        history.append(total / len(x))
    return history


@mistake("shuffles the samples every epoch like fit's default, although fit(shuffle=False) keeps batches in order",
         replaces="train_with_tape")
def shuffles_every_epoch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        order = np.random.permutation(len(x))
        xs, ys = x[order], y[order]
        total = 0.0
        for start in range(0, len(xs), batch_size):
            xb = xs[start:start + batch_size]
            yb = ys[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(xs))
    return history


@mistake("one keras.metrics.Mean for the whole run, never reset: later epochs report the running mean since epoch 1",
         replaces="train_with_tape")
def running_mean_never_reset(model, optimizer, loss_fn, x, y, epochs, batch_size):
    tracker = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size]
            yb = y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            tracker.update_state(loss, sample_weight=len(xb))
        history.append(float(tracker.result()))
    return history


@mistake("accumulates loss.numpy(), so each epoch's loss is a NumPy float32, not a Python float",
         replaces="train_with_tape")
def numpy_float32_epoch_losses(model, optimizer, loss_fn, x, y, epochs, batch_size):
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
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total = total + loss.numpy() * len(xb)
        history.append(total / len(x))
    return history


@mistake("only the forward pass is inside the tape; the loss is computed after the with-block, so the tape "
         "has no path from the loss to the weights",
         replaces="train_with_tape")
def loss_computed_outside_tape(model, optimizer, loss_fn, x, y, epochs, batch_size):
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
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / len(x))
    return history
