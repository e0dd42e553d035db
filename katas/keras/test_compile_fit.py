"""Tests of kata keras/compile_fit: the layers, optimizer, loss and metric compiled in; fit's History
with validation on the last samples; evaluate's loss and accuracy as a dict of floats."""


import keras
import numpy as np

from katas._support import curves
from katas._support.checks import built_the_keras_3_way, check_close, check_equal, check_values, describe, fail

LAYOUT = ("keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(32, activation='relu'), "
          "keras.layers.Dense(n_classes)])")
COMPILE = ("model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), "
           "loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])")
FIT = "return model.fit(x, y, epochs=epochs, validation_split=validation_split, verbose=0)"
EVALUATE = "model.evaluate(x, y, return_dict=True, verbose=0) gives {'loss': ..., 'accuracy': ...}"


def blobs(n=240, n_features=4, n_classes=3, seed=0):
    """Points around one centre per class: separable, so a small network gets them right."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, size=(n_classes, n_features))
    y = rng.integers(0, n_classes, size=n)
    return (centres[y] + rng.normal(0, 0.7, size=(n, n_features))).astype("float32"), y.astype("int64")


def classifier(n_features=4, n_classes=3, seed=0, first=()):
    """The model as the docstring asks for it, built and compiled by the test; ``first``: layers
    put before it that change nothing (a counter of the rows it is given)."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(n_features,)), *first, keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(n_classes)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def as_float(value):
    return float(keras.ops.convert_to_numpy(value))


def test_build_classifier_has_the_layers_optimizer_loss_and_metric(kata):
    n_features, n_classes = 5, 3
    call = f"build_classifier({n_features}, {n_classes})"
    model = built_the_keras_3_way(lambda: kata.build_classifier(n_features, n_classes), call, LAYOUT)
    check_equal(model.compiled, True, call=call, what="model.compiled", misconception=f"compile it: {COMPILE}")
    check_equal([tuple(t.shape) for t in model.inputs], [(None, n_features)], call=call, what="input shapes",
                misconception=f"n_features inputs, n_classes outputs: {LAYOUT}")
    check_equal(tuple(model.outputs[0].shape), (None, n_classes), call=call, what="output shape",
                misconception=f"n_features inputs, n_classes outputs: {LAYOUT}")
    shapes = [(n_features, 32), (32,), (32, n_classes), (n_classes,)]
    check_equal([tuple(w.shape) for w in model.weights], shapes, call=call, what="weight shapes", misconception=LAYOUT)

    rng = np.random.default_rng(0)
    weights = [rng.normal(0, 1, shape).astype("float32") for shape in shapes]
    model.set_weights(weights)
    x = rng.normal(0, 1, (6, n_features)).astype("float32")
    expected = np.maximum(x @ weights[0] + weights[1], 0) @ weights[2] + weights[3]
    check_values(keras.ops.convert_to_numpy(model(x)), expected, call=f"{call} with known weights, on 6 samples",
                 rtol=1e-4, atol=1e-4,
                 misconception="relu on the hidden Dense(32), no activation on the last Dense: it gives logits")

    if not isinstance(model.optimizer, keras.optimizers.Adam) or isinstance(model.optimizer, keras.optimizers.AdamW):
        fail(call, "optimizer", "keras.optimizers.Adam", type(model.optimizer).__name__, COMPILE)
    plain = keras.optimizers.Adam(learning_rate=0.01).get_config()
    changed = {key: value for key, value in model.optimizer.get_config().items()
               if key not in ("name", "learning_rate") and value != plain.get(key)}
    if changed:
        fail(call, "optimizer's settings", "Adam(learning_rate=0.01)'s own: nothing else changed",
             ", ".join(f"{key}={value!r}" for key, value in sorted(changed.items())), COMPILE)
    check_close(as_float(model.optimizer.learning_rate), 0.01, call=call, what="learning rate", rel=1e-5,
                misconception=f"optimizer='adam' means learning_rate=0.001: {COMPILE}")

    labels = np.array([0, 2, 1, 2], "int64")
    rows = [[2.0, -1.0, 0.5], [0.5, 0.25, 3.0], [-2.0, 4.0, 1.0], [1.0, 1.0, -3.0]]
    logits = np.array(rows, "float32")
    shifted = logits - logits.max(axis=1, keepdims=True)
    cross_entropy = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(4), labels]))
    check_close(as_float(model.compute_loss(y=labels, y_pred=logits)), cross_entropy, rel=1e-4,
                call=f"{call}: the compiled loss of logits {rows} for labels {labels.tolist()}", what="loss",
                misconception="the last layer gives logits: SparseCategoricalCrossentropy(from_logits=True); "
                              "the string 'sparse_categorical_crossentropy' expects probabilities")

    x, y = blobs(n=40, n_features=n_features, n_classes=n_classes, seed=1)
    result = model.evaluate(x, y, return_dict=True, verbose=0)
    check_equal(sorted(result), ["accuracy", "loss"], call=f"{call}, then model.evaluate(..., return_dict=True)",
                what="reported names", misconception=f"metrics=['accuracy'] reports 'accuracy': {COMPILE}")
    accuracy = float(np.mean(np.argmax(keras.ops.convert_to_numpy(model(x)), axis=1) == y))
    check_close(float(result["accuracy"]), accuracy, call=f"{call}, then model.evaluate on 40 samples",
                what="accuracy", rel=1e-5, misconception=COMPILE)


FIT_N, FIT_EPOCHS, FIT_SPLIT = 200, 3, 0.25  # not 0.2 (the example) nor 0.5 (its own complement)
FIT_HELD_OUT = FIT_N - int(np.floor(FIT_N * (1 - FIT_SPLIT)))  # 50, the last samples


