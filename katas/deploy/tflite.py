"""Kata deploy/tflite: a Keras model as a TF Lite flatbuffer, run by the LiteRT interpreter.

TF Lite (now called LiteRT) runs models on phones and small devices. ``tf.lite.TFLiteConverter``
turns a Keras model into a *flatbuffer*: one ``bytes`` object holding the graph and its weights,
what you would write to a ``.tflite`` file. An interpreter runs it without Keras and without the
model's code: load the bytes, allocate the tensors, set the input, invoke, read the output. The
input is allocated for a batch of 1 (``shape`` [1, n], while ``shape_signature`` [-1, n] says any
batch is allowed): for another batch size, resize the input, then allocate again, before setting it.

*Dynamic-range quantization* (``converter.optimizations = [tf.lite.Optimize.DEFAULT]``, with no
representative dataset) stores the large weight tensors (1024 elements or more) as int8 with a
scale, a quarter of their float32 size; the model's input, output and every tensor computed at
run time stay float32. The file shrinks; the outputs move a little. Full-integer quantization
(a representative dataset, int8 activations) and float16 quantization (weights halved) are
other options, not the one asked for here.

The interpreter is LiteRT's: ``from ai_edge_litert.interpreter import Interpreter`` (package
``ai-edge-litert``). ``tf.lite.Interpreter`` still works in TF 2.21 but is deprecated in favour of
LiteRT (it warns so); the tests accept either. Needs the TensorFlow backend (Keras on TensorFlow)
and LiteRT.
"""

import keras
import tensorflow as tf  # noqa: F401  (tf.lite.TFLiteConverter is yours to use)
import numpy as np


def to_tflite(model: keras.Model, quantize: bool = False) -> bytes:
    """The TF Lite flatbuffer of ``model``, as ``bytes`` (what the converter returns; not a path,
    not a ``bytearray``; temporary files along the way are fine). ``model`` is a built Keras model
    with one float32 input ``(batch, n)`` and one float32 output ``(batch, m)``; it may hold layers
    that act differently in training (``Dropout``): the flatbuffer computes
    ``model(x, training=False)``, for any batch size. Its input's ``shape_signature`` is
    ``[-1, n]``, the batch left open as in the model (not a fixed ``[1, n]``, even though an
    interpreter may resize such an input); a serving signature (SignatureDef) is welcome, not
    required. ``model`` is left exactly as it was: same weights, same layer settings
    (``model.get_config()`` unchanged). Converting already runs the model in inference mode, so
    there is no Dropout to switch off (setting its ``rate`` to 0 changes the caller's model).

    ``quantize=False``: float32 throughout (no int8 or float16 tensor in the file); run by an
    interpreter, its outputs equal ``model(x, training=False)`` within ``rtol=1e-5, atol=1e-5``.
    It holds every weight in float32, so it takes at least ``4 * model.count_params()`` bytes.

    ``quantize=True``: dynamic-range quantized. The large weight tensors (1024 elements or more)
    are int8; no tensor is float16; the input, the output and every tensor an operation computes
    are float32 (no int8 activations); per-channel or per-tensor scales, as the converter
    chooses. The file is at most half of ``4 * model.count_params()`` bytes (float16 weights
    alone would take that much), and its outputs are within ``rtol=0.05, atol=0.05`` of
    ``model(x, training=False)`` (the tests' models: hidden layers of 128 and 64 units, inputs in
    [-2, 2]).

    >>> flat = to_tflite(model)        # keras.Input((5,)), Dense(128), Dropout, Dense(64), Dense(3)
    >>> flat[4:8]                      # a TF Lite flatbuffer's file identifier
    b'TFL3'
    >>> len(to_tflite(model, quantize=True)) <= 2 * model.count_params()
    True
    """
    raise NotImplementedError("to_tflite(): not implemented yet (kata deploy/tflite)")


def tflite_predict(model_bytes: bytes, x: np.ndarray) -> np.ndarray:
    """Run the TF Lite flatbuffer ``model_bytes`` on ``x`` with an interpreter and return its
    output: a NumPy ``float32`` array of shape ``(batch, m)``, a batch of 1 included (no squeeze).
    ``model_bytes`` is any flatbuffer with one float32 input ``(batch, n)`` (shape signature
    ``[-1, n]``) and one float32 output ``(batch, m)``, float or dynamic-range quantized (its
    input and output are float32 either way: nothing to quantize or dequantize), not necessarily
    one made by your ``to_tflite``. The tests' flatbuffers come from
    ``TFLiteConverter.from_keras_model`` and carry its serving signature, so
    ``interpreter.get_signature_runner()`` works on them as well as the input and output details.
    ``x`` is a float32 array ``(batch, n)``, batch 1 or more (no cast needed); leave it unchanged.
    The values are the interpreter's, within ``rtol=1e-5, atol=1e-5``: predict with the
    flatbuffer, never with a Keras model.

    Each result is the caller's: a later call (same bytes or other bytes) must neither change an
    array returned earlier nor be blocked by it. ``get_tensor`` returns a copy.
    ``interpreter.tensor(i)()`` is a view of that interpreter's memory: while the view lives, the
    interpreter refuses to allocate or invoke again (LiteRT raises ``RuntimeError: ... reference
    to internal data``; older runtimes overwrote the view instead), so return such a view only
    from an interpreter that no later call uses.

    >>> tflite_predict(to_tflite(model), np.zeros((4, 5), "float32")).shape
    (4, 3)
    """
    raise NotImplementedError("tflite_predict(): not implemented yet (kata deploy/tflite)")
