"""Tests of kata deploy/saved_model: a SavedModel with a dynamic "serving_default" signature,
served by TensorFlow alone, in a process that cannot import the model's code.

Each function is checked on its own: the learner's SavedModel is read here with
``tf.saved_model.load`` (not with ``serve``), and ``serve`` reads SavedModels this file writes:
one with plain TensorFlow (no Keras, other names, a second signature), and one Keras export of a
model with a custom layer, served in a fresh Python process that cannot import that layer (the
fresh process starts only for a ``serve`` that passed here first: it costs seconds).
"""

import pytest

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, describe, error_line, fail
from katas._support.fresh import FreshProcessError, call_in_fresh_process, throwaway_module
from katas._support.strategies import arrays

EXPORT = ('model.export(path, format="tf_saved_model"): a folder with a "serving_default" signature, '
          "batch dimension None, run with training=False")
SERVE = ('tf.saved_model.load(path).signatures["serving_default"], called with x as a float32 tensor; '
         "return the only value of the dict it returns, as a NumPy array")

# The model's code: a custom layer, defined in a module no other process can import.
MODEL_CODE = throwaway_module('''
import keras


class ScaledTanh(keras.layers.Layer):
    """tanh(x) * scale, with a learned scale per feature."""

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="random_normal", name="scale")

    def call(self, x):
        return keras.ops.tanh(x) * (1.0 + self.scale)
''')


def model_with_custom_layer(features, hidden, outputs, seed):
    """Dense, the custom layer, Dropout(0.5) (so training mode changes the output), Dense."""
    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input(shape=(features,)), keras.layers.Dense(hidden),
                             MODEL_CODE.ScaledTanh(), keras.layers.Dropout(0.5), keras.layers.Dense(outputs)])


def predictions(model, x):
    return keras.ops.convert_to_numpy(model(x, training=False))


def inputs(features, batches, seed):
    rng = np.random.default_rng(seed)
    return [rng.normal(0, 2, (batch, features)).astype("float32") for batch in batches]


def exported(kata, model, path, call):
    """export_serving(model, path) (path: a Path or a str), then the folder loaded by TensorFlow, or a message."""
    kata.export_serving(model, path)
    path = Path(path)
    if not tf.saved_model.contains_saved_model(str(path)):
        found = sorted(p.name for p in path.iterdir()) if path.is_dir() else ("a file" if path.exists() else "nothing")
        fail(call, "result", f"a SavedModel folder at {str(path)!r} (saved_model.pb, variables/)",
             f"{found} there", f"{EXPORT}; model.save writes a .keras (or .h5) file, which needs the model's code")
    return tf.saved_model.load(str(path))


def serving_signature(loaded, features, call):
    """The "serving_default" signature and its input's name, after checking its input spec."""
    names = sorted(loaded.signatures.keys())
    if "serving_default" not in names:
        fail(call, "signatures", "a signature named 'serving_default' (the one TF Serving calls)", names,
             f"{EXPORT}; signatures={{'predict': ...}} or an endpoint under another name is not found by a server")
    signature = loaded.signatures["serving_default"]
    specs = signature.structured_input_signature[1]
    if len(specs) != 1 or tf.nest.flatten(signature.structured_input_signature[0]):
        fail(call, "serving_default inputs", "one tensor", signature.structured_input_signature, EXPORT)
    (name, spec), = specs.items()
    check_equal(spec.dtype.name, "float32", call=call, what="dtype of the serving_default input", misconception=EXPORT)
    check_equal(spec.shape.as_list(), [None, features], call=call, what="shape of the serving_default input",
                misconception=f"{EXPORT}: a fixed batch size (an input_signature built from one example) declares "
                "that batch size only")
    return signature, name


@st.composite
def models(draw):
    """Sides of the model, a seed, and batch sizes to serve."""
    features, hidden, outputs = (draw(st.integers(1, 6), label=label) for label in ("features", "hidden", "outputs"))
    seed = draw(st.integers(0, 2**16), label="seed")
    batches = draw(st.lists(st.integers(1, 64), min_size=1, max_size=2), label="batches")
    return features, hidden, outputs, seed, batches, draw(st.booleans(), label="path as a str")


@settings(max_examples=1, deadline=None)
@given(case=models())
@example(case=(4, 8, 3, 0, [1, 300], False))  # batch 1 and a large batch: one SavedModel serves both
@example(case=(1, 2, 1, 7, [5], True))  # one feature, one output, the path as a str
def test_export_writes_a_dynamic_serving_signature_in_inference_mode(kata, tmp_path_factory, case):
    features, hidden, outputs, seed, batches, as_str = case
    model = model_with_custom_layer(features, hidden, outputs, seed)
    path = tmp_path_factory.mktemp("export") / "served"
    path = str(path) if as_str else path
    call = (f"export_serving(model ({features} features -> {outputs} outputs, a custom layer, Dropout), "
            f"{path!r})")
    loaded = exported(kata, model, path, call)
    signature, name = serving_signature(loaded, features, call)
    for x in inputs(features, batches, seed):
        run = f"{call}, then its serving_default signature on {describe(x)}"
        try:
            out = signature(**{name: tf.constant(x)})
        except (TypeError, ValueError, tf.errors.OpError) as error:
            fail(run, "behaviour", "the predictions", error_line(error),
                 EXPORT)
        if not isinstance(out, dict) or len(out) != 1:
            fail(run, "outputs", "a dict with one output (what a signature returns)", describe(out), EXPORT)
        (got,) = out.values()
        check_equal(got.dtype.name, "float32", call=run, what="dtype of the serving_default output",
                    misconception=f"{EXPORT}: return the model's float32 output as it is (no cast)")
        check_values(got.numpy(), predictions(model, x), call=run, rtol=1e-6, atol=1e-6,
                     misconception=f"{EXPORT}: a signature traced with training=True keeps Dropout on; "
                     "a squeezed output loses the batch or the outputs dimension")


