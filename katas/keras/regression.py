"""Kata keras/regression: hours studied -> exam score, the Keras way.

Keras builds, trains and uses a model in three calls: ``compile`` (optimizer and loss),
``fit`` (the training loop you wrote by hand in loops/four_beats) and ``predict``.
Keras 3 declares the input with ``keras.Input(shape=...)``: the first item of a
``keras.Sequential`` (or the start of a functional ``keras.Model(inputs, outputs)``: either is
fine). The Keras 2 habit of ``input_shape=`` on the first layer is deprecated: Keras 3 warns,
and the tests fail it.
Runs on any Keras backend.
"""

import keras
import numpy as np


def build_regressor() -> keras.Model:
    """One input (hours), one output (score): ``keras.Input(shape=(1,))`` then one ``Dense(1)``
    with its bias and no activation: the straight line score = w * hours + b, two parameters.
    """
    raise NotImplementedError("build_regressor(): not implemented yet (kata keras/regression)")


def train_regressor(model: keras.Model, hours: np.ndarray, scores: np.ndarray, epochs: int = 25) -> keras.callbacks.History:
    """Compile ``model`` with ``keras.optimizers.Adam(learning_rate=1.0)`` and the mean squared
    error (compile it even if it came compiled with something else), fit it on the hours as
    given (shape (N,), not rescaled) as inputs and the scores (N,) as targets for exactly
    ``epochs`` epochs with batch_size=1 (one step per sample) and verbose=0 (nothing printed),
    and return what ``fit`` returns: the ``History``, not its ``.history`` dict. Shuffling or
    not is up to you. (The large learning rate is because the scores are not scaled: the bias
    has to travel to about 47.)
    """
    raise NotImplementedError("train_regressor(): not implemented yet (kata keras/regression)")


def predict_score(model: keras.Model, hours: float) -> float:
    """The model's predicted score for ``hours`` (any float: 9.5 hours stay 9.5), as a Python
    float, not rounded. ``model`` may be any Keras model with one input and one output, not only
    yours. Keras predicts on a batch held in a NumPy array: ``np.array([[hours]])``, shape
    (1, 1); it refuses a Python list such as ``[[hours]]``.

    >>> predict_score(trained_model, 9.0)   # after train_regressor's 25 epochs (it varies a little)
    93.8...
    """
    raise NotImplementedError("predict_score(): not implemented yet (kata keras/regression)")
