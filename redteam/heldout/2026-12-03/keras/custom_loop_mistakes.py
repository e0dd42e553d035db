"""Blind red team: wrong answers for kata keras/custom_loop."""
import keras
import numpy as np
import tensorflow as tf
from katas._support.mistakes import mistake


@mistake("called model(xb) without training=True: BatchNormalization then normalises with (and never "
         "updates) its moving statistics", replaces="train_with_tape")
def tape_without_training_flag(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("called loss_fn(prediction, yb), PyTorch's order; Keras losses take the true values first",
         replaces="train_with_tape")
def tape_loss_arguments_swapped(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(prediction, yb)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("looped over len(x) // batch_size full batches only, dropping the short last batch",
         replaces="train_with_tape")
def tape_drops_short_last_batch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n_batches = len(x) // batch_size
    history = []
    for _ in range(epochs):
        total = 0.0
        for i in range(n_batches):
            xb = x[i * batch_size:(i + 1) * batch_size]
            yb = y[i * batch_size:(i + 1) * batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / (n_batches * batch_size))
    return history


@mistake("reported the plain mean of the batch losses: a short last batch weighs as much as a full "
         "one, unlike fit", replaces="train_with_tape")
def tape_unweighted_batch_mean(model, optimizer, loss_fn, x, y, epochs, batch_size):
    history = []
    for _ in range(epochs):
        batch_losses = []
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            batch_losses.append(float(loss))
        history.append(float(np.mean(batch_losses)))
    return history


@mistake("computed the loss I record again after apply_gradients, so it is the loss after each "
         "update, not the one computed before it", replaces="train_with_tape")
def tape_records_loss_after_update(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            after = loss_fn(yb, model(xb))
            total += float(after) * len(xb)
        history.append(total / n)
    return history


@mistake("shuffled the samples every epoch like fit's default; the docstring asks for "
         "shuffle=False, batches in order", replaces="train_with_tape")
def tape_shuffles_batches(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    rng = np.random.default_rng()
    history = []
    for _ in range(epochs):
        order = rng.permutation(n)
        xs, ys = x[order], y[order]
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = xs[start:start + batch_size], ys[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("rebuilt a fresh optimizer from the given one's config at each epoch: same settings, but "
         "its state (momentum, Adam moments, iterations) restarts every epoch and the given "
         "optimizer is never used", replaces="train_with_tape")
def tape_fresh_optimizer_each_epoch(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        opt = optimizer.__class__.from_config(optimizer.get_config())
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("did the update by hand, w -= learning_rate * grad, instead of the optimizer's "
         "apply_gradients: right for plain SGD, wrong for momentum or Adam",
         replaces="train_with_tape")
def tape_manual_sgd_step(model, optimizer, loss_fn, x, y, epochs, batch_size):
    learning_rate = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            for variable, grad in zip(model.trainable_variables, grads):
                variable.assign_sub(learning_rate * grad)
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("trained a clone of the model (to keep the caller's model clean): the losses are right but "
         "the given model is not trained in place", replaces="train_with_tape")
def tape_trains_a_clone(model, optimizer, loss_fn, x, y, epochs, batch_size):
    trained = keras.models.clone_model(model)
    trained.set_weights(model.get_weights())
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = trained(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, trained.trainable_variables)
            optimizer.apply_gradients(zip(grads, trained.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history


@mistake("weighted every batch loss by batch_size, also the short last batch, then divided by the "
         "number of samples", replaces="train_with_tape")
def tape_weights_by_batch_size(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * batch_size
        history.append(total / n)
    return history


@mistake("summed the losses as TensorFlow tensors and returned .numpy() of each mean: NumPy "
         "float32 values, not Python floats", replaces="train_with_tape")
def tape_returns_numpy_float32(model, optimizer, loss_fn, x, y, epochs, batch_size):
    n = len(x)
    history = []
    for _ in range(epochs):
        total = tf.constant(0.0)
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += tf.cast(loss, tf.float32) * float(len(xb))
        history.append((total / float(n)).numpy())
    return history


@mistake("made a 1-D y into a column in place (y.shape = (N, 1)) to match the predictions: the "
         "caller's y is changed", replaces="train_with_tape")
def tape_reshapes_y_in_place(model, optimizer, loss_fn, x, y, epochs, batch_size):
    if y.ndim == 1:
        y.shape = (y.shape[0], 1)
    n = len(x)
    history = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                prediction = model(xb, training=True)
                loss = loss_fn(yb, prediction)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            total += float(loss) * len(xb)
        history.append(total / n)
    return history
