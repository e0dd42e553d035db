"""Blind red team: wrong answers for kata deploy/tflite."""
import os
import tempfile

import keras
import numpy as np
import tensorflow as tf
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- to_tflite

@mistake("saves the model to a .tflite file like the tutorial and returns the file's path",
         replaces="to_tflite")
def tflite_path_instead_of_bytes(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    flat = converter.convert()
    path = os.path.join(tempfile.mkdtemp(), "model.tflite")
    with open(path, "wb") as f:
        f.write(flat)
    return path


@mistake("thought Optimize.DEFAULT is just the converter's default setting and set it for both "
         "cases (quantize=False comes out quantized too)", replaces="to_tflite")
def optimize_default_always_on(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake("quantizes to float16 (halves the weights) instead of dynamic-range int8",
         replaces="to_tflite")
def float16_quantization(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    return converter.convert()


@mistake("adds a representative dataset of random inputs to 'calibrate' the quantization",
         replaces="to_tflite")
def full_integer_with_calibration(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        n = int(model.inputs[0].shape[-1])

        def representative_dataset():
            rng = np.random.default_rng(0)
            for _ in range(20):
                yield [rng.uniform(-2, 2, (1, n)).astype("float32")]

        converter.representative_dataset = representative_dataset
    return converter.convert()


@mistake("switches Dropout off by setting its rate to 0 before converting", replaces="to_tflite")
def dropout_rate_zeroed(model, quantize=False):
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dropout):
            layer.rate = 0.0
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake("freezes the model (trainable = False) to put it in inference mode before converting",
         replaces="to_tflite")
def frozen_before_convert(model, quantize=False):
    model.trainable = False
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake("traces a concrete function from one example input of batch 1 (training=False) and "
         "converts that", replaces="to_tflite")
def fixed_batch_concrete_function(model, quantize=False):
    n = int(model.inputs[0].shape[-1])
    fn = tf.function(lambda x: model(x, training=False))
    concrete = fn.get_concrete_function(tf.zeros((1, n), tf.float32))
    converter = tf.lite.TFLiteConverter.from_concrete_functions([concrete])
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake("wraps the model in a tf.function with an open batch and, as the TF docs show, passes "
         "the model as from_concrete_functions' trackable_obj", replaces="to_tflite")
def concrete_function_model_as_trackable(model, quantize=False):
    n = int(model.inputs[0].shape[-1])

    @tf.function(input_signature=[tf.TensorSpec([None, n], tf.float32)])
    def serve(x):
        return model(x, training=False)

    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        [serve.get_concrete_function()], trackable_obj=model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake("converts a clone so the caller's model is not touched, but clone_model does not copy "
         "the weights", replaces="to_tflite")
def clone_without_weights(model, quantize=False):
    clone = keras.models.clone_model(model)
    converter = tf.lite.TFLiteConverter.from_keras_model(clone)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


# ----------------------------------------------------------- tflite_predict

def _interpreter(model_bytes):
    from ai_edge_litert.interpreter import Interpreter
    return Interpreter(model_content=model_bytes)


@mistake("follows the basic tutorial: allocate, set, invoke; forgets to resize for the batch",
         replaces="tflite_predict")
def no_resize_batch_of_one_only(model_bytes, x):
    interpreter = _interpreter(model_bytes)
    interpreter.allocate_tensors()
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])


@mistake("squeezes the output to drop the extra batch axis", replaces="tflite_predict")
def squeezed_output(model_bytes, x):
    interpreter = _interpreter(model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return np.squeeze(interpreter.get_tensor(out["index"]))


_VIEW_CACHE = {}


@mistake("caches one interpreter per flatbuffer for speed and returns tensor(i)() to avoid a copy",
         replaces="tflite_predict")
def cached_interpreter_returns_view(model_bytes, x):
    interpreter = _VIEW_CACHE.get(model_bytes)
    if interpreter is None:
        interpreter = _VIEW_CACHE[model_bytes] = _interpreter(model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.tensor(out["index"])()


_SHARED = {}


@mistake("loads the interpreter lazily once and reuses it for every call", replaces="tflite_predict")
def single_global_interpreter(model_bytes, x):
    if "it" not in _SHARED:
        _SHARED["it"] = _interpreter(model_bytes)
    interpreter = _SHARED["it"]
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])


@mistake("uses the signature runner with the input/output names printed by get_signature_list()",
         replaces="tflite_predict")
def hardcoded_signature_names(model_bytes, x):
    runner = _interpreter(model_bytes).get_signature_runner("serving_default")
    return runner(keras_tensor=x)["output_0"]


@mistake("detaches the result from the interpreter through .tolist() and np.array",
         replaces="tflite_predict")
def tolist_detach_float64(model_bytes, x):
    interpreter = _interpreter(model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return np.array(interpreter.tensor(out["index"])().tolist())
