"""Correct alternatives of kata keras/compile_fit: other styles the tests must accept."""

import keras
import numpy as np

from katas._support.mistakes import alternative


@alternative("the functional API: keras.Model(inputs, outputs), compiled the same way", replaces="build_classifier")
def functional_classifier(n_features, n_classes):
    inputs = keras.Input(shape=(n_features,))
    logits = keras.layers.Dense(n_classes)(keras.layers.Dense(32, activation="relu")(inputs))
    model = keras.Model(inputs, logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@alternative("the split made by hand (the last samples held back, as validation_split does), "
             "batches of 16 in order", replaces="fit_classifier")
def hand_split_fit(model, x, y, epochs, validation_split):
    kept = int(np.floor(len(x) * (1.0 - validation_split)))
    return model.fit(x[:kept], y[:kept], epochs=epochs, batch_size=16, shuffle=False,
                     validation_data=(x[kept:], y[kept:]), verbose=0)


# Written blind, from the stub alone (red team, 2026-12)


@alternative("Sequential filled with .add(), positional Adam(0.01), accuracy as a metric object "
             "named 'accuracy'", replaces="build_classifier")
def added_layers_classifier(n_features, n_classes):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    model.add(keras.layers.Dense(32, activation=keras.activations.relu))
    model.add(keras.layers.Dense(n_classes, activation="linear"))
    model.compile(keras.optimizers.Adam(0.01),
                  keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    return model


@alternative("spells out fit's defaults (batch_size=32, shuffle=True) and returns model.history",
             replaces="fit_classifier")
def explicit_defaults_fit(model, x, y, epochs, validation_split):
    model.fit(x=x, y=y, batch_size=32, epochs=int(epochs), verbose=0,
              validation_split=float(validation_split), shuffle=True)
    return model.history


@alternative("computes both by hand from the logits: the same loss object and argmax over the classes",
             replaces="evaluate_classifier")
def by_hand_evaluate(model, x, y):
    logits = model.predict(x, verbose=0)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    accuracy = np.mean(np.argmax(logits, axis=-1) == np.asarray(y).reshape(-1))
    return dict(loss=float(loss), accuracy=float(accuracy))


@alternative("one batch for the whole set (batch_size=len(x)), unpacked with indices, progress bar shown",
             replaces="evaluate_classifier")
def single_batch_evaluate(model, x, y):
    results = model.evaluate(x, y, batch_size=len(x))
    return {"accuracy": float(results[1]), "loss": float(results[0])}
