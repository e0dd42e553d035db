"""Blind red team: wrong answers for kata keras/compile_fit."""
import keras
import numpy as np
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- build_classifier

@mistake("used the string 'sparse_categorical_crossentropy', which means from_logits=False, while "
         "the last layer gives logits", replaces="build_classifier")
def classifier_loss_not_from_logits(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@mistake("put softmax on the last layer and used from_logits=False to match: consistent, but the "
         "model no longer outputs logits (the docstring says no activation)",
         replaces="build_classifier")
def classifier_with_softmax_output(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  metrics=["accuracy"])
    return model


@mistake("wrote optimizer='adam': Adam's default learning rate 0.001, not 0.01",
         replaces="build_classifier")
def classifier_default_learning_rate(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@mistake("passed keras.metrics.SparseCategoricalAccuracy() without a name: the right numbers, but "
         "reported as 'sparse_categorical_accuracy', not 'accuracy'", replaces="build_classifier")
def classifier_metric_wrong_name(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    return model


@mistake("passed keras.metrics.Accuracy(): named 'accuracy', but it compares the raw logits with the "
         "integer labels, so it is not the classification accuracy", replaces="build_classifier")
def classifier_plain_accuracy_metric(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(n_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[keras.metrics.Accuracy()])
    return model


# ---------------------------------------------------------------- fit_classifier

@mistake("compiled the model again inside fit_classifier 'to be sure' (fresh Adam, default rate); "
         "the docstring says fit it as it was compiled", replaces="fit_classifier")
def fit_recompiles(model, x, y, epochs, validation_split):
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)


@mistake("split by hand and held back the FIRST fraction of the samples for validation, not the last",
         replaces="fit_classifier")
def fit_validates_on_first_samples(model, x, y, epochs, validation_split):
    n_val = int(round(len(x) * validation_split))
    return model.fit(x[n_val:], y[n_val:], validation_data=(x[:n_val], y[:n_val]),
                     epochs=epochs, verbose=0)


@mistake("shuffled x and y together before fit, so the held-back 20 % are random samples, not the "
         "last ones in the order given", replaces="fit_classifier")
def fit_shuffles_before_split(model, x, y, epochs, validation_split):
    order = np.random.default_rng(0).permutation(len(x))
    return model.fit(x[order], y[order], epochs=epochs, validation_split=validation_split,
                     verbose=0)


@mistake("passed the last part as validation_data but still trained on all of x: nothing is held "
         "back, the validation samples are also training samples", replaces="fit_classifier")
def fit_validates_on_training_samples(model, x, y, epochs, validation_split):
    n_val = int(len(x) * validation_split)
    start = len(x) - n_val
    return model.fit(x, y, validation_data=(x[start:], y[start:]), epochs=epochs, verbose=0)


# ---------------------------------------------------------------- evaluate_classifier

@mistake("zipped evaluate's two numbers with the names in the wrong order (loss comes first)",
         replaces="evaluate_classifier")
def evaluate_swapped_keys(model, x, y):
    results = model.evaluate(x, y, verbose=0)
    return {name: float(value) for name, value in zip(["accuracy", "loss"], results)}


@mistake("reported the accuracy as a percentage (x 100), not a fraction between 0 and 1",
         replaces="evaluate_classifier")
def evaluate_accuracy_percent(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": 100.0 * float(accuracy)}


@mistake("computed the numbers myself from predict, with keras.losses.sparse_categorical_crossentropy "
         "left at from_logits=False on logits: not the loss evaluate measures",
         replaces="evaluate_classifier")
def evaluate_loss_from_probabilities(model, x, y):
    logits = keras.ops.convert_to_numpy(model.predict(x, verbose=0))
    per_sample = keras.losses.sparse_categorical_crossentropy(y, logits)
    loss = float(np.mean(keras.ops.convert_to_numpy(per_sample)))
    accuracy = float(np.mean(np.argmax(logits, axis=1) == np.asarray(y).reshape(-1)))
    return {"loss": loss, "accuracy": accuracy}
