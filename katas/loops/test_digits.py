"""Tests of kata loops/digits: each step of the pipeline, then 92 % on real handwritten digits."""

import numpy as np
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from katas._support import data
from katas._support.checks import check_close, check_equal, check_tensor, describe, fail
from katas._support.strategies import arrays, shapes, to_torch


@given(data=st.data())
def test_prepare_scales_to_the_unit_interval_and_flattens(kata, data):
    max_value = data.draw(st.sampled_from([16, 255]), label="max_value")
    shape = data.draw(shapes(min_dims=3, max_dims=3, max_side=6), label="shape")
    images = data.draw(hnp.arrays("int64", shape, elements=st.integers(0, max_value)), label="images")
    expected = (images / max_value).astype("float32").reshape(len(images), -1)
    check_tensor(kata.prepare(images, max_value), expected, framework="torch", call=f"prepare({describe(images)}, "
                 f"max_value={max_value})", misconception="divide by max_value (16 for these digits, 255 for MNIST), "
                 "then flatten each image: .flatten(start_dim=1) keeps the batch dimension")


@given(n_inputs=st.integers(1, 100))
def test_digit_mlp_has_one_hidden_layer_of_128(kata, n_inputs):
    model = kata.digit_mlp(n_inputs)
    check_equal([tuple(p.shape) for p in model.parameters()], [(128, n_inputs), (128,), (10, 128), (10,)],
                call=f"digit_mlp({n_inputs})", what="parameter shapes",
                misconception="Linear(n_inputs, 128), ReLU, Linear(128, 10)")
    check_equal(model(torch.zeros(3, n_inputs)).shape, torch.Size([3, 10]), call=f"digit_mlp({n_inputs})",
                what="output shape for 3 rows")


@given(logits=arrays("float32", shapes(min_dims=2, max_dims=2, max_side=8, distinct=True)))
def test_probabilities_are_the_softmax_over_classes(kata, logits):
    exp = np.exp(logits.astype("float64") - logits.max(axis=1, keepdims=True))
    check_tensor(kata.probabilities(to_torch(logits)), (exp / exp.sum(axis=1, keepdims=True)).astype("float32"),
                 framework="torch", call=f"probabilities({describe(logits)})", atol=1e-6,
                 misconception="torch.softmax(logits, dim=1): each row (one image) sums to 1")


@given(data=st.data())
def test_accuracy_is_the_fraction_of_right_predictions(kata, data):
    n, classes = data.draw(shapes(min_dims=2, max_dims=2, max_side=10), label="(N, classes)")
    logits = data.draw(arrays("float32", (n, classes)), label="logits")
    labels = data.draw(hnp.arrays("int64", n, elements=st.integers(0, classes - 1)), label="labels")
    expected = float(np.mean(to_torch(logits).argmax(dim=1).numpy() == labels))
    check_close(kata.accuracy(to_torch(logits), to_torch(labels)), expected, rel=1e-6,
                call=f"accuracy({describe(logits)}, labels {labels.tolist()})",
                misconception="(logits.argmax(dim=1) == labels).float().mean().item(): a fraction, not a count")


def test_the_pipeline_reads_92_percent_of_unseen_digits(kata):
    train_images, train_labels, test_images, test_labels = data.digits_split()
    model = kata.train_digits(kata.prepare(train_images, 16), torch.from_numpy(train_labels))
    with torch.no_grad():
        predicted = model.eval()(kata.prepare(test_images, 16)).argmax(dim=1).numpy()
    score = float(np.mean(predicted == test_labels))
    if score < 0.92:
        fail("train_digits(prepare(1,437 training digits, 16), labels), tested on 360 unseen digits",
             "test accuracy", "at least 0.92", f"{score:.3f}",
             "pixels scaled to [0, 1], a hidden layer of 128 with ReLU, Adam (lr=1e-3), mini-batches of 32, "
             "about 10 epochs")
