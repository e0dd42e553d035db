"""Correct alternatives of kata keras/cnn: other styles the tests must accept."""

import keras

from katas._support.mistakes import alternative

L = keras.layers


@alternative("separate ReLU layers after each Conv2D and Dense(128), as PyTorch's nn.ReLU modules", replaces="build_cnn")
def relu_layers_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same"), L.ReLU(), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same"), L.ReLU(), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128), L.ReLU(), L.Dense(10),
    ])


# Written blind, from the stub alone (red team, 2026-12)


@alternative("the functional API (keras.Model(inputs, outputs)); the blind team listed it as a mistake by the "
             "return annotation alone, which now says keras.Model", replaces="build_cnn")
def functional_cnn():
    inputs = keras.Input(shape=(28, 28, 1))
    h = L.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    h = L.MaxPooling2D(2)(h)
    h = L.Conv2D(64, 3, padding="same", activation="relu")(h)
    h = L.MaxPooling2D(2)(h)
    h = L.Dense(128, activation="relu")(L.Flatten()(h))
    return keras.Model(inputs, L.Dense(10)(h))


@alternative("empty Sequential, then .add() in a loop over a list of layers", replaces="build_cnn")
def added_in_loop_cnn():
    model = keras.Sequential()
    for layer in [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ]:
        model.add(layer)
    return model


@alternative("keyword and tuple style: kernel_size=(3, 3), pool_size=(2, 2), strides=(2, 2), "
             "activation=keras.activations.relu, named layers, activation=None on the logits",
             replaces="build_cnn")
def keyword_tuple_cnn():
    relu = keras.activations.relu
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1), dtype="float32", name="images"),
        keras.layers.Conv2D(filters=32, kernel_size=(3, 3), padding="same", activation=relu, name="conv1"),
        keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), name="pool1"),
        keras.layers.Conv2D(filters=64, kernel_size=(3, 3), padding="same", activation=relu, name="conv2"),
        keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(units=128, activation=relu, name="fc1"),
        keras.layers.Dense(units=10, activation=None, name="logits"),
    ], name="image_classifier")


@alternative("conv blocks from a helper and unpacked with *, using the MaxPool2D alias",
             replaces="build_cnn")
def block_helper_cnn():
    def block(filters):
        return [keras.layers.Conv2D(filters, 3, padding="same", activation="relu"), keras.layers.MaxPool2D()]

    return keras.Sequential([
        keras.Input((28, 28, 1)),
        *block(32),
        *block(64),
        keras.layers.Flatten(),
        keras.layers.Dense(128, "relu"),
        keras.layers.Dense(10),
    ])
