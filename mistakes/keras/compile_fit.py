"""Named mistakes of kata keras/compile_fit."""

import keras

from katas._support.mistakes import mistake


@mistake("compiled without metrics: fit and evaluate report the loss only", replaces="build_classifier")
def no_metrics(n_features, n_classes):
    model = keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


@mistake("cross entropy on logits without from_logits=True", replaces="build_classifier")
def logits_as_probabilities(n_features, n_classes):
    model = keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@mistake("forgot validation_split: no val_loss to watch for overfitting", replaces="fit_classifier")
def no_validation(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, verbose=0)


@mistake("evaluate's list taken in the wrong order", replaces="evaluate_classifier")
def swapped(model, x, y):
    accuracy, loss = model.evaluate(x, y, verbose=0)
    return {"loss": loss, "accuracy": accuracy}
