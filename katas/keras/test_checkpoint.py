"""Tests of kata keras/checkpoint: the named Keras reload-equality check, the .keras extension, safe loading."""

import keras
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, fail
from katas._support.strategies import arrays, shapes

SAFE = "keras.saving.load_model(path, safe_mode=True) refuses files that carry Python code"


@st.composite
def problems(draw):
    """The sides of a model with batch normalization and dropout, a seed, and inputs."""
    n, n_in, n_hidden, n_out = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6), label="(N, in, hidden, out)")
    return n_hidden, n_out, draw(st.integers(0, 2**16), label="seed"), draw(arrays("float32", (n, n_in), bound=3), label="x")


def trained_model(n_hidden, n_out, seed, x):
    """Trained one epoch, so its moving statistics moved."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=x.shape[1:]), keras.layers.Dense(n_hidden),
                              keras.layers.BatchNormalization(), keras.layers.ReLU(), keras.layers.Dropout(0.3),
                              keras.layers.Dense(n_out)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, np.ones((len(x), n_out), "float32"), epochs=1, verbose=0)
    return model


@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(problem=problems())
def test_reload_predicts_identically(kata, tmp_path, problem):
    model, x = trained_model(*problem), problem[-1]
    kata.save_model(model, tmp_path / "model.keras")
    reloaded = kata.load_model(tmp_path / "model.keras")
    call = "load_model(path) after save_model(model with BatchNormalization and Dropout, 'model.keras')"
    check_equal(isinstance(reloaded, keras.Model), True, call=call, what="result is a keras.Model")
    check_values(reloaded.predict(x, verbose=0), model.predict(x, verbose=0), call=f"{call}: predictions", rtol=0,
                 atol=0, misconception="model.save(path), then keras.saving.load_model(path): the weights come back too")


@pytest.mark.parametrize("name", ["model.h5", "model.pt", "model", "model.keras.bak"])
def test_any_other_extension_is_a_clear_error(kata, tmp_path, name):
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    for call, action in ((f"save_model(model, '{name}')", lambda: kata.save_model(model, tmp_path / name)),
                         (f"load_model('{name}')", lambda: kata.load_model(tmp_path / name))):
        try:
            action()
        except ValueError as error:
            if ".keras" not in str(error) or name not in str(error):
                fail(call, "error message", "one that names the path and says '.keras'", str(error),
                     "raise ValueError(f'{path}: ... must end in .keras')")
        else:
            fail(call, "result", "ValueError", "no error", "check str(path).endswith('.keras') first")


def test_a_file_carrying_code_is_refused_and_nothing_runs(kata, tmp_path):
    marker = tmp_path / "code-from-the-file-ran"
    code = keras.layers.Lambda(lambda x, m=str(marker): (__import__("pathlib").Path(m).touch(), x)[1])
    keras.Sequential([keras.Input(shape=(2,)), code]).save(tmp_path / "evil.keras")
    marker.unlink(missing_ok=True)  # building the model above ran the lambda once, here
    call = "load_model('evil.keras'), a file with a Lambda layer"
    try:
        kata.load_model(tmp_path / "evil.keras")
    except ValueError as error:
        if marker.exists():
            fail(call, "result", "refused before running any code", "the file's code ran", SAFE)
        check_equal("lambda" in str(error).lower(), True, call=call, what="error names the Lambda layer", misconception=SAFE)
    else:
        fail(call, "result", "ValueError (refused)", "the code ran" if marker.exists() else "loaded it", SAFE)
