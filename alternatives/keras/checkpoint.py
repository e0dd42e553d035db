"""Correct alternatives of kata keras/checkpoint: other styles the tests must accept."""

import os
from pathlib import Path

import keras

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("Path(path).suffix check, message with {path!r}, keras.saving.save_model function",
             replaces="save_model")
def suffix_repr_save(model, path):
    if Path(path).suffix != ".keras":
        raise ValueError(f"expected a path ending in '.keras', got {path!r}")
    keras.saving.save_model(model, path)


@alternative("os.fspath + str.endswith, then model.save with overwrite=True and zipped=True spelled out",
             replaces="save_model")
def fspath_explicit_save(model, path):
    filepath = os.fspath(path)
    if not filepath.endswith(".keras"):
        raise ValueError("Keras 3 native format only: the file name must end in .keras, not " + filepath)
    model.save(filepath, overwrite=True, zipped=True)


@alternative("converts to str first, then the same endswith check; model.save(Path)", replaces="save_model")
def path_object_save(model, path):
    path = Path(path)
    if not str(path).endswith(".keras"):
        raise ValueError(f"Cannot save to {path}: use a .keras file")
    model.save(path)


@alternative("the keras.models.load_model alias, safe_mode=True and compile=True spelled out",
             replaces="load_model")
def models_alias_load(path):
    if Path(path).suffix != ".keras":
        raise ValueError(f"expected a path ending in '.keras', got {path!r}")
    return keras.models.load_model(path, compile=True, safe_mode=True)


@alternative("os.fspath then keras.saving.load_model(filepath=..., custom_objects=None, safe_mode=True)",
             replaces="load_model")
def fspath_keywords_load(path):
    filepath = os.fspath(path)
    if not filepath.endswith(".keras"):
        raise ValueError(f"{filepath} is not a .keras file")
    model = keras.saving.load_model(filepath=filepath, custom_objects=None, safe_mode=True)
    return model
