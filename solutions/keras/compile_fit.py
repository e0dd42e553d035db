"""Reference answer of kata keras/compile_fit."""

import keras
import numpy as np


def build_classifier(n_features: int, n_classes: int) -> keras.Model:
    model = keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def fit_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray, epochs: int,
                   validation_split: float) -> keras.callbacks.History:
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)


def evaluate_classifier(model: keras.Model, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return model.evaluate(x, y, return_dict=True, verbose=0)
