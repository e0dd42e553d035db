"""Named mistakes of kata keras/cnn."""

import keras
from keras import layers

from katas._support.mistakes import mistake


@mistake("padding 'valid' (Keras' default): 28 -> 26 -> 13 -> 11 -> 5", replaces="build_cnn")
def valid_padding():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)), layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10)])


@mistake("channels first, as in PyTorch: keras.Input(shape=(1, 28, 28))", replaces="build_cnn")
def channels_first():
    return keras.Sequential([
        keras.Input(shape=(1, 28, 28)), layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, padding="same", activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10)])


@mistake("softmax on the last layer: the model must give logits like the PyTorch one", replaces="build_cnn")
def softmax_output():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)), layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, padding="same", activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10, activation="softmax")])
