"""Blind red team: wrong answers for kata keras/cnn."""
import keras
from katas._support.mistakes import mistake


@mistake("left Conv2D at its default padding ('valid'): 28 -> 26 -> 13 -> 11 -> 5, not 28 -> 14 -> 7, "
         "and not 421,642 parameters", replaces="build_cnn")
def cnn_valid_padding():
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


@mistake("used AveragePooling2D instead of MaxPooling2D: same shapes and parameters, other outputs",
         replaces="build_cnn")
def cnn_average_pooling():
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


@mistake("downsampled with strides=2 in the convolutions instead of pooling: same 14x14 and 7x7 "
         "shapes and the same 421,642 parameters, but not max pooling", replaces="build_cnn")
def cnn_strided_convolutions():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("added Dropout(0.5) after Dense(128) like the Keras MNIST example: inference matches, "
         "training mode does not (the docstring says no dropout)", replaces="build_cnn")
def cnn_with_dropout():
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


@mistake("put softmax on the last Dense so the outputs look like probabilities; the docstring wants "
         "10 logits, no softmax", replaces="build_cnn")
def cnn_softmax_output():
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


@mistake("declared the input as (28, 28) and reshaped to (28, 28, 1) inside the model; the "
         "docstring says the input is (28, 28, 1), not (28, 28)", replaces="build_cnn")
def cnn_input_without_channel():
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


@mistake("declared the input the Keras 2 way, input_shape= on the first Conv2D (deprecated; the "
         "docstring says the tests fail it)", replaces="build_cnn")
def cnn_input_shape_kwarg():
    return keras.Sequential([
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", input_shape=(28, 28, 1)),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("turned the convolution biases off (use_bias=False): six weight arrays instead of eight and "
         "fewer than 421,642 parameters", replaces="build_cnn")
def cnn_convolutions_without_bias():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", use_bias=False),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu", use_bias=False),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("used GlobalAveragePooling2D where the network has Flatten: Dense(128) then sees 64 "
         "features, not 7*7*64", replaces="build_cnn")
def cnn_global_pooling_instead_of_flatten():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])


@mistake("forgot the relu on Dense(128): the hidden layer is linear", replaces="build_cnn")
def cnn_linear_hidden_dense():
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


@mistake("added BatchNormalization after each convolution, as in many tutorials: extra weight arrays "
         "and parameters, and other outputs", replaces="build_cnn")
def cnn_with_batch_norm():
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


@mistake("permuted to channels-first before Flatten to 'match PyTorch's flatten order': same "
         "parameter count, but the Dense(128) kernel meets the features in another order",
         replaces="build_cnn")
def cnn_channels_first_flatten():
    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Permute((3, 1, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ])
