"""Named mistakes of kata keras/compile_fit."""

import keras
import numpy as np

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


@mistake("Keras 2 idiom: input_shape= on the first Dense instead of keras.Input", replaces="build_classifier")
def input_shape_argument(n_features, n_classes):
    model = keras.Sequential([keras.layers.Dense(32, activation="relu", input_shape=(n_features,)),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


# Written blind, from the stub alone (red team, 2026-12)


def _net(n_features, n_classes, out_activation=None, hidden_activation="relu", hidden=32):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(hidden, activation=hidden_activation),
        keras.layers.Dense(n_classes, activation=out_activation),
    ])


def _compiled(model, optimizer=None, loss=None, metrics=("accuracy",)):
    model.compile(optimizer=optimizer or keras.optimizers.Adam(learning_rate=0.01),
                  loss=loss or keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=list(metrics))
    return model


@mistake("put softmax on the last layer and still told the loss from_logits=True",
         replaces="build_classifier")
def softmax_and_logits_classifier(n_features, n_classes):
    return _compiled(_net(n_features, n_classes, out_activation="softmax"))


@mistake("passed optimizer='adam' (learning rate 0.001, not 0.01)", replaces="build_classifier")
def default_lr_classifier(n_features, n_classes):
    return _compiled(_net(n_features, n_classes), optimizer="adam")


@mistake("wrote metrics=['acc'], so the history reports 'acc' and 'val_acc'", replaces="build_classifier")
def acc_alias_classifier(n_features, n_classes):
    return _compiled(_net(n_features, n_classes), metrics=["acc"])


@mistake("forgot the relu on the hidden Dense(32)", replaces="build_classifier")
def linear_hidden_classifier(n_features, n_classes):
    return _compiled(_net(n_features, n_classes, hidden_activation=None))


@mistake("swapped the arguments: input of n_classes features and n_features outputs",
         replaces="build_classifier")
def swapped_sizes_classifier(n_features, n_classes):
    return _compiled(_net(n_classes, n_features))


@mistake("built the layers but forgot to call compile", replaces="build_classifier")
def uncompiled_classifier(n_features, n_classes):
    return _net(n_features, n_classes)


@mistake("hard-coded validation_split=0.2 (the value of the example) instead of the argument",
         replaces="fit_classifier")
def hardcoded_split_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=0.2, verbose=0)


@mistake("held back the FIRST fraction of the samples by hand (validation_data=x[:k]) "
         "instead of the last one", replaces="fit_classifier")
def first_samples_validation_fit(model, x, y, epochs, validation_split):
    k = int(len(x) * validation_split)
    return model.fit(x[k:], y[k:], epochs=epochs, validation_data=(x[:k], y[:k]), verbose=0)


@mistake("forgot verbose=0: fit prints a progress bar", replaces="fit_classifier")
def verbose_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=validation_split)


@mistake("returned history.history (a dict) instead of the History", replaces="fit_classifier")
def dict_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0).history


@mistake("compiled the model again inside fit with optimizer='adam', throwing away the caller's settings",
         replaces="fit_classifier")
def recompiling_fit(model, x, y, epochs, validation_split):
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)


@mistake("looped for epoch in range(epochs) calling fit(epochs=1) and returned only the last History",
         replaces="fit_classifier")
def loop_last_history_fit(model, x, y, epochs, validation_split):
    history = None
    for _ in range(epochs):
        history = model.fit(x, y, epochs=1, validation_split=validation_split, verbose=0)
    return history


@mistake("returned evaluate's [loss, accuracy] list instead of a dict", replaces="evaluate_classifier")
def list_evaluate(model, x, y):
    return model.evaluate(x, y, verbose=0)


@mistake("reported accuracy as a percentage", replaces="evaluate_classifier")
def percent_evaluate(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": 100.0 * float(accuracy)}


@mistake("computed the loss by hand from softmax probabilities with from_logits=False on the logits",
         replaces="evaluate_classifier")
def probs_loss_evaluate(model, x, y):
    logits = model.predict(x, verbose=0)
    loss = keras.losses.SparseCategoricalCrossentropy()(y, logits)
    accuracy = np.mean(np.argmax(logits, axis=1) == y)
    return {"loss": float(loss), "accuracy": float(accuracy)}


@mistake("returned numpy float32 values (dtype kept from the model) instead of Python floats",
         replaces="evaluate_classifier")
def float32_values_evaluate(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": np.float32(loss), "accuracy": np.float32(accuracy)}


@mistake("zipped model.metrics_names with evaluate's list: in Keras 3 the names are "
         "['loss', 'compile_metrics'], so there is no 'accuracy' key", replaces="evaluate_classifier")
def metrics_names_evaluate(model, x, y):
    return {name: float(value) for name, value in zip(model.metrics_names, model.evaluate(x, y, verbose=0))}


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("compiled with AdamW(0.01): Adam with weight decay, not Adam", replaces="build_classifier")
def adamw_classifier(n_features, n_classes):
    model = keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.AdamW(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@mistake("validated on the last samples with validation_data, but trained on all of them too", replaces="fit_classifier")
def trains_on_the_validation_samples(model, x, y, epochs, validation_split):
    held_out = len(x) - int(np.floor(len(x) * (1 - validation_split)))
    return model.fit(x, y, epochs=epochs, validation_data=(x[-held_out:], y[-held_out:]), verbose=0)


@mistake("warmed the model up with a first fit, then returned a second fit's History", replaces="fit_classifier")
def fits_twice(model, x, y, epochs, validation_split):
    model.fit(x, y, epochs=epochs, verbose=0)
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)


@mistake("compiled again with the same optimizer object but a summed loss", replaces="fit_classifier")
def recompiled_with_a_summed_loss(model, x, y, epochs, validation_split):
    model.compile(optimizer=model.optimizer,
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="sum"),
                  metrics=["accuracy"])
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)
