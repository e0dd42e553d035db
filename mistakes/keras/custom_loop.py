"""Named mistakes of kata keras/custom_loop."""

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
