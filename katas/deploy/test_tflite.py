"""Tests of kata deploy/tflite: the flatbuffer predicts like Keras; quantized, it is int8 and smaller;
the predictions come from the flatbuffer, at any batch size; the caller's model and x are left alone.

The learner's flatbuffers are judged by the test's own interpreter (LiteRT's builtin kernels, no
XNNPACK delegate), never by the learner's ``tflite_predict``; ``tflite_predict``'s values are
compared with both an interpreter as ``Interpreter(model_content=...)`` makes it (XNNPACK, what a
learner gets) and the builtin kernels, and either is the interpreter's (on a dynamic-range
quantized flatbuffer the builtin kernels' output for a row can depend on the other rows of the
batch, 5e-4 apart in a stress run, where XNNPACK's does not); and ``tflite_predict`` runs on
flatbuffers the test converted itself, of models the learner's code never sees, so only the
interpreter can answer. The models hold a Dropout layer (training mode would change the outputs)
and hidden layers of 128 and 64 units, large enough for dynamic-range quantization to store them
as int8 (it leaves weight tensors under 1024 elements in float32).
"""

import functools

import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter, OpResolverType
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, describe, error_line, fail
from katas._support.strategies import arrays

CONVERT = ("converter = tf.lite.TFLiteConverter.from_keras_model(model); return converter.convert() "
           "(the bytes, as they come)")
QUANTIZE = ("converter.optimizations = [tf.lite.Optimize.DEFAULT] and nothing more: no representative_dataset "
            "(that makes the activations int8), no target_spec.supported_types = [tf.float16] (float16 weights)")
RESIZE = ("interpreter.resize_tensor_input(input index, x.shape), then interpreter.allocate_tensors(), "
          "then set_tensor / invoke / get_tensor")
VIEW = ("return a copy the caller owns (interpreter.get_tensor(index) copies); interpreter.tensor(index)() is a "
        "view of the interpreter's memory: while it lives, that interpreter refuses to allocate or invoke again "
        "(older runtimes overwrote it), so keep no interpreter from one call to the next if you return such a view")
X_BOUND = 2.0  # inputs in [-2, 2], as the docstring says


def build(n_in: int, n_out: int, seed: int) -> keras.Model:
    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(128, activation="relu"), keras.layers.Dropout(0.5),
                             keras.layers.Dense(64, activation="tanh"), keras.layers.Dense(n_out)])


def shown(n_in: int, n_out: int) -> str:
    return f"model (keras.Input(({n_in},)), Dense(128, relu), Dropout(0.5), Dense(64, tanh), Dense({n_out}))"


@functools.cache
def own_flatbuffer(n_in: int, n_out: int, seed: int, quantize: bool) -> bytes:
    """The test's own conversion (the reference answer's method), cached for the session."""
    converter = tf.lite.TFLiteConverter.from_keras_model(build(n_in, n_out, seed))
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


def interpreter(flat: bytes, call: str, delegates: bool = False) -> Interpreter:
    """LiteRT's builtin kernels; with ``delegates``, the interpreter a plain ``Interpreter(model_content=...)``
    gives (XNNPACK)."""
    resolver = OpResolverType.AUTO if delegates else OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES
    try:
        return Interpreter(model_content=flat, experimental_op_resolver_type=resolver)
    except (ValueError, RuntimeError) as error:
        fail(call, "flatbuffer", "bytes the LiteRT interpreter loads (Interpreter(model_content=...))",
             error_line(error, 160), CONVERT)


def run(flat: bytes, x: np.ndarray, call: str = "", delegates: bool = False) -> np.ndarray:
    """The oracle: ``flat`` run on ``x`` by the test's own interpreter."""
    it = interpreter(flat, call, delegates)
    source = it.get_input_details()[0]
    it.resize_tensor_input(source["index"], x.shape)
    it.allocate_tensors()
    it.set_tensor(source["index"], x)
    it.invoke()
    return it.get_tensor(it.get_output_details()[0]["index"])


