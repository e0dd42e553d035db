"""Tests of kata keras/regression: Keras 3 input, compile and fit, and a sensible prediction for 9 hours."""

import warnings

import keras
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from katas._support.checks import check_close, check_equal, fail
from katas._support.data import HOURS, SCORES


def test_build_regressor_declares_its_input_the_keras_3_way(kata):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = kata.build_regressor()
    deprecated = [str(w.message) for w in caught if "input_shape" in str(w.message)]
    check_equal(deprecated, [], call="build_regressor()", what="deprecation warnings",
                misconception="keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])")
    check_equal([tuple(t.shape) for t in model.inputs], [(None, 1)], call="build_regressor()", what="input shapes")
    check_equal(tuple(model.outputs[0].shape), (None, 1), call="build_regressor()", what="output shape")


@settings(max_examples=5)
@given(hours=st.floats(0, 12, width=32))
def test_predict_score_is_the_models_output_as_a_float(kata, hours):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    expected = float(keras.ops.convert_to_numpy(model(np.array([[hours]], dtype="float32")))[0, 0])
    check_close(kata.predict_score(model, hours), expected, call=f"predict_score(model, {hours})", rel=1e-5,
                misconception="model.predict(np.array([[hours]]), verbose=0) is a (1, 1) array: return float(...[0, 0])")


def test_trained_on_the_quest_data_it_predicts_a_sensible_score_for_9_hours(kata):
    keras.utils.set_random_seed(0)
    model = kata.build_regressor()
    history = kata.train_regressor(model, HOURS, SCORES, epochs=25)
    call = f"train_regressor(build_regressor(), hours {HOURS.tolist()}, scores {SCORES.tolist()}, epochs=25)"
    losses = history.history.get("loss", [])
    check_equal(len(losses), 25, call=call, what="number of epochs in history.history['loss']",
                misconception="return model.fit(..., epochs=epochs): fit's History")
    if not losses[-1] < losses[0] / 10:
        fail(call, "loss", "falling to a tenth of the first epoch's or less", f"{losses[0]:.1f} -> {losses[-1]:.1f}",
             "compile(optimizer=keras.optimizers.Adam(learning_rate=1.0), loss='mse'), fit with batch_size=1")
    score = kata.predict_score(model, 9.0)
    if not SCORES[-1] <= score <= 100:
        fail("predict_score(trained model, 9.0)", "prediction", f"between {SCORES[-1]:g} (8 hours) and 100",
             f"{score:.1f}", "train first; a straight line through the data gives about 90")
