"""Blind red team: wrong answers for kata deploy/saved_model."""
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from katas._support.mistakes import mistake


@mistake(
    "wrote the SavedModel into a version subfolder path/1, the layout TF Serving scans; the "
    "docstring asks for the folder path itself",
    replaces="export_serving",
)
def versioned_subfolder(model, path):
    model.export(str(Path(path) / "1"), format="tf_saved_model")


@mistake(
    "hard-coded the docstring example's 4 features in the signature instead of reading the "
    "model's own input width",
    replaces="export_serving",
)
def hard_coded_four_features(model, path):
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=lambda x: model(x, training=False),
        input_signature=[tf.TensorSpec(shape=(None, 4), dtype=tf.float32)],
    )
    archive.write_out(str(path))


@mistake(
    "traced the signature on a single example row, so its input is (1, features) and only a "
    "batch of one is served, not (None, features)",
    replaces="export_serving",
)
def batch_of_one_signature(model, path):
    features = int(model.inputs[0].shape[-1])
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=lambda x: model(x, training=False),
        input_signature=[tf.TensorSpec(shape=(1, features), dtype=tf.float32)],
    )
    archive.write_out(str(path))


@mistake(
    "returned softmax probabilities next to the raw output for the client's convenience; the "
    "signature must return one entry, the model's output as it is",
    replaces="export_serving",
)
def extra_probabilities_output(model, path):
    features = int(model.inputs[0].shape[-1])

    def serving(x):
        y = model(x, training=False)
        return {"outputs": y, "probabilities": tf.nn.softmax(y)}

    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=serving,
        input_signature=[tf.TensorSpec(shape=(None, features), dtype=tf.float32)],
    )
    archive.write_out(str(path))


@mistake(
    "cast the served output to float64 'for precision'; the docstring asks for the model's "
    "float32 output, no cast",
    replaces="export_serving",
)
def output_cast_to_float64(model, path):
    features = int(model.inputs[0].shape[-1])
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=lambda x: tf.cast(model(x, training=False), tf.float64),
        input_signature=[tf.TensorSpec(shape=(None, features), dtype=tf.float32)],
    )
    archive.write_out(str(path))


@mistake(
    "called the model with training=True in the serving function, taking it to mean 'use the "
    "trained weights'; dropout then stays on in the served model",
    replaces="export_serving",
)
def served_in_training_mode(model, path):
    features = int(model.inputs[0].shape[-1])
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serving_default",
        fn=lambda x: model(x, training=True),
        input_signature=[tf.TensorSpec(shape=(None, features), dtype=tf.float32)],
    )
    archive.write_out(str(path))


@mistake(
    "loaded the folder with keras.models.load_model; Keras 3 does not load a SavedModel folder, "
    "and a Keras load would need the custom layer's class anyway",
    replaces="serve",
)
def keras_load_model(path, x):
    model = keras.models.load_model(str(path))
    return np.asarray(model.predict(x, verbose=0), dtype=np.float32)


@mistake(
    "called the signature with the keyword Keras used in the example (keras_tensor=...); other "
    "writers, and Keras in a busier process, name the input differently",
    replaces="serve",
)
def hard_coded_input_keyword(path, x):
    fn = tf.saved_model.load(str(path)).signatures["serving_default"]
    outputs = fn(keras_tensor=tf.constant(x))
    return next(iter(outputs.values())).numpy()


@mistake(
    "took the result under the key 'output_0' that Keras writes; a signature from another "
    "writer names its output differently",
    replaces="serve",
)
def hard_coded_output_key(path, x):
    fn = tf.saved_model.load(str(path)).signatures["serving_default"]
    input_name = next(iter(fn.structured_input_signature[1]))
    outputs = fn(**{input_name: tf.constant(x)})
    return outputs["output_0"].numpy()


@mistake(
    "rounded the predictions to 2 decimals, as the docstring's example shows them; the values "
    "must come back unrounded",
    replaces="serve",
)
def rounded_predictions(path, x):
    fn = tf.saved_model.load(str(path)).signatures["serving_default"]
    input_name = next(iter(fn.structured_input_signature[1]))
    outputs = fn(**{input_name: tf.constant(x)})
    values = next(iter(outputs.values())).numpy()
    return np.round(values, 2).astype(np.float32)


_LOADED = {}


@mistake(
    "loaded the SavedModel once into a module-level slot and reused it; a later call with "
    "another folder serves the first folder's model",
    replaces="serve",
)
def loaded_once_ignoring_path(path, x):
    if "model" not in _LOADED:
        _LOADED["model"] = tf.saved_model.load(str(path))
    fn = _LOADED["model"].signatures["serving_default"]
    input_name = next(iter(fn.structured_input_signature[1]))
    outputs = fn(**{input_name: tf.constant(x)})
    return next(iter(outputs.values())).numpy()


@mistake(
    "called the Keras endpoint loaded.serve(x) instead of the 'serving_default' signature; a "
    "SavedModel from another writer has no such endpoint",
    replaces="serve",
)
def keras_serve_endpoint(path, x):
    loaded = tf.saved_model.load(str(path))
    return np.asarray(loaded.serve(tf.constant(x)), dtype=np.float32)
