"""Reference answer of kata deploy/saved_model."""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf


def export_serving(model: keras.Model, path: str | Path) -> None:
    # Keras 3 writes the signatures "serve" and "serving_default", batch dimension None,
    # tracing the model with training=False.
    model.export(str(path), format="tf_saved_model", verbose=False)


def serve(path: str | Path, x: np.ndarray) -> np.ndarray:
    signature = tf.saved_model.load(str(path)).signatures["serving_default"]
    (name,) = signature.structured_input_signature[1]  # the writer's name for the input (keyword call)
    (output,) = signature(**{name: tf.constant(x)}).values()
    return output.numpy()
