"""Named mistakes of kata deploy/saved_model."""

import os
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from katas._support.mistakes import mistake


@mistake("saved a .keras file in the folder: loading it needs the model's code", replaces="export_serving")
def keras_file(model, path):
    Path(path).mkdir(parents=True)
    model.save(Path(path) / "model.keras")


@mistake("fixed the batch size in the signature: it serves batches of one only", replaces="export_serving")
def fixed_batch(model, path):
    spec = tf.TensorSpec((1, *model.input_shape[1:]), tf.float32)
    model.export(str(path), format="tf_saved_model", verbose=False, input_signature=[spec])


@mistake("traced the signature with training=True: Dropout stays on while serving", replaces="export_serving")
def training_mode(model, path):
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint("serving_default", lambda x: model(x, training=True),
                         input_signature=[tf.TensorSpec(model.input_shape, tf.float32)])
    archive.write_out(str(path), verbose=False)


@mistake("called loaded.serve, the endpoint only Keras' export writes", replaces="serve")
def keras_endpoint(path, x):
    return tf.saved_model.load(str(path)).serve(tf.constant(x)).numpy()


# Written blind, from the stub alone (red team, 2026-12)


def _features(model):
    return int(model.inputs[0].shape[-1])


# ---------------------------------------------------------------- export_serving


@mistake("I traced the signature on an example batch of ones, so the batch dim got frozen", replaces="export_serving")
def traced_on_example_batch(model, path):
    f = _features(model)
    fn = tf.function(lambda x: model(x, training=False))
    concrete = fn.get_concrete_function(tf.ones((2, f), tf.float32))
    tf.saved_model.save(model, str(path), signatures=concrete)


@mistake("I left both dims free with TensorSpec((None, None)) to be flexible", replaces="export_serving")
def both_dims_none(model, path):
    fn = tf.function(lambda x: model(x, training=False),
                     input_signature=[tf.TensorSpec((None, None), tf.float32)])
    tf.saved_model.save(model, str(path), signatures={"serving_default": fn})


@mistake("I read the feature count from the last dim of the model's shape (the output's)", replaces="export_serving")
def features_from_output_shape(model, path):
    f = int(model.output_shape[-1])
    model.export(str(path), format="tf_saved_model", verbose=False,
                 input_signature=[tf.TensorSpec((None, f), tf.float32)])


@mistake("I declared the input as float64 for precision", replaces="export_serving")
def float64_signature(model, path):
    f = _features(model)
    fn = tf.function(lambda x: model(tf.cast(x, tf.float32), training=False),
                     input_signature=[tf.TensorSpec((None, f), tf.float64)])
    tf.saved_model.save(model, str(path), signatures={"serving_default": fn})


@mistake("I wrote it into a version subfolder path/1, the way TF Serving lays models out", replaces="export_serving")
def versioned_subfolder(model, path):
    model.export(os.path.join(path, "1"), format="tf_saved_model", verbose=False)


@mistake("I named the signature 'serve' like Keras' endpoint", replaces="export_serving")
def signature_named_serve(model, path):
    f = _features(model)
    fn = tf.function(lambda x: model(x, training=False),
                     input_signature=[tf.TensorSpec((None, f), tf.float32)])
    tf.saved_model.save(model, str(path), signatures={"serve": fn})


@mistake("I stripped a trailing slash from the path string first", replaces="export_serving")
def str_path_only(model, path):
    path = path.rstrip("/")
    model.export(path, format="tf_saved_model", verbose=False)


@mistake("I also return the softmax probabilities from the signature, as a bonus", replaces="export_serving")
def two_outputs(model, path):
    f = _features(model)

    def serving(x):
        y = model(x, training=False)
        return {"probabilities": tf.nn.softmax(y), "scores": y}

    fn = tf.function(serving, input_signature=[tf.TensorSpec((None, f), tf.float32)])
    tf.saved_model.save(model, str(path), signatures={"serving_default": fn})


@mistake("I cloned the model so exporting doesn't touch the caller's one", replaces="export_serving")
def exported_a_clone(model, path):
    copy = keras.models.clone_model(model)
    copy.export(str(path), format="tf_saved_model", verbose=False)


@mistake("I squeeze the output so a single example gives a flat vector", replaces="export_serving")
def squeezed_signature_output(model, path):
    f = _features(model)
    fn = tf.function(lambda x: {"output_0": tf.squeeze(model(x, training=False))},
                     input_signature=[tf.TensorSpec((None, f), tf.float32)])
    tf.saved_model.save(model, str(path), signatures={"serving_default": fn})


