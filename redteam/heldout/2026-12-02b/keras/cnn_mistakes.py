"""Blind red team: wrong answers for kata keras/cnn."""
import keras
from katas._support.mistakes import mistake


@mistake("declared the input with the Keras 2 input_shape= on the first Conv2D", replaces="build_cnn")
def input_shape_on_first_conv():
    return keras.Sequential([
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", input_shape=(28, 28, 1)),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("took the input as (28, 28) grey images and added the channel with a Reshape layer",
         replaces="build_cnn")
def input_without_channel_axis():
    return keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Reshape((28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("kept PyTorch's channels-first layout: input (1, 28, 28) with data_format='channels_first'",
         replaces="build_cnn")
def channels_first_input():
    return keras.Sequential([
        keras.Input(shape=(1, 28, 28)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", data_format="channels_first"),
        keras.layers.MaxPooling2D(2, data_format="channels_first"),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu", data_format="channels_first"),
        keras.layers.MaxPooling2D(2, data_format="channels_first"),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("forgot padding='same' (Keras defaults to 'valid'): 28 -> 26 -> 13 -> 11 -> 5",
         replaces="build_cnn")
def valid_padding():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("used AveragePooling2D instead of MaxPooling2D", replaces="build_cnn")
def average_pooling():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.AveragePooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.AveragePooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("downsampled with strides=2 in the convolutions instead of pooling layers (same parameter count)",
         replaces="build_cnn")
def strided_convolutions():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("added Dropout(0.5) after the Dense(128) against overfitting", replaces="build_cnn")
def dropout_before_logits():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10),
    ])


@mistake("put a softmax on the last Dense so the outputs are probabilities", replaces="build_cnn")
def softmax_output():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])


@mistake("forgot activation='relu' on the second Conv2D", replaces="build_cnn")
def second_conv_without_relu():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("forgot the relu on the hidden Dense(128)", replaces="build_cnn")
def hidden_dense_without_relu():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128),
        keras.layers.Dense(10),
    ])


@mistake("added BatchNormalization after each convolution", replaces="build_cnn")
def batch_norm_after_convs():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("added a Rescaling(1/255) layer in front to normalise the pixels", replaces="build_cnn")
def rescaling_input_layer():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Rescaling(1.0 / 255),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])
