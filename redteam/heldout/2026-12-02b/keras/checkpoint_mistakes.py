"""Blind red team: wrong answers for kata keras/checkpoint."""
import os
from pathlib import Path

import keras
from katas._support.mistakes import mistake


@mistake("no extension check of my own: relied on model.save, which happily writes model.h5 (legacy HDF5)",
         replaces="save_model")
def relies_on_keras_extension_check(model, path):
    model.save(path)


@mistake("checked '\"keras\" in path' instead of the ending, so model.keras.h5 is accepted",
         replaces="save_model")
def substring_keras_check(model, path):
    if "keras" not in str(path):
        raise ValueError(f"{path} must end in .keras")
    model.save(path)


@mistake("error message names only the file name (os.path.basename), not the whole path",
         replaces="save_model")
def message_with_file_name_only(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{os.path.basename(str(path))} must end in .keras")
    model.save(path)


@mistake("error message says 'unsupported format' but never mentions .keras", replaces="save_model")
def message_without_extension(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"unsupported file format: {path}")
    model.save(path)


@mistake("used assert for the extension check (AssertionError, not ValueError)", replaces="save_model")
def assert_instead_of_value_error(model, path):
    assert str(path).endswith(".keras"), f"{path} must end in .keras"
    model.save(path)


@mistake("called path.endswith directly: breaks (AttributeError) for a pathlib.Path", replaces="save_model")
def endswith_on_path_object(model, path):
    if not path.endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    model.save(path)


@mistake("compiled the model again before saving, to be sure it is saved compiled "
         "(throws away its optimizer and its state)", replaces="save_model")
def recompiles_before_saving(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    model.compile(optimizer="adam", loss="mse")
    model.save(path)


@mistake("loaded with safe_mode=False, so a Lambda layer's code runs instead of being refused",
         replaces="load_model")
def unsafe_load(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    return keras.saving.load_model(path, safe_mode=False)


@mistake("no extension check in load_model: left it to keras.saving.load_model (loads .h5 files, "
         "or fails with another error)", replaces="load_model")
def load_without_extension_check(path):
    return keras.saving.load_model(path, safe_mode=True)


@mistake("checked that the file exists before checking the extension (FileNotFoundError for a missing model.h5)",
         replaces="load_model")
def existence_checked_before_extension(path):
    if not Path(path).exists():
        raise FileNotFoundError(f"no model saved at {path}")
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    return keras.saving.load_model(path, safe_mode=True)


@mistake("loaded with compile=False because only predictions were needed", replaces="load_model")
def load_uncompiled(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    return keras.saving.load_model(path, compile=False, safe_mode=True)


@mistake("compiled the loaded model again with a new 'adam' (its saved optimizer state is lost)",
         replaces="load_model")
def recompiles_after_loading(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    model = keras.saving.load_model(path, safe_mode=True)
    model.compile(optimizer="adam", loss=model.loss)
    return model


@mistake("caught Keras's ValueError and raised a friendlier one that no longer names the Lambda layer",
         replaces="load_model")
def hides_lambda_in_message(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    try:
        return keras.saving.load_model(path, safe_mode=True)
    except ValueError as err:
        raise ValueError("refusing to load this model: it would run arbitrary Python code") from err
