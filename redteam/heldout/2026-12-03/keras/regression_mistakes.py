"""Blind red team: wrong answers for kata keras/regression."""
import keras
import numpy as np
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- build_regressor

@mistake("a line through the origin seemed enough, so I switched the bias off: one parameter, not "
         "the two (w and b) the docstring asks for", replaces="build_regressor")
def regressor_without_bias():
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, use_bias=False)])


@mistake("put a relu on the output because scores are never negative; the docstring says no "
         "activation (a straight line)", replaces="build_regressor")
def regressor_with_relu_output():
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, activation="relu")])


@mistake("declared the input the Keras 2 way, input_shape= on the Dense layer, instead of "
         "keras.Input(shape=(1,)) (deprecated; the docstring says the tests fail it)",
         replaces="build_regressor")
def regressor_with_input_shape_kwarg():
    return keras.Sequential([keras.layers.Dense(1, input_shape=(1,))])


@mistake("added a small hidden layer 'to be safe': not the straight line with two parameters",
         replaces="build_regressor")
def regressor_with_hidden_layer():
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(1),
    ])


# ---------------------------------------------------------------- train_regressor

@mistake("only compiled when the model had no optimizer yet, so a model that came compiled with "
         "something else keeps its old optimizer and loss (the docstring says compile it anyway)",
         replaces="train_regressor")
def train_keeps_existing_compile(model, hours, scores, epochs=25):
    if getattr(model, "optimizer", None) is None:
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("wrote optimizer='adam', i.e. Adam's default learning rate 0.001 instead of 1.0: the bias "
         "never gets near 47 in 25 epochs", replaces="train_regressor")
def train_with_default_adam(model, hours, scores, epochs=25):
    model.compile(optimizer="adam", loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("called fit(epochs=1) in a Python loop and returned the last History, which records one "
         "epoch, not `epochs` of them", replaces="train_regressor")
def train_one_fit_per_epoch(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    history = None
    for _ in range(epochs):
        history = model.fit(hours, scores, epochs=1, batch_size=1, verbose=0)
    return history


@mistake("scaled the hours into [0, 1] before fitting (good practice, I thought); the docstring says "
         "fit on the hours as given, not rescaled, so predictions on raw hours are off",
         replaces="train_regressor")
def train_on_rescaled_hours(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    scaled = hours / np.max(hours)
    return model.fit(scaled, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("returned history.history (the dict of losses) rather than the History object fit returns",
         replaces="train_regressor")
def train_returns_history_dict(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    history = model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)
    return history.history


# ---------------------------------------------------------------- predict_score

@mistake("turned the hours into an int when building the batch, so 9.5 hours are predicted as 9",
         replaces="predict_score")
def predict_truncates_hours(model, hours):
    batch = np.array([[float(int(hours))]])
    return float(model.predict(batch, verbose=0)[0, 0])


@mistake("returned model.predict(...)[0][0] as it comes: a NumPy float32, not a Python float",
         replaces="predict_score")
def predict_returns_numpy_scalar(model, hours):
    return model.predict(np.array([[hours]]), verbose=0)[0][0]


@mistake("read w and b off model.layers[0] and computed w * hours + b by hand: only works for a "
         "Sequential with one Dense, not for any Keras model with one input and one output",
         replaces="predict_score")
def predict_from_first_layer_weights(model, hours):
    kernel, bias = model.layers[0].get_weights()
    return float(kernel[0, 0] * hours + bias[0])
