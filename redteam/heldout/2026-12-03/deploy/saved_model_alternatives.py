"""Blind red team: correct answers in other styles for kata deploy/saved_model."""
import os

import keras
import numpy as np
import tensorflow as tf
from katas._support.mistakes import alternative


@alternative(
    "keras.export.ExportArchive by hand: track the model, add an endpoint named "
    "'serving_default' calling model(x, training=False) on a (None, features) float32 "
    "TensorSpec, write_out",
    replaces="export_serving",
)
def export_archive_by_hand(model, path):
    features = int(model.inputs[0].shape[-1])
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=lambda x: model(x, training=False),
        input_signature=[tf.TensorSpec(shape=(None, features), dtype=tf.float32)],
    )
    archive.write_out(os.fspath(path))


@alternative(
    "tf.saved_model.save with an explicit tf.function signature returning a one-entry dict",
    replaces="export_serving",
)
def tf_saved_model_save_with_signature(model, path):
    features = int(model.inputs[0].shape[-1])

    @tf.function(input_signature=[tf.TensorSpec([None, features], tf.float32, name="inputs")])
    def serving_fn(inputs):
        return {"outputs": model(inputs, training=False)}

    tf.saved_model.save(model, os.fspath(path), signatures={"serving_default": serving_fn})


@alternative(
    "Keras' TFSMLayer on the 'serving_default' endpoint, taking the single value of the dict "
    "it returns",
    replaces="serve",
)
def serve_with_tfsm_layer(path, x):
    layer = keras.layers.TFSMLayer(os.fspath(path), call_endpoint="serving_default")
    out = layer(x)
    if isinstance(out, dict):
        (out,) = out.values()
    return np.asarray(keras.ops.convert_to_numpy(out), dtype=np.float32)


@alternative(
    "calls the signature positionally on the whole batch and takes the only value of the "
    "returned dict",
    replaces="serve",
)
def serve_positional(path, x):
    signature = tf.saved_model.load(os.fspath(path)).signatures["serving_default"]
    outputs = signature(tf.convert_to_tensor(x, dtype=tf.float32))
    (values,) = outputs.values()
    return values.numpy()


@alternative(
    "serves row by row (keeping each row's batch dimension), input keyword read from the "
    "signature, rows stacked with np.concatenate",
    replaces="serve",
)
def serve_row_by_row(path, x):
    signature = tf.saved_model.load(str(path)).signatures["serving_default"]
    (input_name,) = signature.structured_input_signature[1].keys()
    rows = []
    for i in range(x.shape[0]):
        outputs = signature(**{input_name: tf.constant(x[i : i + 1])})
        (values,) = outputs.values()
        rows.append(values.numpy())
    return np.concatenate(rows, axis=0)
