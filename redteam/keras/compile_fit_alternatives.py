"""Blind red team: correct answers in other styles for kata keras/compile_fit."""
import keras
import numpy as np
from katas._support.mistakes import alternative


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


@alternative("named layers, loss before optimizer in compile, metrics as a tuple-free list",
             replaces="build_classifier")
def named_layers_classifier(n_features, n_classes):
    layers = [
        keras.Input(shape=(n_features,), name="features"),
        keras.layers.Dense(units=32, activation="relu", name="hidden"),
        keras.layers.Dense(units=n_classes, name="logits"),
    ]
    model = keras.Sequential(layers, name="classifier")
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.Adam(learning_rate=1e-2),
                  metrics=["accuracy"])
    return model


@alternative("spells out fit's defaults (batch_size=32, shuffle=True) and returns model.history",
             replaces="fit_classifier")
def explicit_defaults_fit(model, x, y, epochs, validation_split):
    model.fit(x=x, y=y, batch_size=32, epochs=int(epochs), verbose=0,
              validation_split=float(validation_split), shuffle=True)
    return model.history


@alternative("evaluate(return_dict=True), values passed through float()", replaces="evaluate_classifier")
def return_dict_evaluate(model, x, y):
    results = model.evaluate(x, y, verbose=0, return_dict=True)
    return {"loss": float(results["loss"]), "accuracy": float(results["accuracy"])}


@alternative("computes both by hand from the logits: the same loss object and argmax over the classes",
             replaces="evaluate_classifier")
def by_hand_evaluate(model, x, y):
    logits = model.predict(x, verbose=0)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    accuracy = np.mean(np.argmax(logits, axis=-1) == np.asarray(y).reshape(-1))
    return dict(loss=float(loss), accuracy=float(accuracy))


@alternative("one batch for the whole set (batch_size=len(x)), unpacked with indices",
             replaces="evaluate_classifier")
def single_batch_evaluate(model, x, y):
    results = model.evaluate(x, y, batch_size=len(x), verbose=0)
    return {"accuracy": float(results[1]), "loss": float(results[0])}
