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


# Written blind, from the stub alone (red team, 2026-12)

L = keras.layers


@mistake("forgot activation='relu' on the two Conv2D layers (PyTorch had separate ReLU modules)",
         replaces="build_cnn")
def no_conv_relu_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("used AveragePooling2D instead of MaxPooling2D (same shapes, same parameter count)",
         replaces="build_cnn")
def average_pool_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.AveragePooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.AveragePooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("downsampled with strides=2 in the convolutions instead of MaxPooling2D layers "
         "(same shapes, same parameter count)", replaces="build_cnn")
def strided_conv_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        L.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("forgot the relu on Dense(128)", replaces="build_cnn")
def linear_hidden_dense_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128), L.Dense(10),
    ])


@mistake("kept PyTorch's channels-first shape: Input(shape=(1, 28, 28)) with data_format='channels_first'",
         replaces="build_cnn")
def channels_first_cnn():
    cf = "channels_first"
    return keras.Sequential([
        keras.Input(shape=(1, 28, 28)),
        L.Conv2D(32, 3, padding="same", activation="relu", data_format=cf), L.MaxPooling2D(2, data_format=cf),
        L.Conv2D(64, 3, padding="same", activation="relu", data_format=cf), L.MaxPooling2D(2, data_format=cf),
        L.Flatten(data_format=cf), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("swapped the filter counts: 64 filters first, then 32", replaces="build_cnn")
def swapped_filters_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("used GlobalAveragePooling2D in place of Flatten", replaces="build_cnn")
def global_pool_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.GlobalAveragePooling2D(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("added Dropout(0.5) before the last layer 'as in the tutorials': not in the layer list",
         replaces="build_cnn")
def dropout_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dropout(0.5), L.Dense(10),
    ])


@mistake("used 5x5 kernels instead of 3x3", replaces="build_cnn")
def five_by_five_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 5, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 5, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("declared Input(shape=(28, 28)) and added the channel with a Reshape layer: "
         "it no longer takes (N, 28, 28, 1) images", replaces="build_cnn")
def no_channel_input_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28)), L.Reshape((28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("used the Keras 2 habit input_shape=(28, 28, 1) on the first Conv2D instead of keras.Input",
         replaces="build_cnn")
def keras2_input_shape_cnn():
    return keras.Sequential([
        L.Conv2D(32, 3, padding="same", activation="relu", input_shape=(28, 28, 1)), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])


@mistake("pooled with MaxPooling2D(2, strides=1), which keeps 27x27 maps instead of halving them",
         replaces="build_cnn")
def stride_one_pool_cnn():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2, strides=1),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2, strides=1),
        L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10),
    ])