class RowsTrained(keras.layers.Layer):
    """Passes its input on unchanged, and counts the rows it sees while training (not while
    validating or predicting)."""

    def build(self, input_shape):
        self.rows = self.add_weight(shape=(), initializer="zeros", trainable=False, name="rows")

    def call(self, x, training=None):
        if training:
            self.rows.assign_add(keras.ops.cast(keras.ops.shape(x)[0], self.rows.dtype))
        return x


def test_fit_classifier_trains_as_compiled_and_validates_on_the_last_samples(kata, capsys):
    x, y = blobs(n=FIT_N)
    counter = RowsTrained()
    model = classifier(first=[counter])
    optimizer = model.optimizer
    call = f"fit_classifier(model, x, y ({FIT_N} samples), epochs={FIT_EPOCHS}, validation_split={FIT_SPLIT})"
    capsys.readouterr()
    history = kata.fit_classifier(model, x.copy(), y.copy(), epochs=FIT_EPOCHS, validation_split=FIT_SPLIT)
    printed = capsys.readouterr().out
    if not isinstance(history, keras.callbacks.History):
        fail(call, "result", "the History that fit returns", describe(history),
             f"{FIT}: the History itself; its .history dict is one attribute of it")
    check_equal(sorted(history.history), ["accuracy", "loss", "val_accuracy", "val_loss"], call=call,
                what="history keys", misconception=f"pass validation_split on to fit: {FIT}")
    losses = history.history["loss"]
    check_equal(len(losses), FIT_EPOCHS, call=call, what="epochs in history.history['loss']",
                misconception=f"one fit call with epochs=epochs: {FIT}")
    curves.record(losses, title=f"loss per epoch: fit_classifier(model, x, y, epochs={FIT_EPOCHS})")
    if printed:
        fail(call, "printed output", "nothing (verbose=0)", repr(printed[:60] + "..."), f"verbose=0 silences fit: {FIT}")
    if model.optimizer is not optimizer or not np.isclose(as_float(model.optimizer.learning_rate), 0.01):
        fail(call, "optimizer afterwards", "the one the model was compiled with (Adam, learning_rate=0.01)",
             ("another " if model.optimizer is not optimizer else "") + f"{type(model.optimizer).__name__} object, "
             f"learning_rate={as_float(model.optimizer.learning_rate):g}" +
             (" (the model was compiled again)" if model.optimizer is not optimizer else ""),
             f"the model comes compiled: fit it, do not compile it again. {FIT}")
    trained_on = FIT_N - FIT_HELD_OUT
    check_equal(round(as_float(counter.rows)), FIT_EPOCHS * trained_on, call=call,
                what="rows trained on in all (epochs x the samples not held back)",
                misconception=f"train on the first {trained_on} samples only, {FIT_EPOCHS} epochs once: the last "
                              f"{FIT_HELD_OUT} are held back for validation, not trained on too. {FIT}")
    held_out = evaluated_by_hand(model, x[-FIT_HELD_OUT:], y[-FIT_HELD_OUT:])
    for name in ("loss", "accuracy"):
        check_close(float(history.history[f"val_{name}"][-1]), float(held_out[name]), rel=1e-4, abs_=1e-5,
                    call=f"{call}: val_{name} of the last epoch", what=f"val_{name}",
                    misconception=f"measured on the last {FIT_HELD_OUT} samples (validation_split={FIT_SPLIT} of "
                                  f"{FIT_N}), the model's {name} there after training, with the loss it was "
                                  f"compiled with: {FIT}")
    if not losses[-1] < losses[0]:
        fail(call, "loss", "falling", f"{losses[0]:.3f} -> {losses[-1]:.3f}", f"fit the compiled model: {FIT}")


def evaluated_by_hand(model, x, y):
    """What ``model.evaluate`` reports for ``classifier()``, from its weights with NumPy (instantly;
    evaluate itself first traces a function): the mean cross-entropy of the logits, and the accuracy."""
    kernel, bias, kernel_out, bias_out = (np.asarray(keras.ops.convert_to_numpy(w), "float64")
                                          for w in model.trainable_weights)
    logits = np.maximum(x @ kernel + bias, 0) @ kernel_out + bias_out
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return {"loss": float(-log_softmax[np.arange(len(y)), y].mean()), "accuracy": float((logits.argmax(axis=1) == y).mean())}


def test_evaluate_classifier_gives_evaluates_loss_and_accuracy_as_floats(kata):
    model = classifier()
    rng = np.random.default_rng(4)  # the same weights on every backend: a loss above 1, an accuracy in (0, 1)
    model.set_weights([rng.normal(0, 0.5, tuple(w.shape)).astype("float32") for w in model.weights])
    x, y = blobs(n=90, seed=1)
    expected = evaluated_by_hand(model, x, y)  # model.evaluate's numbers, before the learner's code runs
    assert 0 < expected["accuracy"] < 1 and expected["loss"] > 1, expected  # tells a percentage and a swap apart
    call = "evaluate_classifier(untrained model, x, y (90 samples))"
    got = kata.evaluate_classifier(model, x, y)
    if not isinstance(got, dict):
        fail(call, "result", "a dict {'loss': ..., 'accuracy': ...}", describe(got), EVALUATE)
    check_equal(sorted(got), ["accuracy", "loss"], call=call, what="keys",
                misconception=f"{EVALUATE}; model.metrics_names is ['loss', 'compile_metrics'] in Keras 3")
    for name in ("loss", "accuracy"):
        check_close(got[name], float(expected[name]), call=call, what=name, rel=1e-5,
                    misconception=f"{EVALUATE}: Python floats, the accuracy a fraction; a list's order is easy to mix up")
