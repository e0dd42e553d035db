"""Blind red team: correct answers in other styles for kata keras/regression."""
import keras
import numpy as np
from katas._support.mistakes import alternative


@alternative("functional API: keras.Model(inputs, outputs) around one Dense(1)",
             replaces="build_regressor")
def functional_regressor():
    inputs = keras.Input(shape=(1,))
    outputs = keras.layers.Dense(1)(inputs)
    return keras.Model(inputs, outputs)


@alternative("empty Sequential filled with add(), bias and (no) activation spelled out",
             replaces="build_regressor")
def sequential_add_regressor():
    model = keras.Sequential()
    model.add(keras.Input(shape=(1,)))
    model.add(keras.layers.Dense(units=1, activation=None, use_bias=True))
    return model


@alternative("positional compile with a loss object, keyword arguments to fit, no shuffling",
             replaces="train_regressor")
def train_positional_compile_no_shuffle(model, hours, scores, epochs=25):
    model.compile(keras.optimizers.Adam(1.0), keras.losses.MeanSquaredError())
    return model.fit(x=hours, y=scores, batch_size=1, epochs=epochs, verbose=0, shuffle=False)


@alternative("predict, then ndarray.item() for the Python float", replaces="predict_score")
def predict_with_item(model, hours):
    return model.predict(np.array([[hours]]), verbose=0).item()


@alternative("predict_on_batch on the (1, 1) array, squeezed to a Python float",
             replaces="predict_score")
def predict_on_batch_squeezed(model, hours):
    prediction = model.predict_on_batch(np.array([[hours]]))
    return float(np.squeeze(keras.ops.convert_to_numpy(prediction)))
