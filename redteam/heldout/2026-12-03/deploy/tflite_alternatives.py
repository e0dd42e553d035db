"""Blind red team: correct answers in other styles for kata deploy/tflite."""
import os
import tempfile
from pathlib import Path

import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter
from katas._support.mistakes import alternative


@alternative(
    "goes through a temporary SavedModel: model.export(..., format='tf_saved_model') then "
    "TFLiteConverter.from_saved_model (its 'serving_default' signature has a None batch)",
    replaces="to_tflite",
)
def via_saved_model(model, quantize=False):
    with tempfile.TemporaryDirectory() as tmp:
        saved = os.path.join(tmp, "saved_model")
        model.export(saved, format="tf_saved_model")
        converter = tf.lite.TFLiteConverter.from_saved_model(saved)
        if quantize:
            converter.optimizations = [tf.lite.Optimize.DEFAULT]
        return converter.convert()


@alternative(
    "from_keras_model with the optimizations list chosen in one expression, written to a "
    "temporary .tflite file and read back as bytes",
    replaces="to_tflite",
)
def through_a_tflite_file(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.optimizations = [tf.lite.Optimize.DEFAULT] if quantize else []
    flat = converter.convert()
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "model.tflite"
        file.write_bytes(flat)
        return file.read_bytes()


@alternative(
    "the flatbuffer's serving signature through get_signature_runner(), which resizes and "
    "allocates on its own; input name read from the runner",
    replaces="tflite_predict",
)
def signature_runner(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    runner = interpreter.get_signature_runner()
    (input_name,) = runner.get_input_details().keys()
    outputs = runner(**{input_name: x})
    (values,) = outputs.values()
    return np.asarray(values, dtype=np.float32)


@alternative(
    "no resize: runs the batch-of-1 input once per row (x[i:i + 1]) and stacks the copied outputs",
    replaces="tflite_predict",
)
def row_by_row(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    interpreter.allocate_tensors()
    in_index = interpreter.get_input_details()[0]["index"]
    out_index = interpreter.get_output_details()[0]["index"]
    rows = []
    for i in range(x.shape[0]):
        interpreter.set_tensor(in_index, np.ascontiguousarray(x[i : i + 1]))
        interpreter.invoke()
        rows.append(interpreter.get_tensor(out_index))
    return np.concatenate(rows, axis=0)


@alternative(
    "the deprecated tf.lite.Interpreter (accepted by the docstring) with resize_tensor_input "
    "strict=True, which only resizes the -1 batch",
    replaces="tflite_predict",
)
def tf_lite_interpreter_strict_resize(model_bytes, x):
    interpreter = tf.lite.Interpreter(model_content=model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape), strict=True)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])
