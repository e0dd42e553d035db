"""Named mistakes of kata keras/checkpoint."""

import os
import pickle
from pathlib import Path

import keras

from katas._support.mistakes import mistake


@mistake("loaded with safe_mode=False: the file's lambda code runs", replaces="load_model")
def unsafe_load(path):
    return keras.saving.load_model(path, safe_mode=False)


@mistake("no extension check: .h5 is saved in the legacy format without a word", replaces="save_model")
def any_extension(model, path):
    model.save(path)


@mistake("rebuilt a fresh model from the saved configuration without its weights", replaces="load_model")
def architecture_only(path):
    return keras.Sequential.from_config(keras.saving.load_model(path).get_config())


# Written blind, from the stub alone (red team, 2026-12)


def _require_keras(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path}: this kata saves and loads .keras files only")


@mistake("checked '.keras' in the path instead of the ending, so 'model.keras.h5' is accepted",
         replaces="save_model")
def contains_check_save(model, path):
    if ".keras" not in str(path):
        raise ValueError(f"{path} must end in .keras")
    model.save(path)


@mistake("error message says what is wrong but does not name the path", replaces="save_model")
def pathless_message_save(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError("the file name must end in .keras")
    model.save(path)


@mistake("error message names the path but never says '.keras'", replaces="save_model")
def no_extension_message_save(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"unsupported model file format: {path}")
    model.save(path)


@mistake("raised TypeError for a wrong extension instead of ValueError", replaces="save_model")
def type_error_save(model, path):
    if not str(path).endswith(".keras"):
        raise TypeError(f"{path} must end in .keras")
    model.save(path)


@mistake("called path.endswith(...) directly: a pathlib.Path has no endswith (AttributeError)",
         replaces="save_model")
def str_only_save(model, path):
    if not path.endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    model.save(path)


@mistake("message names only the file name (Path(path).name), not the path that was given",
         replaces="save_model")
def file_name_only_message_save(model, path):
    if Path(path).suffix != ".keras":
        raise ValueError(f"{Path(path).name} must end in .keras")
    model.save(path)


@mistake("exported a TensorFlow SavedModel (model.export) under the .keras name", replaces="save_model")
def export_save(model, path):
    _require_keras(path)
    model.export(str(path), verbose=False)


@mistake("recompiled the model before saving 'so the file has an optimizer', losing its optimizer state",
         replaces="save_model")
def recompile_then_save(model, path):
    _require_keras(path)
    model.compile(optimizer="adam", loss="mse")
    model.save(path)


@mistake("no check on load: keras.saving.load_model happily reads a legacy .h5 file", replaces="load_model")
def unchecked_load(path):
    return keras.saving.load_model(path, safe_mode=True)


@mistake("accepted .h5 too on load 'for compatibility'", replaces="load_model")
def h5_friendly_load(path):
    if Path(path).suffix not in (".keras", ".h5"):
        raise ValueError(f"{path} must end in .keras")
    return keras.saving.load_model(path, safe_mode=True)


@mistake("loaded with compile=False: the optimizer and its state are dropped", replaces="load_model")
def uncompiled_load(path):
    _require_keras(path)
    return keras.saving.load_model(path, compile=False, safe_mode=True)


@mistake("unpickled the file with pickle.load: not Keras' loader, and not safe", replaces="load_model")
def pickle_load(path):
    _require_keras(path)
    with open(path, "rb") as f:
        return pickle.load(f)


@mistake("checked that the file exists before the extension, so a missing .h5 raises "
         "FileNotFoundError instead of ValueError", replaces="load_model")
def exists_first_load(path):
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    _require_keras(path)
    return keras.saving.load_model(path, safe_mode=True)


@mistake("compared Path(path).suffix with 'keras' (no dot), so every path is refused", replaces="load_model")
def dotless_suffix_load(path):
    if Path(path).suffix != "keras":
        raise ValueError(f"{path} must end in .keras")
    return keras.saving.load_model(path, safe_mode=True)


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("checked path.suffix: works for a pathlib.Path, fails on a str such as the docstring's 'model.keras'",
         replaces="save_model")
def suffix_of_a_path_only(model, path):
    if path.suffix != ".keras":
        raise ValueError(f"{path}: a Keras model file must end in .keras")
    model.save(path)
