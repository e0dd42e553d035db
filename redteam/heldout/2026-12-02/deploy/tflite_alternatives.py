"""Blind red team: correct answers in other styles for kata deploy/tflite."""
import os
import tempfile

import numpy as np
import tensorflow as tf
from katas._support.mistakes import alternative


@alternative("Keras 3 model.export(format='litert'), converter options passed as kwargs, "
             "file read back as bytes", replaces="to_tflite")
def export_litert_read_back(model, quantize=False):
    kwargs = {"optimizations": [tf.lite.Optimize.DEFAULT]} if quantize else {}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "model.tflite")
        model.export(path, format="litert", verbose=False, **kwargs)
        with open(path, "rb") as f:
            return f.read()


@alternative("SavedModel export first, then TFLiteConverter.from_saved_model", replaces="to_tflite")
def via_saved_model(model, quantize=False):
    with tempfile.TemporaryDirectory() as d:
        model.export(d, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(d)
        converter.optimizations = [tf.lite.Optimize.DEFAULT] if quantize else []
        return converter.convert()


@alternative("tf.function with an explicit [None, n] input_signature and training=False, "
             "from_concrete_functions", replaces="to_tflite")
def concrete_function_open_batch(model, quantize=False):
    n = int(model.inputs[0].shape[-1])

    @tf.function(input_signature=[tf.TensorSpec([None, n], tf.float32, name="x")])
    def serve(x):
        return model(x, training=False)

    converter = tf.lite.TFLiteConverter.from_concrete_functions([serve.get_concrete_function()])
    if quantize:
        converter.optimizations = [tf.lite.Optimize.OPTIMIZE_FOR_SIZE]  # deprecated alias of DEFAULT
    return bytes(converter.convert())


@alternative("signature runner with names read from get_signature_list() (no fixed names)",
             replaces="tflite_predict")
def signature_runner_discovered_names(model_bytes, x):
    from ai_edge_litert.interpreter import Interpreter
    interpreter = Interpreter(model_content=model_bytes)
    key, sig = next(iter(interpreter.get_signature_list().items()))
    runner = interpreter.get_signature_runner(key)
    (out,) = runner(**{sig["inputs"][0]: x}).values()
    return out


@alternative("deprecated tf.lite.Interpreter, resize with strict=True, return the tensor(i)() view "
             "of a fresh interpreter no later call uses", replaces="tflite_predict")
def tf_lite_interpreter_view(model_bytes, x):
    interpreter = tf.lite.Interpreter(model_content=model_bytes)
    (inp,) = interpreter.get_input_details()
    (out,) = interpreter.get_output_details()
    interpreter.resize_tensor_input(inp["index"], list(x.shape), strict=True)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.tensor(out["index"])()


@alternative("one row at a time on the batch-1 interpreter, rows concatenated", replaces="tflite_predict")
def row_by_row(model_bytes, x):
    from ai_edge_litert.interpreter import Interpreter
    interpreter = Interpreter(model_content=model_bytes)
    interpreter.allocate_tensors()
    i = interpreter.get_input_details()[0]["index"]
    o = interpreter.get_output_details()[0]["index"]
    rows = []
    for row in x:
        interpreter.set_tensor(i, row[np.newaxis])
        interpreter.invoke()
        rows.append(interpreter.get_tensor(o))
    return np.concatenate(rows, axis=0)


_CACHE = {}


@alternative("interpreter cached per flatbuffer, resized and re-allocated each call, get_tensor copy",
             replaces="tflite_predict")
def cached_per_bytes_with_copy(model_bytes, x):
    from ai_edge_litert.interpreter import Interpreter
    interpreter = _CACHE.get(model_bytes)
    if interpreter is None:
        interpreter = _CACHE[model_bytes] = Interpreter(model_content=model_bytes)
    i = interpreter.get_input_details()[0]["index"]
    o = interpreter.get_output_details()[0]["index"]
    interpreter.resize_tensor_input(i, x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(i, x)
    interpreter.invoke()
    return interpreter.get_tensor(o)
