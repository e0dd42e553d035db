"""Correct alternatives of kata deploy/saved_model: other styles the tests must accept."""

import os
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- export_serving


@alternative("plain tf.saved_model.save(model, path): the default signature (input named 'inputs')",
             replaces="export_serving")
def plain_tf_saved_model_save(model, path):
    tf.saved_model.save(model, os.fspath(path))


@alternative("explicit tf.function signature with my own input/output names, passed as a concrete function",
             replaces="export_serving")
def explicit_concrete_function(model, path):
    features = model.inputs[0].shape[-1]

    @tf.function
    def serving(features_in):
        return {"scores": model(features_in, training=False)}

    concrete = serving.get_concrete_function(
        tf.TensorSpec(shape=[None, features], dtype=tf.float32, name="features_in"))
    tf.saved_model.save(model, str(path), signatures={"serving_default": concrete})


@alternative("keras.export.ExportArchive with a single endpoint named 'predict' (Keras adds serving_default)",
             replaces="export_serving")
def export_archive_single_endpoint(model, path):
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        "predict",
        model.call,
        input_signature=[tf.TensorSpec((None, model.input_shape[-1]), tf.float32, name="x")],
    )
    archive.write_out(Path(path).as_posix(), verbose=False)


class _Server(tf.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model
        features = model.inputs[0].shape[-1]
        self.predict = tf.function(
            lambda x: self.model(x, training=False),
            input_signature=[tf.TensorSpec((None, features), tf.float32)],
        )


@alternative("a tf.Module wrapper holding the model and a tf.function, saved with signatures=",
             replaces="export_serving")
def tf_module_wrapper(model, path):
    server = _Server(model)
    tf.saved_model.save(server, str(path), signatures={"serving_default": server.predict})


@alternative("model.export with an explicit input_signature and a pathlib path turned into str",
             replaces="export_serving")
def model_export_explicit_signature(model, path):
    n = model.input_shape[1]
    model.export(str(Path(path)), format="tf_saved_model", verbose=False,
                 input_signature=[tf.TensorSpec([None, n], "float32", name="inputs")])


# ---------------------------------------------------------------------- serve


@alternative("positional call of the signature and single-item unpacking of the dict", replaces="serve")
def positional_call_unpack(path, x):
    signature = tf.saved_model.load(str(path)).signatures["serving_default"]
    (out,) = signature(tf.convert_to_tensor(x, tf.float32)).values()
    return out.numpy()


@alternative("names read from structured_input_signature / structured_outputs, np.asarray", replaces="serve")
def names_from_specs(path, x):
    loaded = tf.saved_model.load(os.fspath(path))
    fn = loaded.signatures["serving_default"]
    _, kwargs_spec = fn.structured_input_signature
    [in_name] = list(kwargs_spec)
    [out_name] = list(fn.structured_outputs)
    result = fn(**{in_name: tf.constant(x, dtype=kwargs_spec[in_name].dtype)})
    return np.asarray(result[out_name], dtype=np.float32)


@alternative("serve in chunks of 1 row (keeping the batch dim) and concatenate", replaces="serve")
def chunked_rows(path, x):
    fn = tf.saved_model.load(str(path)).signatures["serving_default"]
    name = list(fn.structured_input_signature[1].keys())[0]
    parts = []
    for i in range(len(x)):
        out = fn(**{name: tf.constant(x[i:i + 1])})
        parts.append(list(out.values())[0].numpy())
    return np.concatenate(parts, axis=0)


@alternative("load with tags=['serve'], pass the numpy array directly, .numpy().astype(float32)",
             replaces="serve")
def tags_and_numpy_input(path, x):
    loaded = tf.saved_model.load(str(path), tags=["serve"])
    sig = loaded.signatures["serving_default"]
    key = sorted(sig.structured_input_signature[1])[0]
    outputs = sig(**{key: np.asarray(x, np.float32)})
    return next(iter(outputs.values())).numpy().astype(np.float32)


@alternative("keras.layers.TFSMLayer(path, call_endpoint='serving_default'): Keras' wrapper of tf.saved_model.load "
             "(no model code needed), the dict's only value as a NumPy array", replaces="serve")
def tfsm_layer_serving_default(path, x):
    layer = keras.layers.TFSMLayer(str(path), call_endpoint="serving_default")
    (out,) = layer(x).values()
    return keras.ops.convert_to_numpy(out)
