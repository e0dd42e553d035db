"""Blind red team: correct answers in other styles for kata keras/checkpoint."""
import os
from pathlib import Path

import keras
from katas._support.mistakes import alternative


@alternative("os.fspath for the check, keras.saving.save_model instead of model.save",
             replaces="save_model")
def save_with_saving_api(model, path):
    filename = os.fspath(path)
    if not filename.endswith(".keras"):
        raise ValueError(f"expected a path ending in .keras, got {filename}")
    keras.saving.save_model(model, filename)


@alternative("Path object handed to model.save, f-string of the path in the message",
             replaces="save_model")
def save_path_object(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path}: only the native .keras format is accepted (not .h5, not SavedModel)")
    model.save(Path(path))


@alternative("keras.models.load_model with every argument spelled out; slice comparison for the "
             "extension", replaces="load_model")
def load_with_models_api(path):
    if str(path)[-len(".keras"):] != ".keras":
        raise ValueError(f"load_model needs a .keras file, not {str(path)}")
    return keras.models.load_model(path, custom_objects=None, compile=True, safe_mode=True)


@alternative("str path handed to keras.saving.load_model, keyword filepath", replaces="load_model")
def load_with_str_path(path):
    filename = str(path)
    if not filename.endswith(".keras"):
        raise ValueError(f"{filename} does not end in .keras")
    return keras.saving.load_model(filepath=filename, safe_mode=True)
