"""Named mistakes of kata deploy/saved_model."""

from pathlib import Path

import keras
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