def tensors(flat: bytes, call: str) -> tuple[dict, list, set]:
    """(tensor details by index, [input and output details], indices of the tensors operations compute)."""
    it = interpreter(flat, call)
    it.allocate_tensors()
    details = {t["index"]: t for t in it.get_tensor_details()}
    computed = {i for op in it._get_ops_details() for i in op["outputs"] if i >= 0}  # noqa: SLF001
    return details, it.get_input_details() + it.get_output_details(), computed


def check_bytes(got, call: str) -> None:
    check_equal(type(got), bytes, call=call, what="type of the result",
                misconception="return what converter.convert() returns, the bytes themselves: no path, no file "
                "written, no bytearray")
    if got[4:8] != b"TFL3":
        fail(call, "file identifier (bytes 4 to 8)", "b'TFL3', a TF Lite flatbuffer", repr(got[4:8]), CONVERT)


def check_unchanged(model: keras.Model, before: tuple[list, dict], call: str) -> None:
    weights, config = before
    after = model.get_weights()
    if len(after) != len(weights) or not all(np.array_equal(a, b) for a, b in zip(after, weights)):
        fail(call, "model after the call", "model's weights as they were", "weights changed",
             "convert the model as it is; quantization happens in the flatbuffer, never in the Keras model")
    now = model.get_config()
    if len(now["layers"]) != len(config["layers"]):
        fail(call, "model after the call", f"{len(config['layers'])} layers, as it was", f"{len(now['layers'])} layers",
             "leave the caller's model alone: convert it as it is, adding no layer and removing none")
    changed = [f"{a['config'].get('name')!r}" for a, b in zip(now["layers"], config["layers"]) if a != b]
    if changed:
        fail(call, "model after the call", "model.get_config() as it was (same layer settings)",
             f"settings of layer {', '.join(changed)} changed",
             "leave the caller's model alone: the converter already traces it in inference mode (Dropout off), "
             "so set no layer attribute (no Dropout.rate = 0, no trainable = False)")


def state(model: keras.Model) -> tuple[list, dict]:
    """What check_unchanged compares: the weights and the config."""
    return model.get_weights(), model.get_config()


def check_open_batch(ends: list, n_in: int, call: str) -> None:
    signature = [int(s) for s in ends[0]["shape_signature"]]
    if signature != [-1, n_in]:
        fail(call, "input's shape_signature", f"[-1, {n_in}] (any batch, as in the model)", str(signature),
             "leave the batch open: convert the Keras model (from_keras_model), or a tf.function whose "
             f"input_signature is tf.TensorSpec([None, {n_in}]), not a fixed batch of 1")


@st.composite
def models_and_inputs(draw):
    """(n_in, n_out, seed, x): a model's sizes and seed, and a batch x of 2 to 12 rows in [-2, 2]."""
    n_in, n_out = draw(st.integers(1, 8), label="n_in"), draw(st.integers(1, 4), label="n_out")
    seed = draw(st.integers(0, 2**16), label="seed")
    x = draw(arrays("float32", (draw(st.integers(2, 12), label="batch"), n_in), bound=X_BOUND), label="x")
    return n_in, n_out, seed, x


def uniform(shape: tuple[int, int], seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-X_BOUND, X_BOUND, shape).astype("float32")


@settings(max_examples=1)
@given(case=models_and_inputs(), explicit=st.booleans())
@example(case=(5, 3, 0, uniform((7, 5), 1)), explicit=False)  # to_tflite(model): quantize defaults to False
def test_float_flatbuffer_predicts_like_keras(kata, case, explicit):
    n_in, n_out, seed, x = case
    model = build(n_in, n_out, seed)
    before = state(model)
    call = f"to_tflite({shown(n_in, n_out)}{', quantize=False' if explicit else ''})"
    got = kata.to_tflite(model, quantize=False) if explicit else kata.to_tflite(model)
    check_bytes(got, call)
    check_unchanged(model, before, call)
    details, ends, _ = tensors(got, call)
    check_open_batch(ends, n_in, call)
    narrow = sorted({t["dtype"].__name__ for t in details.values()} & {"int8", "uint8", "int16", "float16"})
    if narrow:
        fail(call, "tensor dtypes", "float32 weights and activations (no quantization)", f"{', '.join(narrow)} "
             "tensors", "quantize only when quantize=True; the default is a float32 flatbuffer")
    if len(got) < 4 * model.count_params():
        fail(call, "size", f"at least {4 * model.count_params()} bytes (4 per weight, float32)",
             f"{len(got)} bytes", "every weight in the file, as a float32 constant: quantize only when quantize=True, "
             "and convert the Keras model (from_keras_model); a flatbuffer that keeps the weights as variables "
             "(VAR_HANDLE, READ_VARIABLE ops) holds none of their values")
    for rows in (x[:1], x):  # a batch of 1 (the interpreter's default) and a larger one
        check_values(run(got, rows, call), model(rows, training=False).numpy(), rtol=1e-5, atol=1e-5,
                     call=f"run(to_tflite(...), x of shape {rows.shape}) vs model(x, training=False)",
                     misconception="convert the Keras model itself (inference: Dropout off); " + CONVERT)


