"""Blind red team: correct alternative answers for kata keras/checkpoint."""
import os
from pathlib import Path

import keras
from katas._support.mistakes import alternative


@alternative("os.fspath + keras.saving.save_model, message quotes the path with repr", replaces="save_model")
def save_with_saving_api(model, path):
    path_str = os.fspath(path)
    if not path_str.endswith(".keras"):
        raise ValueError(f"expected a path ending in .keras, got {path_str!r}")
    keras.saving.save_model(model, path_str)


@alternative("checks Path(path).name, saves with keras.models.save_model on str(path)", replaces="save_model")
def save_with_models_api(model, path):
    if not Path(path).name.endswith(".keras"):
        raise ValueError("Only the native Keras format is accepted: the path must end in '.keras' "
                         "(got " + str(path) + ")")
    keras.models.save_model(model, str(path))


@alternative("model.save(str(path)) after a slice check of the last six characters", replaces="save_model")
def save_with_slice_check(model, path):
    text = str(path)
    if text[-len(".keras"):] != ".keras":
        raise ValueError(f"{text}: not a .keras file")
    model.save(text)


@alternative("keras.models.load_model with compile=True and safe_mode=True spelled out", replaces="load_model")
def load_with_models_api(path):
    text = str(path)
    if not text.endswith(".keras"):
        raise ValueError(f"{text} does not end in .keras")
    return keras.models.load_model(text, compile=True, safe_mode=True)


@alternative("os.fspath and keras.saving.load_model, message quotes the path with repr", replaces="load_model")
def load_with_fspath(path):
    path_str = os.fspath(path)
    if not path_str.endswith(".keras"):
        raise ValueError(f"expected a path ending in .keras, got {path_str!r}")
    model = keras.saving.load_model(path_str, safe_mode=True)
    return model
