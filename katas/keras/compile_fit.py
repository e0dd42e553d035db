"""Kata keras/compile_fit: compile, fit with a validation split, evaluate.

``compile`` chooses the optimizer, the loss and the metrics to report. For integer class labels
and a last layer without softmax (logits), the loss is
``keras.losses.SparseCategoricalCrossentropy(from_logits=True)``. ``fit(..., validation_split=0.2)``
holds back the last 20 % of the samples (in the order given, before any shuffling) and reports
``val_loss`` and ``val_accuracy`` on them after each epoch. ``evaluate`` measures loss and
metrics on data the model did not train on.
Declare the input with ``keras.Input(shape=...)``: the first item of a ``keras.Sequential`` (or
the start of a functional ``keras.Model(inputs, outputs)``: either is fine). The Keras 2 habit
of ``input_shape=`` on the first layer is deprecated: Keras 3 warns, and the tests fail it.
Runs on any Keras backend.
"""

import keras
import numpy as np


def build_classifier(n_features: int, n_classes: int) -> keras.Model:
    """A compiled classifier: ``keras.Input(shape=(n_features,))``, ``Dense(32, activation="relu")``,
    ``Dense(n_classes)`` (logits: no activation); compiled with
    ``keras.optimizers.Adam(learning_rate=0.01)``, the sparse categorical cross entropy from
    logits, and the accuracy metric, reported under the name "accuracy" (``metrics=["accuracy"]``).
    """
    raise NotImplementedError("build_classifier(): not implemented yet (kata keras/compile_fit)")


def fit_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray, epochs: int,
                   validation_split: float) -> keras.callbacks.History:
    """Fit ``model`` as it was compiled (do not compile it again) for exactly ``epochs`` epochs,
    holding back the last ``validation_split`` of the samples for validation, quietly (verbose=0:
    nothing printed), and return what ``fit`` returns: the ``History``. Batch size and shuffling
    of the training samples: fit's defaults, or your choice.

    >>> fit_classifier(model, x, y, epochs=5, validation_split=0.2).history.keys()
    dict_keys(['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    """
    raise NotImplementedError("fit_classifier(): not implemented yet (kata keras/compile_fit)")


def evaluate_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Loss and accuracy of ``model`` on (x, y), the numbers ``model.evaluate`` measures, as a dict
    of Python floats with these two keys only: ``{"loss": ..., "accuracy": ...}``; the accuracy
    is a fraction between 0 and 1. Printing a progress bar or not is up to you.
    """
    raise NotImplementedError("evaluate_classifier(): not implemented yet (kata keras/compile_fit)")
