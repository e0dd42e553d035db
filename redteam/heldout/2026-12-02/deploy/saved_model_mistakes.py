"""Blind red team: wrong answers for kata deploy/saved_model."""
import os
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


def _features(model):
    return int(model.input_shape[-1])


# ---------------------------------------------------------------- export_serving

@mistake("wrote it in path/1 because TF Serving wants a numbered version folder",
         replaces="export_serving")
def export_in_version_subfolder(model, path):
    model.export(os.path.join(str(path), "1"), format="tf_saved_model")


@mistake("traced the serving function on one example row, so the signature's batch is fixed at 1",
         replaces="export_serving")
def export_traced_on_one_row(model, path):
    @tf.function
    def serving_fn(inputs):
        return {"output_0": model(inputs, training=False)}

    example = tf.zeros((1, _features(model)), tf.float32)
    tf.saved_model.save(model, str(path),
                        signatures={"serving_default": serving_fn.get_concrete_function(example)})


@mistake("called the model with training=True inside the signature (dropout stays on)",
         replaces="export_serving")
def export_training_true(model, path):
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        "serving_default",
        lambda inputs: model(inputs, training=True),
        input_signature=[tf.TensorSpec((None, _features(model)), tf.float32, name="inputs")],
    )
    archive.write_out(str(path))


@mistake("added the softmax probabilities as a second output next to the raw output, for clients",
         replaces="export_serving")
def export_with_probabilities(model, path):
    @tf.function(input_signature=[tf.TensorSpec((None, _features(model)), tf.float32, name="inputs")])
    def serving_fn(inputs):
        logits = model(inputs, training=False)
        return {"logits": logits, "probabilities": tf.nn.softmax(logits)}

    tf.saved_model.save(model, str(path), signatures={"serving_default": serving_fn})


@mistake("cast the output to float64 so the served predictions keep full precision",
         replaces="export_serving")
def export_output_float64(model, path):
    @tf.function(input_signature=[tf.TensorSpec((None, _features(model)), tf.float32, name="inputs")])
    def serving_fn(inputs):
        return {"output_0": tf.cast(model(inputs, training=False), tf.float64)}

    tf.saved_model.save(model, str(path), signatures={"serving_default": serving_fn})


@mistake("cloned the model first so exporting does not touch the caller's model",
         replaces="export_serving")
def export_cloned_model(model, path):
    copy = keras.models.clone_model(model)  # same architecture, freshly initialised weights
    copy.export(str(path), format="tf_saved_model")


# ---------------------------------------------------------------- serve

@mistake("took the first signature in loaded.signatures (there is only one that matters anyway)",
         replaces="serve")
def serve_first_signature(path, x):
    loaded = tf.saved_model.load(str(path))
    fn = list(loaded.signatures.values())[0]
    out = fn(tf.constant(x))
    return list(out.values())[0].numpy()


@mistake("passed the input by the name the docstring shows, keras_tensor",
         replaces="serve")
def serve_hardcoded_input_name(path, x):
    loaded = tf.saved_model.load(str(path))
    out = loaded.signatures["serving_default"](keras_tensor=tf.constant(x))
    return list(out.values())[0].numpy()


_LOADED = None


@mistake("cached the loaded SavedModel in a global so it is loaded only once",
         replaces="serve")
def serve_cache_ignores_path(path, x):
    global _LOADED
    if _LOADED is None:
        _LOADED = tf.saved_model.load(str(path))
    out = _LOADED.signatures["serving_default"](tf.constant(x))
    return list(out.values())[0].numpy()


@mistake("wrapped the folder in keras.layers.TFSMLayer(path) with its default endpoint",
         replaces="serve")
def serve_tfsmlayer_default_endpoint(path, x):
    layer = keras.layers.TFSMLayer(str(path))  # call_endpoint defaults to "serve"
    out = layer(x)
    if isinstance(out, dict):
        out = list(out.values())[0]
    return np.asarray(out)


@mistake("rounded the predictions to 2 decimals like the docstring's example shows",
         replaces="serve")
def serve_rounded(path, x):
    loaded = tf.saved_model.load(str(path))
    out = loaded.signatures["serving_default"](tf.constant(x))
    return np.round(list(out.values())[0].numpy(), 2)


@mistake("squeezed the result to drop the extra dimension the signature adds",
         replaces="serve")
def serve_squeezed(path, x):
    loaded = tf.saved_model.load(str(path))
    out = loaded.signatures["serving_default"](tf.constant(x))
    return np.squeeze(list(out.values())[0].numpy())