@settings(max_examples=1)
@given(case=models_and_inputs())
@example(case=(5, 3, 0, uniform((9, 5), 2)))
def test_quantized_flatbuffer_is_dynamic_range_smaller_and_close(kata, case):
    n_in, n_out, seed, x = case
    model = build(n_in, n_out, seed)
    before = state(model)
    call = f"to_tflite({shown(n_in, n_out)}, quantize=True)"
    got = kata.to_tflite(model, quantize=True)
    check_bytes(got, call)
    check_unchanged(model, before, call)
    details, ends, computed = tensors(got, call)
    check_open_batch(ends, n_in, call)
    for end in ends:
        if end["dtype"] is not np.float32:
            fail(call, f"dtype of the flatbuffer's {end['name']!r} (input or output)", "float32",
                 np.dtype(end["dtype"]).name, "dynamic-range quantization keeps the input and output float32; "
                 "leave inference_input_type / inference_output_type alone. " + QUANTIZE)
    halves = sorted(t["name"] for t in details.values() if t["dtype"] is np.float16)
    if halves:
        fail(call, "weight dtype", "int8 weights (dynamic range)", f"float16 tensors ({', '.join(halves[:3])})",
             "float16 quantization halves the weights; dynamic range stores them as int8. " + QUANTIZE)
    large_int8 = [t for t in details.values() if t["dtype"] is np.int8 and np.prod(t["shape"]) >= 1024]
    if not large_int8:
        largest = max(details.values(), key=lambda t: np.prod(t["shape"]))
        fail(call, "weight dtype", "int8 for the weight tensors of 1024 elements or more (the 128x64 kernel)",
             f"no int8 tensor of that size (largest: {largest['name']!r}, {np.dtype(largest['dtype']).name} "
             f"{tuple(int(s) for s in largest['shape'])})",
             "with quantize=True set the converter's optimizations before convert(): " + QUANTIZE)
    activations = sorted(f"{details[i]['name']!r} ({np.dtype(details[i]['dtype']).name})" for i in computed
                         if details[i]["dtype"] is not np.float32)
    if activations:
        fail(call, "dtype of the tensors operations compute", "float32 (dynamic range: only weights are int8)",
             f"{len(activations)} are not, e.g. {', '.join(activations[:2])}",
             "a representative dataset turns on full-integer quantization (int8 activations). " + QUANTIZE)
    if len(got) > 2 * model.count_params():
        fail(call, "size", f"at most {2 * model.count_params()} bytes (half of 4 bytes per weight)",
             f"{len(got)} bytes", QUANTIZE)
    check_values(run(got, x, call), model(x, training=False).numpy(), rtol=0.05, atol=0.05,
                 call=f"run(to_tflite(..., quantize=True), x of shape {x.shape}) vs model(x, training=False)",
                 misconception="dynamic-range quantization moves the outputs only a little; convert the Keras "
                 "model itself (inference: Dropout off). " + QUANTIZE)


# The flatbuffers tflite_predict runs: the test's own, of models the learner's code never sees.
FLATBUFFERS = {"float": (6, 3, 11, False), "quantized": (4, 2, 12, True)}


