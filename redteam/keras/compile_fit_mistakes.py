"""Blind red team: wrong answers for kata keras/compile_fit."""
import keras
import numpy as np
from katas._support.mistakes import mistake


def _net(n_features, n_classes, out_activation=None, hidden_activation="relu", hidden=32):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(hidden, activation=hidden_activation),
        keras.layers.Dense(n_classes, activation=out_activation),
    ])


# ---------------------------------------------------------------- build_classifier

@mistake("used the loss string 'sparse_categorical_crossentropy', which expects probabilities "
         "(from_logits=False) while the last layer gives logits", replaces="build_classifier")
def string_loss_classifier(n_features, n_classes):
    model = _net(n_features, n_classes)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@mistake("put softmax on the last layer and still told the loss from_logits=True",
         replaces="build_classifier")
def softmax_and_logits_classifier(n_features, n_classes):
    model = _net(n_features, n_classes, out_activation="softmax")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@mistake("passed optimizer='adam' (learning rate 0.001, not 0.01)", replaces="build_classifier")
def default_lr_classifier(n_features, n_classes):
    model = _net(n_features, n_classes)
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@mistake("wrote metrics=['acc'], so the history reports 'acc' and 'val_acc'", replaces="build_classifier")
def acc_alias_classifier(n_features, n_classes):
    model = _net(n_features, n_classes)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["acc"])
    return model


@mistake("used SparseCategoricalAccuracy() as the metric: the reported name is not 'accuracy'",
         replaces="build_classifier")
def sparse_accuracy_object_classifier(n_features, n_classes):
    model = _net(n_features, n_classes)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    return model


@mistake("forgot the relu on the hidden Dense(32)", replaces="build_classifier")
def linear_hidden_classifier(n_features, n_classes):
    model = _net(n_features, n_classes, hidden_activation=None)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@mistake("swapped the arguments: input of n_classes features and n_features outputs",
         replaces="build_classifier")
def swapped_sizes_classifier(n_features, n_classes):
    model = _net(n_classes, n_features)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@mistake("built the layers but forgot to call compile", replaces="build_classifier")
def uncompiled_classifier(n_features, n_classes):
    return _net(n_features, n_classes)


@mistake("hidden layer sized n_features instead of 32", replaces="build_classifier")
def hidden_n_features_classifier(n_features, n_classes):
    model = _net(n_features, n_classes, hidden=n_features)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


# ---------------------------------------------------------------- fit_classifier

@mistake("hard-coded validation_split=0.2 (the value of the example) instead of the argument",
         replaces="fit_classifier")
def hardcoded_split_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=0.2, verbose=0)


@mistake("forgot to pass validation_split, so there is no val_loss / val_accuracy",
         replaces="fit_classifier")
def no_validation_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, verbose=0)


@mistake("held back the FIRST fraction of the samples by hand (validation_data=x[:k]) "
         "instead of the last one", replaces="fit_classifier")
def first_samples_validation_fit(model, x, y, epochs, validation_split):
    k = int(len(x) * validation_split)
    return model.fit(x[k:], y[k:], epochs=epochs, validation_data=(x[:k], y[:k]), verbose=0)


@mistake("shuffled the samples before splitting them off by hand", replaces="fit_classifier")
def shuffled_split_fit(model, x, y, epochs, validation_split):
    order = np.random.default_rng(0).permutation(len(x))
    x, y = x[order], y[order]
    k = len(x) - int(len(x) * validation_split)
    return model.fit(x[:k], y[:k], epochs=epochs, validation_data=(x[k:], y[k:]), verbose=0)


@mistake("passed 1 - validation_split, mixing up the kept and the held-back fraction",
         replaces="fit_classifier")
def inverted_split_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=1 - validation_split, verbose=0)


@mistake("ran one epoch too few (epochs - 1)", replaces="fit_classifier")
def off_by_one_fit(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs - 1, validation_split=validation_split, verbose=0)


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


# ---------------------------------------------------------------- evaluate_classifier

@mistake("returned evaluate's [loss, accuracy] list instead of a dict", replaces="evaluate_classifier")
def list_evaluate(model, x, y):
    return model.evaluate(x, y, verbose=0)


@mistake("unpacked evaluate as accuracy, loss (wrong order)", replaces="evaluate_classifier")
def swapped_evaluate(model, x, y):
    accuracy, loss = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": float(accuracy)}


@mistake("reported accuracy as a percentage", replaces="evaluate_classifier")
def percent_evaluate(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": 100.0 * float(accuracy)}


@mistake("named the keys 'test_loss' / 'test_accuracy'", replaces="evaluate_classifier")
def renamed_keys_evaluate(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"test_loss": float(loss), "test_accuracy": float(accuracy)}


@mistake("computed accuracy by hand with argmax over axis 0 (the samples) instead of the classes",
         replaces="evaluate_classifier")
def argmax_axis0_evaluate(model, x, y):
    loss = model.evaluate(x, y, verbose=0)[0]
    predicted = np.argmax(model.predict(x, verbose=0), axis=0)
    return {"loss": float(loss), "accuracy": float(np.mean(predicted == y[: len(predicted)]))}


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
