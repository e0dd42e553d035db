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
    """Save ``model`` (as it is: do not compile it again) to ``path``, a ``str`` or a
    ``pathlib.Path`` that must end in ``.keras``. Any other path (``model.h5``,
    ``model.keras.h5``, ``model``) raises a ``ValueError`` whose message names the whole path as
    given (``str(path)``, not only the file name) and says ".keras".
    """
    raise NotImplementedError("save_model(): not implemented yet (kata keras/checkpoint)")


def load_model(path: str | Path) -> keras.Model:
    """The model saved at ``path``, compiled, with its weights and its optimizer state, loaded
    safely: a file that would run Python code is refused with a ``ValueError`` that names the
    ``Lambda`` layer. The extension is checked first: a path that does not end in ``.keras``
    raises the ``ValueError`` described in ``save_model``, whether or not the file exists.

    >>> save_model(model, "model.keras")
    >>> np.array_equal(load_model("model.keras").predict(x), model.predict(x))
    True
    """
    raise NotImplementedError("load_model(): not implemented yet (kata keras/checkpoint)")
