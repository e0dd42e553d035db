"""Kata keras/regression: hours studied -> exam score, the Keras way.

Keras builds, trains and uses a model in three calls: ``compile`` (optimizer and loss),
``fit`` (the training loop you wrote by hand in loops/four_beats) and ``predict``.
Keras 3 declares the input with ``keras.Input(shape=...)`` as the first item of a
``keras.Sequential``; the Keras 2 habit of ``input_shape=`` on the first layer is deprecated.
Runs on any Keras backend.
"""

import keras
import numpy as np


def build_regressor() -> keras.Sequential:
    """One input (hours), one output (score): ``keras.Input(shape=(1,))`` then ``Dense(1)``."""
    raise NotImplementedError("build_regressor(): not implemented yet (kata keras/regression)")


def train_regressor(model: keras.Model, hours: np.ndarray, scores: np.ndarray, epochs: int = 25) -> keras.callbacks.History:
    """Compile ``model`` with ``keras.optimizers.Adam(learning_rate=1.0)`` and the mean squared
    error, fit it on hours (shape (N,)) and scores (N,) for ``epochs`` epochs with batch_size=1
    and verbose=0, and return what ``fit`` returns. (The large learning rate is because the
    scores are not scaled: the bias has to travel to about 47.)
    """
    raise NotImplementedError("train_regressor(): not implemented yet (kata keras/regression)")


def predict_score(model: keras.Model, hours: float) -> float:
    """The model's predicted score for ``hours``, as a Python float.

    >>> predict_score(trained_model, 9.0)
    93.8...
    """
    raise NotImplementedError("predict_score(): not implemented yet (kata keras/regression)")
