"""Correct alternatives of kata keras/regression: other styles the tests must accept."""

import keras
import numpy as np

from katas._support.mistakes import alternative


@alternative("the functional API: keras.Model(inputs, outputs) from keras.Input", replaces="build_regressor")
def functional_regressor():
    inputs = keras.Input(shape=(1,))
    return keras.Model(inputs, keras.layers.Dense(1)(inputs))


# Written blind, from the stub alone (red team, 2026-12)


@alternative("keyword style: Input(shape=[1], name=...), Dense(units=1, activation='linear', name=...)",
             replaces="build_regressor")
def keyword_regressor():
    return keras.Sequential(
        [keras.Input(shape=[1], name="hours"), keras.layers.Dense(units=1, activation="linear", name="score")],
        name="regressor",
    )


@alternative("reshapes hours to a (N, 1) column, float32, loss object MeanSquaredError()",
             replaces="train_regressor")
def column_float32_train(model, hours, scores, epochs=25):
    model.compile(loss=keras.losses.MeanSquaredError(), optimizer=keras.optimizers.Adam(learning_rate=1.0))
    x = np.asarray(hours, dtype="float32").reshape(-1, 1)
    y = np.asarray(scores, dtype="float32").reshape(-1, 1)
    return model.fit(x=x, y=y, batch_size=1, epochs=epochs, verbose=0)


@alternative("loss='mean_squared_error', positional Adam(1.0) and shuffle=False (the docstring leaves shuffling open)",
             replaces="train_regressor")
def unshuffled_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(1.0), loss="mean_squared_error")
    history = model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0, shuffle=False)
    return history


@alternative("calls the model directly and takes .item() of keras.ops.convert_to_numpy (any backend)",
             replaces="predict_score")
def direct_call_predict(model, hours):
    return keras.ops.convert_to_numpy(model(np.array([[hours]], dtype="float32"))).item()


@alternative("model.predict without verbose=0 (prints a 1/1 bar; the docstring is silent about it)",
             replaces="predict_score")
def chatty_predict(model, hours):
    return float(model.predict(np.array([[float(hours)]]))[0][0])