def predict(kata, flavour: str, x: np.ndarray):
    n_in, n_out, seed, quantize = FLATBUFFERS[flavour]
    flat = own_flatbuffer(n_in, n_out, seed, quantize)
    call = f"tflite_predict(<{flavour} flatbuffer of {shown(n_in, n_out)}>, x of shape {x.shape})"
    given = x.copy()
    try:
        got = kata.tflite_predict(flat, given)
    except (ValueError, RuntimeError) as error:
        view = "reference to internal data" in str(error)  # an earlier result still views an interpreter's memory
        fail(call, "behaviour", f"the interpreter's output of shape ({x.shape[0]}, {n_out})",
             error_line(error, 160),
             VIEW if view else "the interpreter is allocated for a batch of 1: " + RESIZE + "; an interpreter of "
             "the bytes you are given (model_content=model_bytes), none kept from another call's flatbuffer")
    if not np.array_equal(given, x):
        fail(call, "x after the call", "x as it was", "x changed",
             "leave the caller's x alone: set_tensor copies it into the interpreter; work on a copy if needed")
    return got, [run(flat, x, delegates=True), run(flat, x)], call


def check_prediction(got, answers: list[np.ndarray], call: str) -> None:
    """``got`` is one of the interpreter's ``answers`` (with XNNPACK, as a plain Interpreter runs; builtin kernels)."""
    expected = answers[0]
    if not isinstance(got, np.ndarray):
        fail(call, "type", "a NumPy array (np.ndarray)", describe(got),
             "return interpreter.get_tensor(output index), a NumPy array")
    check_equal(got.dtype.name, "float32", call=call, what="dtype", misconception="keep the interpreter's float32")
    check_equal(got.shape, expected.shape, call=call, what="shape",
                misconception="one row per row of x, a batch of 1 included (no squeeze); " + RESIZE)
    if any(np.allclose(got, answer, rtol=1e-5, atol=1e-5) for answer in answers):
        return
    check_values(got, expected, rtol=1e-5, atol=1e-5, call=call,
                 misconception="predict with the flatbuffer you are given, through an interpreter: " + RESIZE + "; "
                 "return the output as it comes: it is float32 even in a quantized flatbuffer (its quantization "
                 "(scale, zero_point) is (0.0, 0): nothing to dequantize)")


# Drawn by a stress run (seed 2711432140): on the quantized flatbuffer, LiteRT's builtin kernels give
# the last row 0.20804 with these rows above it and 0.20750 alone; XNNPACK gives 0.20750 both ways.
MIXED_ROWS = np.array([[0.9225446] * 4] * 3 + [[0.9225446, 0.9225446, 0.0, -0.1875]], "float32")


@settings(max_examples=3)
@given(flavour=st.sampled_from(sorted(FLATBUFFERS)), data=st.data())
@example(flavour="float", data=None)  # a batch of 1: no squeeze
@example(flavour="quantized", data=None)  # a batch of 7: the input must be resized
@example(flavour="quantized", data=MIXED_ROWS)  # the builtin kernels' last row differs from XNNPACK's
def test_tflite_predict_runs_the_flatbuffer(kata, flavour, data):
    n_in = FLATBUFFERS[flavour][0]
    if data is None:
        x = uniform((1 if flavour == "float" else 7, n_in), 3)
    elif isinstance(data, np.ndarray):
        x = data.copy()
    else:
        x = data.draw(arrays("float32", (data.draw(st.integers(1, 16), label="batch"), n_in), bound=X_BOUND), label="x")
    got, expected, call = predict(kata, flavour, x)
    check_prediction(got, expected, call)


def test_tflite_predict_leaves_earlier_results_alone(kata):
    """Float, then quantized, then float again with new values of the same shape: each result stays as returned."""
    first_x, other_x, again_x = uniform((3, 6), 4), uniform((5, 4), 5), uniform((3, 6), 6)
    first, first_expected, first_call = predict(kata, "float", first_x)
    kept = np.array(first, copy=True) if isinstance(first, np.ndarray) else first
    check_prediction(first, first_expected, first_call)
    other, other_expected, other_call = predict(kata, "quantized", other_x)
    check_prediction(other, other_expected, other_call + ", after a float flatbuffer")
    again, again_expected, again_call = predict(kata, "float", again_x)
    check_prediction(again, again_expected, again_call + ", after a quantized flatbuffer")
    if not np.array_equal(first, kept):
        fail(first_call, "earlier result, after two more calls", "the values it was returned with",
             "values overwritten by a later call", VIEW)
