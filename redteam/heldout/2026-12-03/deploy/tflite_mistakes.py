"""Blind red team: wrong answers for kata deploy/tflite."""
import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter
from katas._support.mistakes import mistake


@mistake(
    "added target_spec.supported_types = [tf.float16] to the DEFAULT optimization for "
    "quantize=True; that is float16 quantization, not dynamic-range int8",
    replaces="to_tflite",
)
def float16_instead_of_int8(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    return converter.convert()


@mistake(
    "gave the converter a representative dataset for quantize=True 'to calibrate it'; that is "
    "full-integer quantization with int8 activations, not dynamic-range",
    replaces="to_tflite",
)
def representative_dataset_added(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        features = int(model.inputs[0].shape[-1])

        def representative_data():
            rng = np.random.default_rng(0)
            for _ in range(20):
                yield [rng.uniform(-2.0, 2.0, size=(1, features)).astype(np.float32)]

        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = representative_data
    return converter.convert()


@mistake(
    "wrapped the model behind keras.Input(batch_shape=(1, n)) since the interpreter allocates "
    "a batch of 1 anyway; the input's shape_signature becomes a fixed [1, n]",
    replaces="to_tflite",
)
def fixed_batch_of_one(model, quantize=False):
    features = int(model.inputs[0].shape[-1])
    inp = keras.Input(batch_shape=(1, features))
    fixed = keras.Model(inp, model(inp))
    converter = tf.lite.TFLiteConverter.from_keras_model(fixed)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake(
    "set converter.optimizations after calling convert(); the flatbuffer was already made, so "
    "quantize=True gives the float32 file",
    replaces="to_tflite",
)
def optimization_set_after_convert(model, quantize=False):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    flat = converter.convert()
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return flat


@mistake(
    "set every Dropout's rate to 0 before converting to be sure it is off; that changes the "
    "caller's model (its get_config)",
    replaces="to_tflite",
)
def dropout_rate_zeroed(model, quantize=False):
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dropout):
            layer.rate = 0.0
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake(
    "froze the model (model.trainable = False) before converting, since a deployed model does "
    "not train; every layer's config now says trainable False",
    replaces="to_tflite",
)
def model_frozen_before_convert(model, quantize=False):
    model.trainable = False
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    return converter.convert()


@mistake(
    "allocated and set the input without resizing it; the input is allocated for a batch of 1, "
    "so any other batch size is refused",
    replaces="tflite_predict",
)
def no_resize(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    interpreter.allocate_tensors()
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])


@mistake(
    "resized the input after allocate_tensors() and did not allocate again; any batch other "
    "than 1 fails",
    replaces="tflite_predict",
)
def resize_without_reallocate(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    interpreter.allocate_tensors()
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape))
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])


@mistake(
    "squeezed the output; a batch of 1 gives shape (m,) instead of (1, m)",
    replaces="tflite_predict",
)
def squeezed_output(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape))
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return np.squeeze(interpreter.get_tensor(out["index"]))


_INTERPRETERS = {}


@mistake(
    "kept one interpreter per flatbuffer and returned interpreter.tensor(i)() to skip a copy; "
    "the view pins that interpreter, so the next call on the same bytes is refused",
    replaces="tflite_predict",
)
def cached_interpreter_returns_view(model_bytes, x):
    interpreter = _INTERPRETERS.get(model_bytes)
    if interpreter is None:
        interpreter = Interpreter(model_content=model_bytes)
        _INTERPRETERS[model_bytes] = interpreter
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape))
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.tensor(out["index"])()


_FIRST = {}


@mistake(
    "built the interpreter once on the first call and kept it in a module-level slot; a later "
    "call with other bytes still runs the first flatbuffer",
    replaces="tflite_predict",
)
def interpreter_built_once(model_bytes, x):
    if "interpreter" not in _FIRST:
        _FIRST["interpreter"] = Interpreter(model_content=model_bytes)
    interpreter = _FIRST["interpreter"]
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape))
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])


@mistake(
    "dequantized the output with the output details' (scale, zero_point) without checking; a "
    "float32 output has scale 0.0, so every prediction comes back 0",
    replaces="tflite_predict",
)
def dequantized_float_output(model_bytes, x):
    interpreter = Interpreter(model_content=model_bytes)
    inp = interpreter.get_input_details()[0]
    out = interpreter.get_output_details()[0]
    interpreter.resize_tensor_input(inp["index"], list(x.shape))
    interpreter.allocate_tensors()
    interpreter.set_tensor(inp["index"], x)
    interpreter.invoke()
    raw = interpreter.get_tensor(out["index"])
    scale, zero_point = out["quantization"]
    return ((raw.astype(np.float32) - zero_point) * scale).astype(np.float32)
