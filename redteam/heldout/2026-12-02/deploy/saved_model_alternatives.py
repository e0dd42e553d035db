"""Blind red team: correct answers, in other styles, for kata deploy/saved_model."""
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative


@alternative("tf.saved_model.save with an explicit tf.function signature and a dict output",
             replaces="export_serving")
def export_tf_function_signature(model, path):
    features = model.input_shape[-1]

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, features], dtype=tf.float32,
                                                 name="features")])
    def serving_fn(features_in):
        return {"predictions": model(features_in, training=False)}

    tf.saved_model.save(model, str(path), signatures={"serving_default": serving_fn})


@alternative("keras.export.ExportArchive with a named endpoint (serving_default added by Keras)",
             replaces="export_serving")
def export_with_archive(model, path):
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="predict",
        fn=lambda t: model(t, training=False),
        input_signature=[tf.TensorSpec((None, model.inputs[0].shape[-1]), tf.float32)],
    )
    archive.write_out(Path(path).as_posix())


@alternative("plain tf.saved_model.save(model, path), Path passed as is, Keras builds the signature",
             replaces="export_serving")
def export_plain_tf_save(model, path):
    tf.saved_model.save(model, path)


@alternative("TFSMLayer on the serving_default endpoint, output picked from the dict, no cache",
             replaces="serve")
def serve_with_tfsmlayer(path, x):
    layer = keras.layers.TFSMLayer(str(path), call_endpoint="serving_default")
    out = layer(x)
    if isinstance(out, dict):
        (out,) = out.values()
    return keras.ops.convert_to_numpy(out)


@alternative("row by row keeping the batch dimension, called positionally, np.concatenate",
             replaces="serve")
def serve_row_by_row(path, x):
    fn = tf.saved_model.load(str(path)).signatures["serving_default"]
    rows = []
    for i in range(x.shape[0]):
        result = fn(tf.convert_to_tensor(x[i:i + 1]))
        rows.append(next(iter(result.values())).numpy())
    return np.concatenate(rows, axis=0)


_CACHE = {}


@alternative("input and output names read from the signature, cache keyed on the resolved path",
             replaces="serve")
def serve_by_signature_names(path, x):
    key = str(Path(path).resolve())
    if key not in _CACHE:
        _CACHE[key] = tf.saved_model.load(key)
    fn = _CACHE[key].signatures["serving_default"]
    _, kwargs_spec = fn.structured_input_signature
    (in_name,) = kwargs_spec.keys()
    (out_name,) = fn.structured_outputs.keys()
    return fn(**{in_name: tf.constant(x)})[out_name].numpy()
