"""Tests of kata keras/cnn: channels-last input, output shape for any batch, the PyTorch CNN's parameter count."""

import keras
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, fail

PARAMETERS = 421_642  # the same as loops/cnn's ImageClassifier, layer for layer
LAYOUT = "keras.Input(shape=(28, 28, 1)), Conv2D(32, 3, padding='same', activation='relu'), MaxPooling2D(2), " \
         "Conv2D(64, 3, padding='same', activation='relu'), MaxPooling2D(2), Flatten(), Dense(128, 'relu'), Dense(10)"


def test_same_parameter_count_as_the_pytorch_cnn(kata):
    model = kata.build_cnn()
    check_equal([tuple(t.shape) for t in model.inputs], [(None, 28, 28, 1)], call="build_cnn()", what="input shape",
                misconception="Keras is channels last: keras.Input(shape=(28, 28, 1))")
    check_equal(model.count_params(), PARAMETERS, call="build_cnn()", what="model.count_params()", misconception=LAYOUT)


@settings(max_examples=5)
@given(batch=st.integers(1, 8))
def test_output_is_one_row_of_ten_logits_per_image(kata, batch):
    keras.utils.set_random_seed(0)
    logits = keras.ops.convert_to_numpy(kata.build_cnn()(np.random.default_rng(0).uniform(size=(batch, 28, 28, 1)).astype("float32")))
    call = f"build_cnn()(images of shape ({batch}, 28, 28, 1))"
    check_equal(logits.shape, (batch, 10), call=call, what="output shape", misconception=LAYOUT)
    if np.allclose(logits.sum(axis=1), 1):
        fail(call, "output", "logits (any real numbers)", "rows that sum to 1",
             "no activation on the last Dense: the PyTorch model gives logits too")
