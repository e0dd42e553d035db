"""Tests of kata keras/cnn: keras.Input channels last, the PyTorch CNN's parameter count, and with known
weights the outputs of the stated network (NumPy forward pass), in inference and training mode."""

from functools import cache

import keras
import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from katas._support.checks import built_the_keras_3_way, check_equal, check_values

PARAMETERS = 421_642  # the same as loops/cnn's ImageClassifier, layer for layer
LAYOUT = "keras.Input(shape=(28, 28, 1)), Conv2D(32, 3, padding='same', activation='relu'), MaxPooling2D(2), " \
         "Conv2D(64, 3, padding='same', activation='relu'), MaxPooling2D(2), Flatten(), Dense(128, 'relu'), Dense(10)"
WEIGHT_SHAPES = [(3, 3, 1, 32), (32,), (3, 3, 32, 64), (64,), (7 * 7 * 64, 128), (128,), (128, 10), (10,)]


def built(kata):
    """build_cnn(): keras.Input, not input_shape=; one input of (28, 28, 1) images, channels last."""
    model = built_the_keras_3_way(kata.build_cnn, "build_cnn()", LAYOUT)
    check_equal([tuple(t.shape) for t in model.inputs], [(None, 28, 28, 1)], call="build_cnn()", what="input shape",
                misconception="Keras is channels last: keras.Input(shape=(28, 28, 1)), the channel included")
    return model


def conv_same_relu(x, kernel, bias):
    """Conv2D(k, 3, padding='same', activation='relu') on NHWC images, in NumPy."""
    windows = sliding_window_view(np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0))), (3, 3), axis=(1, 2))  # N,H,W,C,3,3
    return np.maximum(np.einsum("nhwcij,ijco->nhwo", windows, kernel) + bias, 0)


def max_pool(x):
    n, h, w, c = x.shape
    return x.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


@cache
def known_case():
    """Weights (He-scaled, biases away from 0), two images, and the stated network's logits."""
    rng = np.random.default_rng(7)
    fan_in = [9, None, 9 * 32, None, 7 * 7 * 64, None, 128, None]
    weights = [(rng.normal(0, np.sqrt(2 / fan), shape) if fan else rng.uniform(-0.2, 0.2, shape)).astype("float32")
               for fan, shape in zip(fan_in, WEIGHT_SHAPES)]
    images = rng.uniform(0, 1, (2, 28, 28, 1)).astype("float32")
    w = [v.astype("float64") for v in weights]
    h = max_pool(conv_same_relu(images.astype("float64"), w[0], w[1]))
    h = max_pool(conv_same_relu(h, w[2], w[3]))
    h = np.maximum(h.reshape(len(h), -1) @ w[4] + w[5], 0)  # Flatten of NHWC: (h, w, c) order
    return weights, images, h @ w[6] + w[7]


def test_channels_last_input_and_the_pytorch_cnns_parameter_count(kata):
    call = "build_cnn()"
    model = built(kata)
    check_equal(model.count_params(), PARAMETERS, call=call, what="model.count_params()",
                misconception=f"3x3 kernels, padding='same' (Keras' default 'valid' shrinks the maps), "
                              f"pooling that halves them, 32 then 64 filters: {LAYOUT}")


def test_with_known_weights_it_computes_the_stated_network(kata):
    model = built(kata)
    call = "build_cnn(), weights set with model.set_weights(known weights)"
    check_equal([tuple(w.shape) for w in model.weights], WEIGHT_SHAPES, call="build_cnn()",
                what="weight shapes (kernel and bias of each layer, in order)", misconception=LAYOUT)
    weights, images, expected = known_case()
    model.set_weights(weights)
    for training in (False, True):
        got = keras.ops.convert_to_numpy(model(images, training=training))
        check_values(got, expected.astype("float32"), rtol=1e-3, atol=1e-3,
                     call=f"{call}, then model(2 images, training={training})",
                     misconception="relu after both convolutions and after Dense(128); MaxPooling2D(2), not average "
                                   "pooling or strides; no dropout; Dense(10) without softmax gives logits")


@settings(max_examples=3)
@given(batch=st.integers(1, 8))
@example(batch=1)
def test_output_is_one_row_of_ten_logits_per_image(kata, batch):
    keras.utils.set_random_seed(0)
    images = np.random.default_rng(0).uniform(size=(batch, 28, 28, 1)).astype("float32")
    logits = keras.ops.convert_to_numpy(built(kata)(images))
    call = f"build_cnn()(images of shape ({batch}, 28, 28, 1))"
    check_equal(logits.shape, (batch, 10), call=call, what="output shape", misconception=LAYOUT)
