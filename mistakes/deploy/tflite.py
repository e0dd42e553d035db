"""Named mistakes of kata deploy/tflite."""

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