class Affine(tf.Module):
    """A model written with plain TensorFlow: no Keras, its own names, two signatures."""

    def __init__(self, features, outputs, seed):
        rng = np.random.default_rng(seed)
        self.w = tf.Variable(rng.normal(0, 1, (features, outputs)).astype("float32"))
        self.b = tf.Variable(rng.normal(0, 1, (outputs,)).astype("float32"))
        spec = tf.TensorSpec([None, features], tf.float32, name="features")
        self.scores = tf.function(lambda features: {"scores": tf.tanh(features @ self.w) + self.b},
                                  input_signature=[spec])
        self.doubled = tf.function(lambda features: {"scores": 2 * (tf.tanh(features @ self.w) + self.b)},
                                   input_signature=[spec])


_written: dict[int, tuple] = {}


def written_by_tensorflow(tmp_path_factory, features):
    """A SavedModel whose serving_default takes 'features' and returns {'scores': ...}, beside a
    signature 'doubled' (listed before it) and no 'serve' endpoint; written once per width."""
    if features not in _written:
        module = Affine(features, 3, seed=features)
        path = tmp_path_factory.mktemp("by_tf") / "served"
        tf.saved_model.save(module, str(path), signatures={"doubled": module.doubled,  # listed first
                                                           "serving_default": module.scores})
        _written[features] = (path, module)
    return _written[features]


@settings(max_examples=3, deadline=None)
@given(features=st.integers(1, 6), batch=st.integers(1, 40), seed=st.integers(0, 2**16))
@example(features=4, batch=1, seed=0)  # batch 1: squeezing it away changes the shape
@example(features=2, batch=300, seed=1)
def test_serve_runs_the_serving_default_of_any_saved_model(kata, tmp_path_factory, features, batch, seed):
    path, module = written_by_tensorflow(tmp_path_factory, features)
    (x,) = inputs(features, [batch], seed)
    call = (f"serve(Path({str(path)!r}), {describe(x)}), a SavedModel written by tf.saved_model.save (input "
            "'features', output 'scores', signatures 'doubled' and 'serving_default', no Keras)")
    got = served(kata, path, x, call)
    expected = module.scores(tf.constant(x))["scores"].numpy()
    check_served(got, expected, call, "signatures['serving_default'], not the first signature listed")


def served(kata, path, x, call):
    """kata.serve(path, x), or a message naming the error it raised."""
    try:
        return kata.serve(path, x)
    except (AttributeError, KeyError, TypeError, ValueError, OSError, tf.errors.OpError) as error:
        fail(call, "behaviour", "the predictions", error_line(error),
             f"{SERVE}; keras' load_model reads .keras files only, loaded.serve exists only where Keras exported "
             "it, and the input and output names are the writer's")


def check_served(got, expected, call, which):
    """got: a float32 np.ndarray of expected's shape and values; type, then dtype, shape, values."""
    if not isinstance(got, np.ndarray):
        fail(call, "type", "a NumPy array (np.ndarray)", describe(got) if hasattr(got, "shape") else type(got).__name__,
             f"{SERVE}: a signature returns a dict of tensors; take its value and call .numpy()")
    check_equal(got.dtype.name, "float32", call=call, what="dtype", misconception="return the signature's float32 "
                "output as it is")
    check_equal(got.shape, expected.shape, call=call, what="shape", misconception="return the output as it is, "
                "(batch, outputs), even for a batch of 1 (no squeeze)")
    check_values(got, expected, call=call, rtol=1e-6, atol=1e-6, misconception=f"{SERVE}; call {which}")


@pytest.fixture(scope="module")
def exported_by_keras(tmp_path_factory):
    """A model with the custom layer, written by model.export (as the reference does): the folder, the
    model. Written here, once, so that only serve is under test below."""
    model = model_with_custom_layer(5, 8, 3, seed=11)
    path = tmp_path_factory.mktemp("by_keras") / "served"
    model.export(str(path), format="tf_saved_model", verbose=False)
    return str(path), model  # a str this time (the other serve test passes a Path)


def test_served_in_a_fresh_process_without_the_model_code(kata, exported_by_keras, tmp_path_factory):
    # Checked here first (cheap), so that a wrong answer fails without starting a Python process:
    # the plain TensorFlow SavedModel at batch 1 (as in the test above), then the Keras export.
    by_tf, module = written_by_tensorflow(tmp_path_factory, 4)
    (one,) = inputs(4, [1], seed=3)
    check_served(served(kata, by_tf, one, call := f"serve(Path({str(by_tf)!r}), {describe(one)}), the SavedModel "
                        "written by tf.saved_model.save above"), module.scores(tf.constant(one))["scores"].numpy(),
                 call, "signatures['serving_default'], not the first signature listed")
    path, model = exported_by_keras
    (x,) = inputs(5, [6], seed=11)
    expected = predictions(model, x)
    here = (f"serve({path!r}, {describe(x)}), a SavedModel written by model.export(path, "
            'format="tf_saved_model") from a model with a custom layer and Dropout')
    check_served(served(kata, path, x, here), expected, here, "the serving_default signature")
    fresh = f"{here}, in a fresh Python process that cannot import the model's custom layer"
    try:
        got, _ = call_in_fresh_process(kata, "serve", path, x, preload=("tensorflow",))
    except FreshProcessError as error:
        fail(fresh, "behaviour", "the predictions", str(error), f"{SERVE}: a SavedModel needs no Python class "
             f"of the model, a .keras file does ({MODEL_CODE.__name__} is not importable there)")
    check_served(got, expected, fresh, "the serving_default signature")
