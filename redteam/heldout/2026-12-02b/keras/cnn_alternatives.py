"""Blind red team: correct alternative answers for kata keras/cnn."""
import keras
from katas._support.mistakes import alternative


@alternative("functional API: keras.Model(inputs=..., outputs=...)", replaces="build_cnn")
def functional_cnn():
    inputs = keras.Input(shape=(28, 28, 1))
    h = keras.layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    h = keras.layers.MaxPooling2D(2)(h)
    h = keras.layers.Conv2D(64, 3, padding="same", activation="relu")(h)
    h = keras.layers.MaxPooling2D(2)(h)
    h = keras.layers.Flatten()(h)
    h = keras.layers.Dense(128, activation="relu")(h)
    logits = keras.layers.Dense(10)(h)
    return keras.Model(inputs=inputs, outputs=logits)


@alternative("separate ReLU layers after Conv2D and Dense (no activation= argument)", replaces="build_cnn")
def separate_relu_layers():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same"),
        keras.layers.ReLU(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same"),
        keras.layers.ReLU(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128),
        keras.layers.ReLU(),
        keras.layers.Dense(10),
    ])


@alternative("Sequential.add with tuple kernel/pool sizes, MaxPool2D alias, Activation('relu') layers",
             replaces="build_cnn")
def sequential_add_with_tuples():
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28, 1)))
    model.add(keras.layers.Conv2D(filters=32, kernel_size=(3, 3), padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.MaxPool2D(pool_size=(2, 2)))
    model.add(keras.layers.Conv2D(filters=64, kernel_size=(3, 3), padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.MaxPool2D(pool_size=(2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(units=128, activation=keras.activations.relu))
    model.add(keras.layers.Dense(units=10, activation=None))
    return model
