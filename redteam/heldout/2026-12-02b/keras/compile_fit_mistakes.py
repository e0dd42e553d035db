"""Blind red team: wrong answers for kata keras/compile_fit."""
import keras
import numpy as np
from katas._support.mistakes import mistake


@mistake("put a softmax on the last layer while the loss still says from_logits=True",
         replaces="build_classifier")
def softmax_output_layer(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@mistake("used the loss string 'sparse_categorical_crossentropy', which expects probabilities, on logits",
         replaces="build_classifier")
def loss_string_without_from_logits(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@mistake("wrote metrics=['acc'], so the metric is reported as 'acc', not 'accuracy'",
         replaces="build_classifier")
def metric_named_acc(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["acc"])
    return model


@mistake("compiled with optimizer='adam' (learning rate 0.001) instead of Adam(learning_rate=0.01)",
         replaces="build_classifier")
def adam_default_learning_rate(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@mistake("hard-coded 10 output units (the MNIST habit) instead of n_classes", replaces="build_classifier")
def hard_coded_ten_classes(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@mistake("declared the input with the Keras 2 input_shape= on the first Dense", replaces="build_classifier")
def input_shape_on_first_dense(n_features, n_classes):
    model = keras.Sequential([
        keras.layers.Dense(32, activation="relu", input_shape=(n_features,)),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@mistake("compiled the model again inside fit_classifier (same settings, but a fresh optimizer and "
         "whatever it was compiled with is thrown away)", replaces="fit_classifier")
def recompiles_before_fit(model, x, y, epochs, validation_split):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)


@mistake("shuffled x and y together before fit, so the validation part is no longer the last samples",
         replaces="fit_classifier")
def shuffles_before_split(model, x, y, epochs, validation_split):
    order = np.random.permutation(len(x))
    return model.fit(x[order], y[order], epochs=epochs, validation_split=validation_split, verbose=0)


@mistake("hard-coded validation_split=0.2 from the example instead of using the argument",
         replaces="fit_classifier")
def hard_coded_validation_split(model, x, y, epochs, validation_split):
    return model.fit(x, y, epochs=epochs, validation_split=0.2, verbose=0)


@mistake("split by hand but held back the FIRST part of the samples for validation",
         replaces="fit_classifier")
def validates_on_first_samples(model, x, y, epochs, validation_split):
    n_val = int(len(x) * validation_split)
    return model.fit(x[n_val:], y[n_val:], validation_data=(x[:n_val], y[:n_val]),
                     epochs=epochs, verbose=0)


@mistake("returned history.history (the dict of lists) instead of the History", replaces="fit_classifier")
def returns_history_dict(model, x, y, epochs, validation_split):
    history = model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)
    return history.history


@mistake("reported the accuracy as a percentage (x 100)", replaces="evaluate_classifier")
def accuracy_in_percent(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": float(accuracy) * 100}


@mistake("unpacked evaluate's list as (accuracy, loss): the two numbers end up under swapped keys",
         replaces="evaluate_classifier")
def swapped_evaluate_outputs(model, x, y):
    accuracy, loss = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": float(accuracy)}
