"""Tests of kata keras/custom_loop: a GradientTape loop that matches fit weight for weight.

The oracle is ``model.fit(..., shuffle=False)`` itself, on a twin of the learner's model (same
start weights). Each case is fitted once per session and kept: it does not depend on the
learner's code, and fitting is most of the cost. The model holds a BatchNormalization layer
(``training=True`` matters, and its moving statistics are compared too); one loss is a pinball
loss, where ``loss_fn(yb, prediction)`` and ``loss_fn(prediction, yb)`` differ.
"""

import keras
import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, describe, fail, forbidden
from katas._support.strategies import arrays

LOOP = ("for each batch in order: with tf.GradientTape() as tape: loss = loss_fn(yb, model(xb, training=True)); "
        "then optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), "
        "model.trainable_variables)), with the model and optimizer you were given")


def pinball(y_true, y_pred):
    """Pinball (quantile 0.8) loss: over-predicting costs 0.2 per unit, under-predicting 0.8."""
    error = y_true - y_pred
    return keras.ops.mean(keras.ops.maximum(0.8 * error, -0.2 * error))


LOSSES = {"MeanSquaredError()": keras.losses.MeanSquaredError, "pinball(q=0.8)": lambda: pinball}
OPTIMIZERS = {"SGD(0.1)": lambda: keras.optimizers.SGD(0.1),
              "SGD(0.05, momentum=0.9)": lambda: keras.optimizers.SGD(0.05, momentum=0.9)}


def model_from(seed, n_out=2):
    """3 -> Dense(4) -> BatchNormalization -> tanh -> Dense(n_out), start weights from the seed."""
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, name="dense_in"),
                              keras.layers.BatchNormalization(name="batch_norm"), keras.layers.Activation("tanh"),
                              keras.layers.Dense(n_out, name="dense_out")])
    rng = np.random.default_rng(seed)
    model.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32") if v.path.endswith(("gamma", "variance"))
                       else rng.uniform(-1, 1, w.shape).astype("float32") for v, w in zip(model.weights, model.get_weights())])
    return model


_FITTED: dict = {}


def fitted(x, y, batch_size, epochs, seed, loss, optimizer):
    """fit's weights afterwards (name, array) and its history["loss"], computed once per case."""
    key = (x.tobytes(), y.tobytes(), x.shape, y.shape, batch_size, epochs, seed, loss, optimizer)
    if key not in _FITTED:
        model = model_from(seed, outputs(y))
        model.compile(optimizer=OPTIMIZERS[optimizer](), loss=LOSSES[loss]())
        history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0)
        _FITTED[key] = [(v.path.split("/", 1)[-1], v.numpy()) for v in model.weights], history.history["loss"]
    return _FITTED[key]


@st.composite
def problems(draw):
    n, batch_size = draw(st.integers(2, 12), label="samples"), draw(st.integers(1, 5), label="batch size")
    x = draw(arrays("float32", (n, 3), bound=2), label="x")
    y = draw(arrays("float32", (n, 2), bound=2), label="y")
    return (x, y, batch_size, draw(st.integers(1, 2), label="epochs"), draw(st.integers(0, 2**16), label="seed"),
            draw(st.sampled_from(sorted(LOSSES)), label="loss"), draw(st.sampled_from(sorted(OPTIMIZERS)), label="optimizer"))


def pinned(n, batch_size, epochs, seed, loss, optimizer, y_shape=(2,)):
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(-2, 2, (n, 3)).astype("float32"), rng.uniform(-2, 2, (n, *y_shape)).astype("float32")
    return x, y, batch_size, epochs, seed, loss, optimizer


def outputs(y):
    """The model's outputs for targets y: one per column, one for a 1-D y."""
    return 1 if y.ndim == 1 else y.shape[1]


