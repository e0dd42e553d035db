"""Reference answer of kata keras/checkpoint."""

from pathlib import Path

import keras


def _check_extension(path: str | Path) -> None:
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)!r}: a Keras model file must end in .keras (the Keras 3 format)")


def save_model(model: keras.Model, path: str | Path) -> None:
    _check_extension(path)
    model.save(path)


def load_model(path: str | Path) -> keras.Model:
    _check_extension(path)
    return keras.saving.load_model(path, safe_mode=True)  # refuses to rebuild Python code (lambdas) from the file
