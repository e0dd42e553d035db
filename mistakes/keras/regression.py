"""Named mistakes of kata keras/regression."""

import keras
import numpy as np

from katas._support.mistakes import mistake


@mistake("Keras 2 idiom: input_shape= on the first layer instead of keras.Input", replaces="build_regressor")
def input_shape_argument():
    return keras.Sequential([keras.layers.Dense(1, input_shape=(1,))])


@mistake("returned predict's (1, 1) array instead of a float", replaces="predict_score")
def returned_array(model, hours):
    return model.predict(np.array([[hours]], dtype="float32"), verbose=0)


@mistake("fitted with the default learning rate (0.001): the bias barely moves from 0", replaces="train_regressor")
def default_learning_rate(model, hours, scores, epochs=25):
    model.compile(optimizer="adam", loss="mse")
    return model.fit(hours.reshape(-1, 1), scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("model.predict([[hours]]): a Python list, which Keras 3 refuses (it wants a NumPy array)", replaces="predict_score")
def list_input(model, hours):
    return float(model.predict([[hours]], verbose=0)[0][0])


# Written blind, from the stub alone (red team, 2026-12)


@mistake("put a relu on the output layer, so the regressor cannot output negative scores",
         replaces="build_regressor")
def relu_output_regressor():
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, activation="relu")])


@mistake("turned the bias off (a line through the origin), so the score cannot start at 47",
         replaces="build_regressor")
def no_bias_regressor():
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, use_bias=False)])


@mistake("added a hidden Dense layer 'to be safe': the docstring asks for Input then one Dense(1)",
         replaces="build_regressor")
def hidden_layer_regressor():
    return keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(8), keras.layers.Dense(1)])


@mistake("declared the input shape as (None, 1), treating the batch as part of the sample shape",
         replaces="build_regressor")
def batch_in_shape_regressor():
    return keras.Sequential([keras.Input(shape=(None, 1)), keras.layers.Dense(1)])


@mistake("used SGD with learning_rate=1.0 instead of Adam", replaces="train_regressor")
def sgd_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("compiled with the mean absolute error instead of the mean squared error",
         replaces="train_regressor")
def mae_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mae")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("forgot batch_size=1, so fit used its default batch of 32 (one step per epoch)",
         replaces="train_regressor")
def default_batch_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, verbose=0)


@mistake("hard-coded epochs=25 in fit instead of passing the epochs argument",
         replaces="train_regressor")
def hardcoded_epochs_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=25, batch_size=1, verbose=0)


@mistake("left verbose at its default, so fit prints a progress bar", replaces="train_regressor")
def verbose_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1)


@mistake("returned history.history (a dict) instead of what fit returns (the History)",
         replaces="train_regressor")
def dict_history_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0).history


@mistake("only compiled when the model was not compiled yet, keeping the caller's optimizer and loss",
         replaces="train_regressor")
def compile_once_train(model, hours, scores, epochs=25):
    if not model.compiled:
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)


@mistake("swapped x and y: fit(scores, hours), so the model learns score -> hours",
         replaces="train_regressor")
def swapped_xy_train(model, hours, scores, epochs=25):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    return model.fit(scores, hours, epochs=epochs, batch_size=1, verbose=0)


@mistake("returned predict(...)[0][0], a numpy.float32, not a Python float", replaces="predict_score")
def numpy_scalar_predict(model, hours):
    return model.predict(np.array([[hours]]), verbose=0)[0][0]


@mistake("rounded the score to a whole number", replaces="predict_score")
def rounded_predict(model, hours):
    return float(round(float(model.predict(np.array([[hours]]), verbose=0)[0, 0])))


@mistake("built the input with an int dtype array, truncating 9.5 hours to 9",
         replaces="predict_score")
def int_input_predict(model, hours):
    return float(model.predict(np.array([[hours]], dtype=int), verbose=0)[0, 0])


@mistake("read the kernel and forgot the bias: score = w * hours", replaces="predict_score")
def kernel_only_predict(model, hours):
    kernel = model.layers[-1].get_weights()[0]
    return float(kernel[0, 0] * hours)
