"""Kata keras/compile_fit: compile, fit with a validation split, evaluate.

``compile`` chooses the optimizer, the loss and the metrics to report. For integer class labels
and a last layer without softmax (logits), the loss is
``keras.losses.SparseCategoricalCrossentropy(from_logits=True)``. ``fit(..., validation_split=0.2)``
holds back the last 20 % of the samples and reports ``val_loss`` and ``val_accuracy`` on them
after each epoch. ``evaluate`` measures loss and metrics on data the model did not train on.
Runs on any Keras backend.
"""

import keras
import numpy as np


def build_classifier(n_features: int, n_classes: int) -> keras.Sequential:
    """A compiled classifier: ``keras.Input(shape=(n_features,))``, ``Dense(32, activation="relu")``,
    ``Dense(n_classes)`` (logits); Adam with learning_rate=0.01, the sparse categorical cross
    entropy from logits, and the "accuracy" metric.
    """
    raise NotImplementedError("build_classifier(): not implemented yet (kata keras/compile_fit)")


def fit_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray, epochs: int,
                   validation_split: float) -> keras.callbacks.History:
    """Fit for ``epochs`` epochs, holding back ``validation_split`` of the data; quietly (verbose=0).

    >>> fit_classifier(model, x, y, epochs=5, validation_split=0.2).history.keys()
    dict_keys(['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    """
    raise NotImplementedError("fit_classifier(): not implemented yet (kata keras/compile_fit)")


def evaluate_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Loss and accuracy on (x, y) as a dict: ``{"loss": ..., "accuracy": ...}``."""
    raise NotImplementedError("evaluate_classifier(): not implemented yet (kata keras/compile_fit)")
