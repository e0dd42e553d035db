"""Tests of kata keras/regression: keras.Input then one linear Dense(1); compile and fit exactly as
stated, step for step against Keras run by hand on tiny data; one real training run on the quest's
data; predict_score's Python float for any hours and any one-in, one-out model."""

from functools import cache

import keras
import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support import curves
from katas._support.checks import (built_the_keras_3_way, check_close, check_equal, check_values, describe,
                                   error_line, fail)
from katas._support.data import HOURS, SCORES

LAYOUT = "keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)]): a straight line w * hours + b"
COMPILE = "model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss='mse')"
FIT = "return model.fit(hours, scores, epochs=epochs, batch_size=1, verbose=0)"
PREDICT = "float(model.predict(np.array([[hours]]), verbose=0)[0, 0]): Keras wants a NumPy batch of one, shape (1, 1)"


def line(kernel, bias):
    """A fixed model score = kernel * hours + bias, built by the test."""
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.set_weights([np.array([[kernel]], "float32"), np.array([bias], "float32")])
    return model


def test_build_regressor_is_keras_input_then_one_straight_line(kata):
    call = "build_regressor()"
    model = built_the_keras_3_way(kata.build_regressor, call, LAYOUT)
    check_equal([tuple(t.shape) for t in model.inputs], [(None, 1)], call=call, what="input shapes",
                misconception="one number per sample: keras.Input(shape=(1,)); the batch side is not part of it")
    check_equal(tuple(model.outputs[0].shape), (None, 1), call=call, what="output shape", misconception=LAYOUT)
    check_equal([tuple(w.shape) for w in model.weights], [(1, 1), (1,)], call=call,
                what="weight shapes (kernel, bias)",
                misconception="exactly one Dense(1), with its bias (use_bias=True, the default): two numbers, w and b")
    model.set_weights([np.array([[-2.0]], "float32"), np.array([-3.0], "float32")])
    hours = np.array([[1.0], [4.0]], "float32")
    check_values(keras.ops.convert_to_numpy(model(hours)), np.array([[-5.0], [-11.0]], "float32"),
                 call=f"{call} with kernel -2 and bias -3, on hours [[1.0], [4.0]]",
                 misconception="no activation on the Dense(1): a regression's output is any number, "
                               "a relu would clip the negative ones to 0")


# Identical samples: whether fit shuffles or not, every step sees the same numbers.
TINY_HOURS, TINY_SCORES, TINY_EPOCHS = np.full(3, 2.0), np.full(3, 50.0), 2
TINY_CALL = (f"train_regressor(model with kernel 0.5 and bias 1.0 (compiled before with SGD and 'mae'), "
             f"hours {TINY_HOURS.tolist()}, scores {TINY_SCORES.tolist()}, epochs={TINY_EPOCHS})")


@cache
def tiny_reference():
    """Keras run by hand as the docstring says: (kernel, bias) after training, and the epochs' losses."""
    model = line(0.5, 1.0)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss="mse")
    history = model.fit(TINY_HOURS.reshape(-1, 1), TINY_SCORES, epochs=TINY_EPOCHS, batch_size=1, shuffle=False,
                        verbose=0)
    return [w.copy() for w in model.get_weights()], history.history["loss"]


def epoch_losses(history, epochs, *, call, misconception):
    """history.history['loss'], once ``history`` is shown to be fit's History with one loss per epoch."""
    __tracebackhide__ = True
    if not isinstance(history, keras.callbacks.History):
        fail(call, "result", "the History that fit returns", describe(history),
             "return model.fit(...) itself; its .history dict is one attribute of it")
    losses = history.history.get("loss", [])
    check_equal(len(losses), epochs, call=call, what="number of epochs in history.history['loss']",
                misconception=misconception)
    return losses