# ---------------------------------------------------------------------- serve


@mistake("I let Keras wrap it with TFSMLayer (default endpoint)", replaces="serve")
def tfsm_layer_default_endpoint(path, x):
    layer = keras.layers.TFSMLayer(str(path))
    return np.asarray(layer(x))


@mistake("I used keras.models.load_model, it loads any saved model", replaces="serve")
def keras_load_model(path, x):
    model = keras.models.load_model(path)
    return model.predict(x, verbose=0)


@mistake("I return what the signature returns", replaces="serve")
def returns_the_dict(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    name = next(iter(sig.structured_input_signature[1]))
    return {k: v.numpy() for k, v in sig(**{name: tf.constant(x)}).items()}


@mistake("I return the output tensor", replaces="serve")
def returns_a_tensor(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    name = next(iter(sig.structured_input_signature[1]))
    return next(iter(sig(**{name: tf.constant(x)}).values()))


@mistake("I pass the input by the name Keras gives it", replaces="serve")
def hardcoded_input_name(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return next(iter(sig(keras_tensor=tf.constant(x)).values())).numpy()


@mistake("I read the output called output_0, as Keras names it", replaces="serve")
def hardcoded_output_name(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return sig(tf.constant(x))["output_0"].numpy()


@mistake("I take the first signature in the folder, there is only one anyway", replaces="serve")
def first_signature(path, x):
    loaded = tf.saved_model.load(str(path))
    sig = list(loaded.signatures.values())[0]
    name = next(iter(sig.structured_input_signature[1]))
    return next(iter(sig(**{name: tf.constant(x)}).values())).numpy()


@mistake("I used the input tensor's name from sig.inputs as the keyword", replaces="serve")
def graph_tensor_name_as_keyword(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    name = sig.inputs[0].name
    return next(iter(sig(**{name: tf.constant(x)}).values())).numpy()


_LOADED = {}


@mistake("I cache the loaded model so serving is fast after the first call", replaces="serve")
def cache_ignores_path(path, x):
    if "sig" not in _LOADED:
        _LOADED["sig"] = tf.saved_model.load(str(path)).signatures["serving_default"]
    sig = _LOADED["sig"]
    return next(iter(sig(tf.constant(x)).values())).numpy()


@mistake("I squeeze the result to drop extra dims", replaces="serve")
def squeezed_result(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return np.squeeze(next(iter(sig(tf.constant(x)).values())).numpy())


@mistake("I convert the input to a float array first, to be safe", replaces="serve")
def float64_input(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    x = np.asarray(x, dtype=float)
    return next(iter(sig(tf.constant(x)).values())).numpy()


@mistake("I return the predictions as a float numpy array", replaces="serve")
def float64_result(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return np.array(next(iter(sig(tf.constant(x)).values())), dtype=float)


@mistake("I return the predictions as a (JSON-friendly) list", replaces="serve")
def returns_a_list(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return next(iter(sig(tf.constant(x)).values())).numpy().tolist()


@mistake("I serve one example at a time, like requests come in", replaces="serve")
def row_by_row_without_batch_dim(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    rows = [next(iter(sig(tf.constant(row)).values())).numpy() for row in x]
    return np.stack(rows)


@mistake("I round the predictions to two decimals like the example shows", replaces="serve")
def rounded_like_example(path, x):
    sig = tf.saved_model.load(str(path)).signatures["serving_default"]
    return np.round(next(iter(sig(tf.constant(x)).values())).numpy(), 2)


@mistake("I join the folder with saved_model.pb and load that", replaces="serve")
def loads_the_pb_file(path, x):
    loaded = tf.saved_model.load(os.path.join(str(path), "saved_model.pb"))
    sig = loaded.signatures["serving_default"]
    return next(iter(sig(tf.constant(x)).values())).numpy()


@mistake("I add '/' to the path string before loading", replaces="serve")
def string_concat_path(path, x):
    sig = tf.saved_model.load(path + "/").signatures["serving_default"]
    return next(iter(sig(tf.constant(x)).values())).numpy()


# Added while merging: pins the output dtype the docstring now states
@mistake("cast the signature's output to float64 'for precision': the output must stay float32", replaces="export_serving")
def float64_output(model, path):
    fn = tf.function(lambda x: {"output_0": tf.cast(model(x, training=False), tf.float64)},
                     input_signature=[tf.TensorSpec((None, _features(model)), tf.float32)])
    tf.saved_model.save(model, str(path), signatures={"serving_default": fn})
