"""Blind red team: correct answers in other styles for kata keras/cnn."""
import keras
from katas._support.mistakes import alternative


@alternative("functional API: keras.Model(inputs, outputs), layer calls chained by hand",
             replaces="build_cnn")
def functional_cnn():
    inputs = keras.Input(shape=(28, 28, 1))
    h = keras.layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    h = keras.layers.MaxPooling2D(2)(h)
    h = keras.layers.Conv2D(64, 3, padding="same", activation="relu")(h)
    h = keras.layers.MaxPooling2D(2)(h)
    h = keras.layers.Flatten()(h)
    h = keras.layers.Dense(128, activation="relu")(h)
    outputs = keras.layers.Dense(10)(h)
    return keras.Model(inputs, outputs)


@alternative("separate ReLU layers right after each Conv2D and Dense(128) (the docstring allows it)",
             replaces="build_cnn")
def cnn_with_separate_relu_layers():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same"),
        keras.layers.ReLU(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same"),
        keras.layers.Activation("relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128),
        keras.layers.ReLU(),
        keras.layers.Dense(10),
    ])


@alternative("Sequential.add with tuple sizes, the MaxPool2D alias and keras.activations.relu",
             replaces="build_cnn")
def cnn_built_with_add():
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28, 1)))
    model.add(keras.layers.Conv2D(32, (3, 3), padding="same", activation=keras.activations.relu))
    model.add(keras.layers.MaxPool2D((2, 2)))
    model.add(keras.layers.Conv2D(64, (3, 3), padding="same", activation=keras.activations.relu))
    model.add(keras.layers.MaxPool2D((2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(128, activation=keras.activations.relu))
    model.add(keras.layers.Dense(10))
    return model


@alternative("every argument spelled out as a keyword (filters, kernel_size, strides, pool_size, "
             "units, activation=None on the logits)", replaces="build_cnn")
def cnn_all_keywords():
    return keras.Sequential(layers=[
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(filters=32, kernel_size=(3, 3), strides=(1, 1), padding="same",
                            activation="relu", use_bias=True),
        keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid"),
        keras.layers.Conv2D(filters=64, kernel_size=(3, 3), strides=(1, 1), padding="same",
                            activation="relu", use_bias=True),
        keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid"),
        keras.layers.Flatten(),
        keras.layers.Dense(units=128, activation="relu"),
        keras.layers.Dense(units=10, activation=None),
    ])