def test_train_regressor_compiles_and_fits_as_stated(kata, capsys):
    model = line(0.5, 1.0)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0), loss="mae")  # train_regressor compiles anew
    capsys.readouterr()
    history = kata.train_regressor(model, TINY_HOURS.copy(), TINY_SCORES.copy(), epochs=TINY_EPOCHS)
    printed = capsys.readouterr().out
    call = TINY_CALL
    losses = epoch_losses(history, TINY_EPOCHS, call=call,
                          misconception="fit(..., epochs=epochs): the argument, not a number of your own")
    if printed:
        fail(call, "printed output", "nothing (verbose=0)", repr(printed[:60] + "..."), f"{FIT}: verbose=0 silences fit")
    recompile = f"{COMPILE} every time, even when the model comes compiled with something else"
    if not isinstance(model.optimizer, keras.optimizers.Adam):
        fail(call, "optimizer", "keras.optimizers.Adam", type(model.optimizer).__name__, recompile)
    check_close(float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)), 1.0, call=call,
                what="learning rate", misconception=f"{COMPILE}: optimizer='adam' would mean learning_rate=0.001")
    zeros, predictions = np.zeros((2, 1), "float32"), np.array([[1.0], [3.0]], "float32")
    loss = float(keras.ops.convert_to_numpy(model.compute_loss(y=zeros, y_pred=predictions)))
    check_close(loss, 5.0, call=f"{call}, then the compiled loss of predictions [[1], [3]] for targets [[0], [0]]",
                what="loss", misconception=f"the mean squared error ((1 + 9) / 2 = 5), not the absolute one: {COMPILE}")
    steps = int(keras.ops.convert_to_numpy(model.optimizer.iterations))
    check_equal(steps, TINY_EPOCHS * len(TINY_HOURS), call=call, what="optimizer steps (epochs * samples)",
                misconception=f"batch_size=1: one step per sample; fit's default batch is 32 samples. {FIT}")
    weights, reference_losses = tiny_reference()
    check_values(np.array([float(np.ravel(w)[0]) for w in model.get_weights()]),
                 np.array([float(np.ravel(w)[0]) for w in weights]), call=f"{call}: (kernel, bias) afterwards",
                 rtol=1e-5, atol=1e-5, misconception=f"hours are the inputs (x) and scores the targets (y), as given: {FIT}")
    check_values(np.array(losses), np.array(reference_losses), call=f"{call}: history.history['loss']", rtol=1e-5,
                 atol=1e-5, misconception=FIT)


def test_trained_on_the_quest_data_it_predicts_a_sensible_score_for_9_hours(kata):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    history = kata.train_regressor(model, HOURS.copy(), SCORES.copy(), epochs=25)
    call = f"train_regressor(model, hours {HOURS.tolist()}, scores {SCORES.tolist()}, epochs=25)"
    losses = epoch_losses(history, 25, call=call, misconception="return model.fit(..., epochs=epochs): fit's History")
    curves.record(losses, title="loss per epoch: train_regressor(model, hours, scores, epochs=25)",
                  target=losses[0] / 10, target_label="a tenth of the first")
    if not losses[-1] < losses[0] / 10:
        fail(call, "loss", "falling to a tenth of the first epoch's or less", f"{losses[0]:.1f} -> {losses[-1]:.1f}",
             f"{COMPILE}, then fit with batch_size=1")
    score = float(keras.ops.convert_to_numpy(model(np.array([[9.0]], "float32")))[0, 0])
    if not SCORES[-1] <= score <= 100:
        fail(f"{call}, then the model's score for 9 hours", "prediction", f"between {SCORES[-1]:g} (8 hours) and 100",
             f"{score:.1f}", "a straight line through the data gives about 90; 25 epochs of Adam(1.0) get to about 93")


def predicted(kata, model, hours, described):
    """kata.predict_score(model, hours); an error it raises is reported with the call and the fix."""
    call = f"predict_score({described}, {hours!r})"
    try:
        return kata.predict_score(model, hours), call
    except Exception as error:  # noqa: BLE001 - the learner's error, said with what was called
        fail(call, "behaviour", "a Python float", error_line(error), PREDICT)


@settings(max_examples=6)
@given(hours=st.floats(0, 12, width=32), kernel=st.floats(0.5, 8, width=32), bias=st.floats(-60, 60, width=32)
       .filter(lambda b: abs(b) > 1), hidden=st.booleans())
@example(hours=9.5, kernel=4.75, bias=47.0, hidden=False)  # 92.125: rounding or an int input shows
@example(hours=9.0, kernel=1.5, bias=-20.0, hidden=True)
def test_predict_score_is_the_models_output_as_a_float(kata, hours, kernel, bias, hidden):
    if hidden:
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(4, activation="relu"),
                                  keras.layers.Dense(1)])
        model.layers[-1].bias.assign(np.array([bias], "float32"))
        described = f"model = Dense(4, relu), Dense(1) with bias {bias:g}"
    else:
        model, described = line(kernel, bias), f"model = Dense(1) with kernel {kernel:g} and bias {bias:g}"
    expected = float(keras.ops.convert_to_numpy(model(np.array([[hours]], "float32")))[0, 0])
    got, call = predicted(kata, model, hours, described)
    if not isinstance(got, float):
        fail(call, "type", "a Python float", describe(got),
             f"{PREDICT}; predict's (1, 1) array, or its numpy.float32 item, is not a Python float: float(...)")
    check_close(got, expected, call=call, rel=1e-5, abs_=1e-5,
                misconception="the model's own output: keep the hours a float (no int dtype), the score unrounded, "
                              "and let the model compute it (a hand-made w * hours misses the bias and other layers)")
