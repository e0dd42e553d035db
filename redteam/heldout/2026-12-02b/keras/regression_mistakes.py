"""Blind red team: wrong answers for kata keras/regression."""
import keras
import numpy as np
from katas._support.mistakes import mistake


@mistake("used the Keras 2 habit input_shape=(1,) on the Dense layer instead of keras.Input",
         replaces="build_regressor")
def input_shape_on_dense():
    return keras.Sequential([keras.layers.Dense(1, input_shape=(1,))])


@mistake("turned the bias off (use_bias=False): a line through the origin, one parameter",
         replaces="build_regressor")
def dense_without_bias():
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(1, use_bias=False),
    ])


@mistake("put a relu on the output because scores are never negative", replaces="build_regressor")
def relu_output_regressor():
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(1, activation="relu"),
    ])


@mistake("added a hidden Dense(8) layer before the Dense(1): not a straight line, not two parameters",
         replaces="build_regressor")
def hidden_layer_regressor():
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(1),
    ])


@mistake("compiled with the string 'adam' (learning rate 0.001) instead of Adam(learning_rate=1.0)",
         replaces="train_regressor")
def adam_default_learning_rate(model, hours, scores, epochs=25):
    model.compile(optimizer="adam", loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("left batch_size at fit's default (32): one step per epoch, not one per sample",
         replaces="train_regressor")
def default_batch_size(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, verbose=0)


@mistake("returned history.history (the dict) instead of the History object", replaces="train_regressor")
def returns_history_dict(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    history = model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)
    return history.history


@mistake("only compiled when the model was not compiled yet, keeping whatever it came compiled with",
         replaces="train_regressor")
def compiles_only_if_uncompiled(model, hours, scores, epochs=25):
    if not getattr(model, "compiled", False):
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("scaled the hours to [0, 1] before fitting (normalising inputs is good practice, right?)",
         replaces="train_regressor")
def rescaled_hours(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    scaled = np.asarray(hours, dtype="float32") / np.max(np.abs(hours))
    return model.fit(scaled, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("counted epochs from 1 with initial_epoch=1, so fit runs only epochs - 1 epochs",
         replaces="train_regressor")
def starts_at_epoch_one(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, initial_epoch=1, epochs=epochs, batch_size=1, verbose=0)


@mistake("rounded the prediction to one decimal, like the example shows 93.8", replaces="predict_score")
def rounded_prediction(model, hours):
    prediction = model.predict(np.array([[hours]]), verbose=0)
    return round(float(prediction[0, 0]), 1)


@mistake("returned the NumPy float32 element of the predicted array, not a Python float",
         replaces="predict_score")
def numpy_scalar_prediction(model, hours):
    return model.predict(np.array([[hours]]), verbose=0)[0, 0]


@mistake("computed w * hours + b from the last layer's weights: only right for a one-Dense model",
         replaces="predict_score")
def line_from_last_layer(model, hours):
    kernel, bias = model.layers[-1].get_weights()
    return float(kernel[0, 0] * hours + bias[0])
