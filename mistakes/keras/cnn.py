"""Named mistakes of kata keras/cnn."""

import keras
from keras import layers

from katas._support.mistakes import mistake


def _cnn(input_shape=(28, 28, 1), padding="same", last_activation=None):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Conv2D(32, 3, padding=padding, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, padding=padding, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10, activation=last_activation)])


@mistake("padding 'valid' (Keras' default): 28 -> 26 -> 13 -> 11 -> 5", replaces="build_cnn")
def valid_padding():
    return _cnn(padding="valid")


@mistake("channels first, as in PyTorch: keras.Input(shape=(1, 28, 28))", replaces="build_cnn")
def channels_first():
    return _cnn(input_shape=(1, 28, 28))


@mistake("softmax on the last layer: the model must give logits like the PyTorch one", replaces="build_cnn")
def softmax_output():
    return _cnn(last_activation="softmax")
