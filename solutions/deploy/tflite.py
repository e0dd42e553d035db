"""Reference answer of kata deploy/tflite."""

import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter


def to_tflite(model: keras.Model, quantize: bool = False) -> bytes:
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]  # no representative dataset: dynamic range
    return converter.convert()


def tflite_predict(model_bytes: bytes, x: np.ndarray) -> np.ndarray:
    interpreter = Interpreter(model_content=model_bytes)
    source = interpreter.get_input_details()[0]
    interpreter.resize_tensor_input(source["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(source["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(interpreter.get_output_details()[0]["index"])
