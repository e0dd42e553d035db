"""Kata keras/checkpoint: save a whole Keras model and reload it so it predicts identically.

Keras 3 saves a model (architecture, weights, optimizer state) into one ``.keras`` file with
``model.save(path)`` and reloads it with ``keras.saving.load_model(path)``. The older ``.h5``
(and TensorFlow's SavedModel folders, and tf-keras) are other formats: this kata accepts
``.keras`` only. A ``.keras`` file can describe a ``Lambda`` layer, whose Python code would run
when the model is rebuilt; ``safe_mode=True`` (the default: say it anyway) refuses such files.
Runs on any Keras backend.
"""

from pathlib import Path

import keras


def save_model(model: keras.Model, path: str | Path) -> None:
    """Save ``model`` to ``path``, which must end in ``.keras``: any other path raises a
    ``ValueError`` whose message names the path and says ".keras".
    """
    raise NotImplementedError("save_model(): not implemented yet (kata keras/checkpoint)")


def load_model(path: str | Path) -> keras.Model:
    """The model saved at ``path`` (a ``.keras`` file, or ``ValueError`` as above), loaded
    safely: a file that would run Python code is refused.

    >>> save_model(model, "model.keras")
    >>> np.array_equal(load_model("model.keras").predict(x), model.predict(x))
    True
    """
    raise NotImplementedError("load_model(): not implemented yet (kata keras/checkpoint)")
