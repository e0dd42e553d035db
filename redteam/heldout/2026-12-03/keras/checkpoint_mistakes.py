"""Blind red team: wrong answers for kata keras/checkpoint."""
from pathlib import Path

import keras
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- save_model

@mistake("checked that '.keras' is IN the path rather than at its end, so model.keras.h5 slips through "
         "and is written as HDF5 instead of raising ValueError", replaces="save_model")
def save_checks_substring(model, path):
    if ".keras" not in str(path):
        raise ValueError(f"{str(path)}: the path must end in .keras")
    model.save(path)


@mistake("named only the file name in the error (Path(path).name), not the whole path as given",
         replaces="save_model")
def save_error_names_file_only(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"cannot save to {Path(path).name}: use a .keras file")
    model.save(path)


@mistake("the error says the format is unsupported but never mentions '.keras'",
         replaces="save_model")
def save_error_without_extension_hint(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"unsupported file format: {str(path)}")
    model.save(path)


@mistake("quietly appended '.keras' to a wrong path instead of raising ValueError",
         replaces="save_model")
def save_appends_extension(model, path):
    filename = str(path)
    if not filename.endswith(".keras"):
        filename += ".keras"
    model.save(filename)


@mistake("compiled the model again before saving so the file 'has an optimizer': the saved "
         "optimizer state and loss are not the model's (the docstring says save it as it is)",
         replaces="save_model")
def save_recompiles_first(model, path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)} must end in .keras")
    model.compile(optimizer="adam", loss="mse")
    model.save(path)


@mistake("called path.endswith(...) directly: fine for a str, but a pathlib.Path has no endswith, "
         "so a Path raises AttributeError", replaces="save_model")
def save_accepts_only_str(model, path):
    if not path.endswith(".keras"):
        raise ValueError(f"{path} must end in .keras")
    model.save(path)


@mistake("raised TypeError for a wrong extension instead of ValueError", replaces="save_model")
def save_raises_type_error(model, path):
    if not str(path).endswith(".keras"):
        raise TypeError(f"{str(path)} must end in .keras")
    model.save(path)


# ---------------------------------------------------------------- load_model

@mistake("loaded with safe_mode=False so Lambda layers 'just work': the Python code in the file runs "
         "instead of being refused", replaces="load_model")
def load_unsafe(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)} must end in .keras")
    return keras.saving.load_model(path, safe_mode=False)


@mistake("loaded with compile=False to be quick: no compiled loss and no optimizer state",
         replaces="load_model")
def load_uncompiled(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)} must end in .keras")
    return keras.saving.load_model(path, compile=False, safe_mode=True)


@mistake("left the extension check to Keras: an existing .h5 file is loaded instead of refused with "
         "the ValueError of save_model", replaces="load_model")
def load_without_extension_check(path):
    return keras.saving.load_model(path, safe_mode=True)


@mistake("tried safe mode first and, on ValueError, fell back to safe_mode=False, so a Lambda file "
         "loads after all", replaces="load_model")
def load_falls_back_to_unsafe(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)} must end in .keras")
    try:
        return keras.saving.load_model(path, safe_mode=True)
    except ValueError:
        return keras.saving.load_model(path, safe_mode=False)


@mistake("caught Keras' refusal and raised my own ValueError, whose message no longer names the "
         "Lambda layer", replaces="load_model")
def load_hides_lambda_in_error(path):
    if not str(path).endswith(".keras"):
        raise ValueError(f"{str(path)} must end in .keras")
    try:
        return keras.saving.load_model(path, safe_mode=True)
    except ValueError as error:
        raise ValueError(f"refusing to load {str(path)}: the file is not safe") from error
