"""Tests of kata keras/checkpoint: a reloaded model predicts identically and keeps its optimizer state;
any path not ending in .keras is a clear ValueError, on save and on load; safe loading."""

import shutil

import keras
import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, describe, error_line, expect_error, fail
from katas._support.strategies import arrays, shapes

SAFE = "keras.saving.load_model(path, safe_mode=True) refuses files that carry Python code"
ROUND_TRIP = "model.save(path), then keras.saving.load_model(path, safe_mode=True): architecture, weights and optimizer"
EXTENSION = "if not str(path).endswith('.keras'): raise ValueError(f'{path}: ... must end in .keras'), before anything else"


@st.composite
def problems(draw):
    """The sides of a model with batch normalization and dropout, a seed, and inputs."""
    n, n_in, n_hidden, n_out = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6), label="(N, in, hidden, out)")
    return n_hidden, n_out, draw(st.integers(0, 2**16), label="seed"), draw(arrays("float32", (n, n_in), bound=3), label="x")


def prepared_model(n_hidden, n_out, seed, x):
    """A compiled model whose weights, moving statistics and optimizer state all moved away from
    their start: set by hand and one Adam step by hand (no fit, which would cost seconds)."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=x.shape[1:]), keras.layers.Dense(n_hidden),
                              keras.layers.BatchNormalization(), keras.layers.ReLU(), keras.layers.Dropout(0.3),
                              keras.layers.Dense(n_out)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    rng = np.random.default_rng(seed)
    norm = model.layers[1]
    norm.moving_mean.assign(rng.normal(0, 1, norm.moving_mean.shape).astype("float32"))
    norm.moving_variance.assign(rng.uniform(0.5, 2, norm.moving_variance.shape).astype("float32"))
    model.optimizer.build(model.trainable_variables)
    gradients = [keras.ops.convert_to_tensor(rng.normal(0, 1, tuple(v.shape)).astype("float32"))
                 for v in model.trainable_variables]
    model.optimizer.apply(gradients, model.trainable_variables)
    return model


def numpy_of(variables):
    return [keras.ops.convert_to_numpy(v).copy() for v in variables]


@settings(max_examples=2, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(problem=problems())
@example(problem=(5, 3, 1, np.linspace(-2, 2, 12, dtype="float32").reshape(3, 4)))
def test_reload_predicts_identically_and_keeps_the_optimizer_state(kata, tmp_path, problem):
    model, x = prepared_model(*problem), problem[-1]
    optimizer_state = numpy_of(model.optimizer.variables)  # as it was before save_model
    path = tmp_path / "model.keras"
    call = f"save_model(model with BatchNormalization and Dropout, Path({str(path)!r})), then load_model({str(path)!r})"
    kata.save_model(model, path)  # a pathlib.Path here, a str below: the docstring allows both
    try:
        reloaded = kata.load_model(str(path))
    except Exception as error:  # noqa: BLE001 - the learner's error, said with what was called
        fail(call, "behaviour", "the model back", error_line(error), ROUND_TRIP)
    if not isinstance(reloaded, keras.Model):
        fail(call, "result", "a keras.Model", describe(reloaded), ROUND_TRIP)
    check_values(keras.ops.convert_to_numpy(reloaded(x, training=False)),
                 keras.ops.convert_to_numpy(model(x, training=False)), call=f"{call}: predictions", rtol=0, atol=0,
                 misconception=f"{ROUND_TRIP}: the weights and moving statistics come back too")
    check_equal(reloaded.compiled, True, call=call, what="reloaded.compiled",
                misconception=f"{ROUND_TRIP}; compile=False would drop the optimizer")
    optimizer = getattr(reloaded, "optimizer", None)
    if type(optimizer) is not type(model.optimizer) or len(optimizer.variables) != len(optimizer_state):
        fail(call, "optimizer", f"Adam with {len(optimizer_state)} variables (step count, moments)",
             describe(optimizer) if optimizer is None else f"{type(optimizer).__name__} with {len(optimizer.variables)} variables",
             f"{ROUND_TRIP}; save the model as it is, without compiling it again")
    for variable, got, expected in zip(optimizer.variables, numpy_of(optimizer.variables), optimizer_state):
        check_values(got, expected, call=f"{call}: optimizer variable {variable.path!r}", rtol=0, atol=0,
                     misconception=f"{ROUND_TRIP}: the optimizer state travels in the file; save the model as it is, "
                                   "without compiling it again (that starts a fresh optimizer)")


def a_file_at(path, tmp_path):
    """A real model file at ``path``: a legacy HDF5 file for .h5 names, a valid .keras zip otherwise."""
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    if str(path).endswith(".h5"):
        model.save(path)  # Keras 3 still writes and reads the legacy format
    else:
        model.save(tmp_path / "real.keras")
        shutil.copy(tmp_path / "real.keras", path)


@pytest.mark.parametrize("name", ["model.h5", "model.keras.h5", "model.pt", "model", "model.keras.bak"])
def test_any_other_extension_is_a_clear_error(kata, tmp_path, name):
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    path = tmp_path / name
    for given in (path, str(path)):  # the docstring allows both
        spelled = f"Path({str(path)!r})" if given is path else repr(str(path))
        with expect_error(ValueError, call=f"save_model(model, {spelled})", mentioning=(str(path), ".keras"),
                          misconception=f"{EXTENSION}; name the whole path, as given (a str or a pathlib.Path)"):
            kata.save_model(model, given)
    a_file_at(path, tmp_path)
    with expect_error(ValueError, call=f"load_model({str(path)!r}), where a model file exists",
                      mentioning=(str(path), ".keras"), misconception=f"{EXTENSION}: Keras itself would read a .h5"):
        kata.load_model(str(path))


def test_a_file_carrying_code_is_refused_and_nothing_runs(kata, tmp_path):
    marker = tmp_path / "code-from-the-file-ran"
    code = keras.layers.Lambda(lambda x, m=str(marker): (__import__("pathlib").Path(m).touch(), x)[1])
    keras.Sequential([keras.Input(shape=(2,)), code]).save(tmp_path / "evil.keras")
    marker.unlink(missing_ok=True)  # building the model above ran the lambda once, here
    call = "load_model('evil.keras'), a file with a Lambda layer"
    with expect_error(ValueError, call=call, mentioning=(("lambda", "Lambda"),), misconception=SAFE):
        kata.load_model(tmp_path / "evil.keras")
    if marker.exists():
        fail(call, "result", "refused before running any code", "the file's code ran", SAFE)


def test_load_checks_the_extension_before_looking_for_the_file(kata, tmp_path):
    missing = tmp_path / "missing.h5"
    with expect_error(ValueError, call=f"load_model({str(missing)!r}), a path where no file exists",
                      mentioning=(str(missing), ".keras"), misconception=EXTENSION):
        kata.load_model(str(missing))
