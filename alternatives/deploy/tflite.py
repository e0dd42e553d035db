"""Correct alternatives of kata deploy/tflite: other styles the tests must accept."""

import os
import tempfile

import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

from katas._support.mistakes import alternative


@alternative("a fresh interpreter on every call, returning its interpreter.tensor(i)() view: the view keeps that "
             "interpreter alive, and no later call uses it", replaces="tflite_predict")
def fresh_interpreter_view(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    source = interpreter.get_input_details()[0]
    interpreter.resize_tensor_input(source["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(source["index"], x)
    interpreter.invoke()
    return interpreter.tensor(interpreter.get_output_details()[0]["index"])()


# Written blind, from the stub alone (red team, 2026-12)


@alternative("model.export(SavedModel) to a temp dir, then TFLiteConverter.from_saved_model",
             replaces="to_tflite")
def to_tflite_via_saved_model(model, quantize=False):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "saved")
        model.export(path, format="tf_saved_model", verbose=False)
        conv = tf.lite.TFLiteConverter.from_saved_model(path)
        if quantize:
            conv.optimizations = [tf.lite.Optimize.DEFAULT]
        return conv.convert()


@alternative("tf.function with training=False and a [None, n] signature, from_concrete_functions "
             "(no trackable_obj)", replaces="to_tflite")
def to_tflite_concrete_function(model, quantize=False):
    n = model.inputs[0].shape[-1]

    @tf.function(input_signature=[tf.TensorSpec([None, n], tf.float32)])
    def serve(t):
        return model(t, training=False)

    conv = tf.lite.TFLiteConverter.from_concrete_functions([serve.get_concrete_function()])
    conv.optimizations = [tf.lite.Optimize.DEFAULT] if quantize else []
    return bytes(conv.convert())


@alternative("deprecated alias Optimize.OPTIMIZE_FOR_SIZE (same as DEFAULT), set via a dict lookup",
             replaces="to_tflite")
def to_tflite_optimize_for_size(model, quantize=False):
    conv = tf.lite.TFLiteConverter.from_keras_model(model)
    conv.optimizations = {True: [tf.lite.Optimize.OPTIMIZE_FOR_SIZE], False: []}[bool(quantize)]
    return conv.convert()


@alternative("signature runner: it resizes the input itself; output dict's only value",
             replaces="tflite_predict")
def tflite_predict_signature_runner(model_bytes, x):
    it = Interpreter(model_content=model_bytes)
    runner = it.get_signature_runner()
    (name,) = runner.get_input_details().keys()
    result = runner(**{name: x})
    (y,) = result.values()
    return np.array(y, dtype=np.float32)


@alternative("deprecated tf.lite.Interpreter, row by row with the batch-1 allocation, "
             "get_tensor copies concatenated", replaces="tflite_predict")
def tflite_predict_rowwise_tf_lite(model_bytes, x):
    it = tf.lite.Interpreter(model_content=model_bytes)
    it.allocate_tensors()
    i_in = it.get_input_details()[0]["index"]
    i_out = it.get_output_details()[0]["index"]
    rows = []
    for row in x:
        it.set_tensor(i_in, row[None, :])
        it.invoke()
        rows.append(it.get_tensor(i_out))
    return np.concatenate(rows, axis=0)


@alternative("writes the bytes to a .tflite file, model_path=, and copies the tensor() view",
             replaces="tflite_predict")
def tflite_predict_model_path_view_copy(model_bytes, x):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "m.tflite")
        with open(path, "wb") as f:
            f.write(model_bytes)
        it = Interpreter(model_path=path)
        [inp] = it.get_input_details()
        [out] = it.get_output_details()
        it.resize_tensor_input(inp["index"], list(x.shape), strict=True)
        it.allocate_tensors()
        it.tensor(inp["index"])()[...] = x
        it.invoke()
        return it.tensor(out["index"])().copy()
