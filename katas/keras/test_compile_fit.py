"""Tests of kata keras/compile_fit: compile, a falling loss with validation, evaluate's loss and accuracy."""

import keras
import numpy as np

from katas._support.checks import check_close, check_equal, fail


def blobs(n=240, n_features=4, n_classes=3, seed=0):
    """Points around one centre per class: separable, so a small network gets them right."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, size=(n_classes, n_features))
    y = rng.integers(0, n_classes, size=n)
    return (centres[y] + rng.normal(0, 0.7, size=(n, n_features))).astype("float32"), y.astype("int64")


def test_build_classifier_is_compiled_with_loss_and_accuracy(kata):
    model = kata.build_classifier(4, 3)
    call = "build_classifier(4, 3)"
    check_equal(model.compiled, True, call=call, what="model.compiled", misconception="call model.compile(...)")
    check_equal(tuple(model.outputs[0].shape), (None, 3), call=call, what="output shape")
    x, y = blobs()
    result = model.evaluate(x, y, return_dict=True, verbose=0)
    check_equal(sorted(result), ["accuracy", "loss"], call=f"{call}.evaluate(...)", what="reported names",
                misconception="compile(..., metrics=['accuracy'])")
    logits = keras.ops.convert_to_numpy(model(x[:8]))
    expected = float(keras.ops.convert_to_numpy(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y[:8], logits)))
    got = float(keras.ops.convert_to_numpy(model.compute_loss(x[:8], y[:8], model(x[:8]))))
    check_close(got, expected, call=f"{call}: the loss of 8 samples", rel=1e-4,
                misconception="the last layer gives logits: SparseCategoricalCrossentropy(from_logits=True)")


def test_fit_reports_falling_loss_and_validation_and_evaluate_agrees(kata):
    keras.utils.set_random_seed(0)
    x, y = blobs()
    model = kata.build_classifier(4, 3)
    history = kata.fit_classifier(model, x, y, epochs=5, validation_split=0.25)
    call = "fit_classifier(model, 240 samples, epochs=5, validation_split=0.25)"
    check_equal(sorted(history.history), ["accuracy", "loss", "val_accuracy", "val_loss"], call=call,
                what="history keys", misconception="model.fit(x, y, epochs=epochs, validation_split=validation_split)")
    losses = history.history["loss"]
    check_equal(len(losses), 5, call=call, what="epochs recorded")
    if not losses[-1] < losses[0]:
        fail(call, "loss", "falling", f"{losses[0]:.3f} -> {losses[-1]:.3f}", "fit the compiled model")
    x_new, y_new = blobs(n=90, seed=0)
    expected = model.evaluate(x_new, y_new, return_dict=True, verbose=0)
    got = kata.evaluate_classifier(model, x_new, y_new)
    check_equal(isinstance(got, dict) and sorted(got), ["accuracy", "loss"], call="evaluate_classifier(...)",
                what="keys", misconception="model.evaluate(x, y, return_dict=True, verbose=0)")
    for name in ("loss", "accuracy"):
        check_close(float(got[name]), expected[name], call="evaluate_classifier(model, 90 samples)", what=name,
                    rel=1e-5, misconception="model.evaluate(x, y, return_dict=True): a list's order is easy to mix up")
