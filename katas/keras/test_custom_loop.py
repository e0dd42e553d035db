"""Tests of kata keras/custom_loop: a GradientTape loop that matches fit weight for weight."""

import keras
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values
from katas._support.strategies import arrays

LOOP = "for each batch in order: with tf.GradientTape() as tape: loss = loss_fn(yb, model(xb, training=True)); " \
       "then optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))"


@st.composite
def problems(draw):
    n, batch_size = draw(st.integers(2, 20), label="samples"), draw(st.integers(1, 8), label="batch size")
    x = draw(arrays("float32", (n, 3), bound=2), label="x")
    return x, draw(arrays("float32", (n, 2), bound=2), label="y"), batch_size, draw(st.integers(0, 2**16), label="seed")


@settings(max_examples=5)
@given(problem=problems(), epochs=st.integers(1, 3))
def test_tape_loop_matches_fit(kata, problem, epochs):
    x, y, batch_size, seed = problem
    keras.utils.set_random_seed(seed)
    fitted = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(2)])
    taped = keras.models.clone_model(fitted)
    taped.set_weights(fitted.get_weights())
    fitted.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    history = fitted.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
    call = f"train_with_tape(model, SGD(0.1), MeanSquaredError(), {len(x)} samples, epochs={epochs}, batch_size={batch_size})"
    losses = kata.train_with_tape(taped, keras.optimizers.SGD(0.1), keras.losses.MeanSquaredError(), x, y, epochs,
                                  batch_size)
    for (name, want), got in zip([(v.path, v.numpy()) for v in fitted.weights], taped.get_weights()):
        check_values(got, want, call=f"{call}: {name} afterwards", rtol=1e-4, atol=1e-5, misconception=LOOP)
    check_equal(isinstance(losses, list) and len(losses), epochs, call=call, what="number of epoch losses")
    check_values(np.array(losses, "float64"), np.array(history.history["loss"], "float64"), call=f"{call}: epoch losses",
                 rtol=1e-4, atol=1e-6, misconception="weight each batch's loss by its size: "
                 "sum(float(loss) * len(xb)) / len(x), as fit reports it")