@settings(max_examples=2)
@given(problem=problems())
# 7 samples in batches of 3, 3, 1: a short last batch; pinball loss (argument order matters); two epochs
@example(problem=pinned(7, 3, 2, seed=1, loss="pinball(q=0.8)", optimizer="SGD(0.1)"))
# an optimizer with a state of its own (momentum), three batches of 2
@example(problem=pinned(6, 2, 1, seed=2, loss="MeanSquaredError()", optimizer="SGD(0.05, momentum=0.9)"))
# a 1-D y (5,) for a one-output model, as fit takes it: left as it is
@example(problem=pinned(5, 2, 1, seed=3, loss="MeanSquaredError()", optimizer="SGD(0.1)", y_shape=()))
def test_tape_loop_matches_fit(kata, problem):
    x, y, batch_size, epochs, seed, loss, optimizer = problem
    want_weights, want_losses = fitted(x, y, batch_size, epochs, seed, loss, optimizer)
    model, x_given, y_given = model_from(seed, outputs(y)), x.copy(), y.copy()
    start = {v.path.split("/", 1)[-1]: v.numpy() for v in model.weights}
    call = (f"train_with_tape(model, {optimizer}, {loss}, x {x.shape}, y {y.shape}, epochs={epochs}, "
            f"batch_size={batch_size})")
    given = OPTIMIZERS[optimizer]()
    with forbidden((keras.Model, "fit"), (keras.Model, "train_on_batch"), (keras.Model, "train_step"), call=call,
                   rule="write the loop that fit hides, by hand: " + LOOP):
        losses = kata.train_with_tape(model, given, LOSSES[loss](), x_given, y_given, epochs, batch_size)

    if not isinstance(losses, list):
        fail(call, "type", "a list of Python floats, one per epoch", describe(losses), "return a list: losses.append(...)")
    check_equal(len(losses), epochs, call=call, what="number of epoch losses",
                misconception="one loss per epoch: for epoch in range(epochs), append once after its last batch")
    for epoch, value in enumerate(losses):
        if not isinstance(value, float):
            fail(call, f"type of epoch {epoch}'s loss", "a Python float", describe(value),
                 "convert each batch loss with float(loss) before summing")
    for name, afterwards, original in (("x", x_given, x), ("y", y_given, y)):
        check_values(afterwards, original, call=f"{call}: {name} afterwards", misconception="leave x and y as they "
                     "were: fit(shuffle=False) neither shuffles nor changes them")

    got_weights = model.get_weights()
    if all(np.array_equal(got, start[name]) for (name, _), got in zip(want_weights, got_weights)):
        fail(call, "weights afterwards", "the model you were given, trained as fit trains it",
             "every weight of that model as it was before the call", "train the model you were given, in place "
             "(not a copy), with the optimizer you were given: " + LOOP)
    steps = epochs * -(-len(x) // batch_size)
    check_equal(int(given.iterations.numpy()), steps, call=call, what="optimizer.iterations afterwards (its steps)",
                misconception=f"one apply_gradients of the optimizer you were given per batch ({steps} batches in "
                "all), not of a copy or of one rebuilt from its config: the given optimizer keeps its state")
    for (name, want), got in zip(want_weights, got_weights):
        if "moving" in name and np.array_equal(got, start[name]):
            fail(call, f"{name} afterwards", f"updated by training, as fit did: {want}", f"unchanged: {got}",
                 "call model(xb, training=True): only then does BatchNormalization use the batch's statistics "
                 "and update its moving ones")
    loop = LOOP + ("; loss_fn(yb, prediction), true values first: this loss is not symmetric" if "pinball" in loss else "")
    for (name, want), got in zip(want_weights, got_weights):
        check_values(got, want, call=f"{call}: {name} afterwards", rtol=1e-4, atol=1e-5, misconception=loop +
                     "; batches x[start:start + batch_size] in order, the short last one too, no shuffling")
    check_values(np.array(losses, "float64"), np.array(want_losses, "float64"), call=f"{call}: epoch losses",
                 rtol=1e-4, atol=1e-6, misconception="each epoch's loss is the mean over its samples of the losses "
                 "computed before each update: sum(float(loss) * len(xb)) / len(x), a short last batch weighing less")
