"""Blind red team: correct answers in other styles for kata keras/regression."""
import keras
import numpy as np
from katas._support.mistakes import alternative


@alternative("empty Sequential filled with .add(), Input first", replaces="build_regressor")
def added_layers_regressor():
    model = keras.Sequential()
    model.add(keras.Input(shape=(1,)))
    model.add(keras.layers.Dense(1))
    return model


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


@alternative("loss='mse' alias and shuffle=False (the docstring says nothing about shuffling)",
             replaces="train_regressor")
def unshuffled_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(1.0), loss="mse")
    history = model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0, shuffle=False)
    return history


@alternative("calls the model directly and takes .numpy().item()", replaces="predict_score")
def direct_call_predict(model, hours):
    return model(np.array([[hours]], dtype="float32")).numpy().item()


@alternative("predict_on_batch on a reshaped array, then float(np.squeeze(...))", replaces="predict_score")
def predict_on_batch_predict(model, hours):
    return float(np.squeeze(model.predict_on_batch(np.reshape(np.float64(hours), (1, 1)))))


@alternative("model.predict without verbose=0 (prints a 1/1 bar; the docstring is silent about it)",
             replaces="predict_score")
def chatty_predict(model, hours):
    return float(model.predict(np.array([[float(hours)]]))[0][0])
