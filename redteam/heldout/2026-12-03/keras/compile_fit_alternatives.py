"""Blind red team: correct answers in other styles for kata keras/compile_fit."""
import keras
from katas._support.mistakes import alternative


@alternative("functional API, metric object SparseCategoricalAccuracy(name='accuracy')",
             replaces="build_classifier")
def functional_classifier(n_features, n_classes):
    inputs = keras.Input(shape=(n_features,))
    hidden = keras.layers.Dense(32, activation="relu")(inputs)
    logits = keras.layers.Dense(n_classes)(hidden)
    model = keras.Model(inputs, logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    return model


@alternative("Sequential built with add(), positional compile arguments", replaces="build_classifier")
def sequential_add_classifier(n_features, n_classes):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    model.add(keras.layers.Dense(units=32, activation="relu"))
    model.add(keras.layers.Dense(units=n_classes, activation=None))
    model.compile(keras.optimizers.Adam(0.01),
                  keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@alternative("keyword arguments only, its own batch size, no shuffling", replaces="fit_classifier")
def fit_keywords_no_shuffle(model, x, y, epochs, validation_split):
    return model.fit(x=x, y=y, batch_size=16, epochs=epochs, validation_split=validation_split,
                     shuffle=False, verbose=0)


@alternative("evaluate(return_dict=True), picking the two keys", replaces="evaluate_classifier")
def evaluate_return_dict(model, x, y):
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    return {"loss": float(logs["loss"]), "accuracy": float(logs["accuracy"])}


@alternative("tuple unpacking, progress bar left on (allowed)", replaces="evaluate_classifier")
def evaluate_unpacked_with_progress_bar(model, x, y):
    loss, accuracy = model.evaluate(x, y)
    return dict(loss=float(loss), accuracy=float(accuracy))
