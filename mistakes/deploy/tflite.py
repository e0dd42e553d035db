"""Named mistakes of kata deploy/tflite."""

import os
import tempfile

import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

from katas._support.mistakes import mistake


@mistake("sets the input without resizing it: the interpreter is allocated for a batch of 1", replaces="tflite_predict")
def no_resize(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    interpreter.allocate_tensors()
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(interpreter.get_output_details()[0]["index"])


@mistake("float16 quantization (supported_types=[tf.float16]) instead of dynamic range: weights halved, not int8",
         replaces="to_tflite")
def float16_weights(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    return converter.convert()


@mistake("full-integer quantization with a made-up representative dataset: the activations become int8",
         replaces="to_tflite")
def full_integer(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        n = model.inputs[0].shape[-1]

        def representative():
            rng = np.random.default_rng(0)
            for _ in range(32):
                yield [rng.uniform(-2, 2, (1, n)).astype("float32")]

        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = representative
    return converter.convert()


_interpreters: dict = {}


@mistake("caches one interpreter per flatbuffer and returns interpreter.tensor(i)(), a view its next invoke "
         "overwrites", replaces="tflite_predict")
def cached_view(model_bytes, x):
    interpreter = _interpreters.get(model_bytes)
    if interpreter is None:
        interpreter = _interpreters[model_bytes] = Interpreter(model_content=model_bytes)
        interpreter.allocate_tensors()
    source = interpreter.get_input_details()[0]
    if tuple(source["shape"]) != x.shape:
        interpreter.resize_tensor_input(source["index"], x.shape)
        interpreter.allocate_tensors()
    interpreter.set_tensor(source["index"], x)
    interpreter.invoke()
    return interpreter.tensor(interpreter.get_output_details()[0]["index"])()


# Written blind, from the stub alone (red team, 2026-12)


def _converter(model):
    return tf.lite.TFLiteConverter.from_keras_model(model)


def _run(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    it.resize_tensor_input(inp["index"], x.shape)
    it.allocate_tensors()
    it.set_tensor(inp["index"], x)
    it.invoke()
    return it, inp, out


# ----------------------------------------------------------------------------- to_tflite


@mistake("wraps the converter's output in bytearray so it is mutable", replaces="to_tflite")
def to_tflite_bytearray(model, quantize=False):
    conv = _converter(model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return bytearray(conv.convert())


@mistake("writes model.tflite to disk and returns the path, like the tutorial", replaces="to_tflite")
def to_tflite_returns_path(model, quantize=False):
    conv = _converter(model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    path = os.path.join(tempfile.mkdtemp(), "model.tflite")
    with open(path, "wb") as f:
        f.write(conv.convert())
    return path


@mistake("forgot to use the quantize flag: always a float32 file", replaces="to_tflite")
def to_tflite_ignores_quantize(model, quantize=False):
    return _converter(model).convert()


@mistake("sets Optimize.DEFAULT always ('optimizing never hurts'): quantize=False is int8 too",
         replaces="to_tflite")
def to_tflite_always_optimized(model, quantize=False):
    conv = _converter(model)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return conv.convert()


@mistake("full int8 with int8 input/output types (the 'edge TPU' recipe)", replaces="to_tflite")
def to_tflite_int8_io(model, quantize=False):
    conv = _converter(model)
    if quantize:
        n = model.inputs[0].shape[-1]

        def representative():
            rng = np.random.default_rng(0)
            for _ in range(32):
                yield [rng.uniform(-2, 2, (1, n)).astype("float32")]

        conv.optimizations = [tf.lite.Optimize.DEFAULT]
        conv.representative_dataset = representative
        conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        conv.inference_input_type = tf.int8
        conv.inference_output_type = tf.int8
    return conv.convert()


@mistake("picked Optimize.EXPERIMENTAL_SPARSITY thinking it shrinks the file: no int8 weights",
         replaces="to_tflite")
def to_tflite_sparsity(model, quantize=False):
    conv = _converter(model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.EXPERIMENTAL_SPARSITY]
    return conv.convert()


@mistake("follows the from_concrete_functions([fn], model) docs recipe; the weights stay "
         "uninitialised variables in the file", replaces="to_tflite")
def to_tflite_concrete_with_trackable(model, quantize=False):
    n = model.inputs[0].shape[-1]
    fn = tf.function(lambda t: model(t, training=False),
                     input_signature=[tf.TensorSpec([None, n], tf.float32)])
    conv = tf.lite.TFLiteConverter.from_concrete_functions([fn.get_concrete_function()], model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return conv.convert()


@mistake("clones the model to get rid of Dropout but never copies the weights over",
         replaces="to_tflite")
def to_tflite_clone_without_weights(model, quantize=False):
    clone = keras.models.clone_model(model)
    conv = _converter(clone)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return conv.convert()


@mistake("fake-quantizes the big Keras weights in place before converting (changes the model)",
         replaces="to_tflite")
def to_tflite_fake_quant_in_place(model, quantize=False):
    if quantize:
        for w in model.weights:
            v = np.asarray(w.numpy())
            if v.size >= 1024:
                scale = np.abs(v).max() / 127.0
                w.assign((np.round(v / scale) * scale).astype(v.dtype))
    conv = _converter(model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return conv.convert()


@mistake("turns Dropout off by setting its rate to 0 on the caller's model and leaves it so",
         replaces="to_tflite")
def to_tflite_zeroes_dropout_rate(model, quantize=False):
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dropout):
            layer.rate = 0.0
    conv = _converter(model)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
    return conv.convert()


# -------------------------------------------------------------------------- tflite_predict


@mistake("squeezes the output, so a batch of 1 comes back as shape (m,)", replaces="tflite_predict")
def tflite_predict_squeezed(model_bytes, x):
    it, _, out = _run(model_bytes, x)
    return np.squeeze(it.get_tensor(out["index"]))


@mistake("casts the output to float64 'for precision'", replaces="tflite_predict")
def tflite_predict_float64(model_bytes, x):
    it, _, out = _run(model_bytes, x)
    return it.get_tensor(out["index"]).astype(np.float64)


@mistake("returns .tolist() (JSON-friendly) instead of an array", replaces="tflite_predict")
def tflite_predict_list(model_bytes, x):
    it, _, out = _run(model_bytes, x)
    return it.get_tensor(out["index"]).tolist()


_ONE_INTERPRETER = {}


@mistake("loads the interpreter once in a global and reuses it for every call (any bytes)",
         replaces="tflite_predict")
def tflite_predict_global_interpreter(model_bytes, x):
    if "it" not in _ONE_INTERPRETER:
        _ONE_INTERPRETER["it"] = Interpreter(model_content=model_bytes)
    it = _ONE_INTERPRETER["it"]
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    it.resize_tensor_input(inp["index"], x.shape)
    it.allocate_tensors()
    it.set_tensor(inp["index"], x)
    it.invoke()
    return it.get_tensor(out["index"])


@mistake("runs row by row with the batch-1 allocation but collects interpreter.tensor(i)() views",
         replaces="tflite_predict")
def tflite_predict_row_views(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    rows = []
    for i in range(x.shape[0]):
        it.set_tensor(inp["index"], x[i:i + 1])
        it.invoke()
        rows.append(it.tensor(out["index"])()[0])
    return np.stack(rows)


@mistake("row by row, stacks the (1, m) outputs: shape (batch, 1, m)", replaces="tflite_predict")
def tflite_predict_stacked_rows(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    rows = []
    for i in range(x.shape[0]):
        it.set_tensor(inp["index"], x[i:i + 1])
        it.invoke()
        rows.append(it.get_tensor(out["index"]))
    return np.stack(rows)


@mistake("reads get_tensor with the input's index (mixed up the two detail dicts)",
         replaces="tflite_predict")
def tflite_predict_reads_input(model_bytes, x):
    it, inp, _ = _run(model_bytes, x)
    return it.get_tensor(inp["index"])


@mistake("allocates first, then resizes, and never allocates again", replaces="tflite_predict")
def tflite_predict_allocate_before_resize(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    it.resize_tensor_input(inp["index"], x.shape)
    it.set_tensor(inp["index"], x)
    it.invoke()
    return it.get_tensor(out["index"])


@mistake("'dequantizes' the output with its (scale, zero_point), which are (0.0, 0) for a float "
         "output", replaces="tflite_predict")
def tflite_predict_dequantizes_float_output(model_bytes, x):
    it, _, out = _run(model_bytes, x)
    scale, zero_point = out["quantization"]
    y = it.get_tensor(out["index"])
    return ((y - zero_point) * scale).astype(np.float32)


@mistake("runs only the first row: assumes the interpreter's fixed batch of 1",
         replaces="tflite_predict")
def tflite_predict_first_row_only(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    it.set_tensor(inp["index"], x[:1])
    it.invoke()
    return it.get_tensor(out["index"])


# Added while merging: the red team's notes, pinned (a fixed batch the docstring now rules out)


@mistake("converts a tf.function with a fixed batch of 1 (TensorSpec([1, n])), as the interpreter allocates it: "
         "shape_signature [1, n]", replaces="to_tflite")
def to_tflite_fixed_batch_of_one(model, quantize=False):
    n = model.inputs[0].shape[-1]
    serve = tf.function(lambda t: model(t, training=False), input_signature=[tf.TensorSpec([1, n], tf.float32)])
    converter = tf.lite.TFLiteConverter.from_concrete_functions([serve.get_concrete_function()])
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("appended an explicit linear Activation to the caller's model to 'make the output op explicit'",
         replaces="to_tflite")
def appended_an_output_layer(model, quantize=False):
    model.add(keras.layers.Activation("linear"))
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()
