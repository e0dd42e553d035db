"""Kata deploy/saved_model: write a Keras model as a SavedModel, serve it without the model's code.

A ``.keras`` file describes a model by its Python classes: loading it needs the code that built
the model (a custom layer's class, for one). A SavedModel is TensorFlow's own format: a folder
(``saved_model.pb`` and ``variables/``) that holds the computation as TensorFlow graphs, the
weights, and *signatures*: named entry points with typed inputs and outputs. TF Serving, and
anyone else, loads it with ``tf.saved_model.load`` and calls a signature; no class of the model
is needed. By convention the signature a server calls is named ``"serving_default"``.
Keras 3 writes one with ``model.export(path, format="tf_saved_model")``; ``tf.saved_model.save``
works too. Needs the TensorFlow backend (Keras on TensorFlow).
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf


def export_serving(model: keras.Model, path: str | Path) -> None:
    """Write ``model`` (built, with one input of shape ``(features,)`` and one output of shape
    ``(outputs,)``) as a SavedModel in the folder ``path`` (a ``str`` or a ``pathlib.Path``; the
    folder does not exist yet; write the SavedModel in that folder itself, not in a subfolder such
    as ``path/1``). Its signature ``"serving_default"`` takes one float32 tensor of exactly the
    shape ``(None, features)``: the batch dimension is ``None``, so any batch size is served, and
    the feature dimension is the model's. It runs the model in inference mode (dropout off, as
    ``model.predict``, with the model's own weights) and returns a dict with one entry: the
    model's float32 output of shape ``(batch, outputs)``, as it is (no cast, no squeeze, no extra
    outputs such as probabilities). Input and output names are yours to choose: the example shows
    the ones Keras picked there (``'keras_tensor'``; ``'keras_tensor_7'`` in a process that built
    other models, ``'inputs'`` after ``tf.saved_model.save``), and no name is checked. Other
    signatures or endpoints may be in the folder too (``model.export`` adds ``"serve"``).
    The model may contain custom layers: the test's model has one, and a Dropout.

    >>> export_serving(model, "served")
    >>> tf.saved_model.load("served").signatures["serving_default"].structured_input_signature
    ((), {'keras_tensor': TensorSpec(shape=(None, 4), dtype=tf.float32, name='keras_tensor')})
    """
    raise NotImplementedError("export_serving(): not implemented yet (kata deploy/saved_model)")


def serve(path: str | Path, x: np.ndarray) -> np.ndarray:
    """The predictions for ``x`` (a float32 array of shape ``(batch, features)``, any batch size
    from 1) of the SavedModel in the folder ``path`` (a ``str`` or a ``pathlib.Path``), as a
    float32 ``np.ndarray`` of shape ``(batch, outputs)`` (not a tensor, not a dict).

    Load the folder with TensorFlow (``tf.saved_model.load``; Keras'
    ``keras.layers.TFSMLayer(path, call_endpoint="serving_default")`` wraps the same call and is
    fine too), not with Keras' ``load_model``: ``serve`` must work in a fresh Python process where
    the model's code (its custom layer class) cannot be imported. Call the ``"serving_default"``
    signature (by name, not whichever signature is listed first) with ``x`` as it is, float32 and
    the whole batch at once or row by row keeping the batch dimension; it returns a dict with one
    entry: return that entry's values, unrounded. ``serve`` must work for any SavedModel with
    such a signature, whoever wrote it: the names of its input and output are not always the
    ones Keras picks (read them from the signature, or call it positionally), and the folder may
    hold other signatures and no Keras endpoint. Each call serves the folder ``path`` names: a
    cache of loaded folders keyed on the path is fine, one that ignores the path is not. For a
    SavedModel written by ``export_serving(model, path)`` the result equals
    ``model.predict(x)`` (``model(x, training=False)``) within 1e-6 (``np.isclose`` with
    ``rtol=atol=1e-6``).

    >>> serve("served", np.ones((2, 4), "float32"))
    array([[ 0.31, -1.2 ,  0.05],
           [ 0.31, -1.2 ,  0.05]], dtype=float32)
    """
    raise NotImplementedError("serve(): not implemented yet (kata deploy/saved_model)")
