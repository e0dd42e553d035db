"""Blind red team: correct alternative answers for kata keras/compile_fit."""
import math

import keras
import numpy as np
from katas._support.mistakes import alternative


@alternative("functional API keras.Model(inputs=..., outputs=...), compile keywords in another order",
             replaces="build_classifier")
def functional_classifier(n_features, n_classes):
    inputs = keras.Input(shape=(n_features,))
    hidden = keras.layers.Dense(32, activation="relu")(inputs)
    logits = keras.layers.Dense(n_classes)(hidden)
    model = keras.Model(inputs=inputs, outputs=logits)
    model.compile(metrics=["accuracy"],
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.Adam(learning_rate=0.01))
    return model


@alternative("Sequential.add, positional Adam(0.01), metric object SparseCategoricalAccuracy(name='accuracy')",
             replaces="build_classifier")
def sequential_add_classifier(n_features, n_classes):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    model.add(keras.layers.Dense(32, activation=keras.activations.relu))
    model.add(keras.layers.Dense(n_classes, activation=None))
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    return model


@alternative("splits by hand the way Keras does (floor of N * (1 - split)) and passes validation_data",
             replaces="fit_classifier")
def manual_tail_split(model, x, y, epochs, validation_split):
    split_at = int(math.floor(len(x) * (1.0 - validation_split)))
    return model.fit(x[:split_at], y[:split_at],
                     validation_data=(x[split_at:], y[split_at:]),
                     epochs=epochs, verbose=0)


@alternative("explicit batch_size=16 and shuffle=False, keyword x/y", replaces="fit_classifier")
def fit_no_shuffle_small_batches(model, x, y, epochs, validation_split):
    history = model.fit(x=x, y=y, batch_size=16, epochs=epochs, shuffle=False,
                        validation_split=validation_split, verbose=0)
    return history


@alternative("evaluate(return_dict=True), values converted with float()", replaces="evaluate_classifier")
def evaluate_return_dict(model, x, y):
    results = model.evaluate(x, y, verbose=0, return_dict=True)
    return {"loss": float(results["loss"]), "accuracy": float(results["accuracy"])}
