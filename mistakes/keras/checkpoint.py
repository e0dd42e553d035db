"""Named mistakes of kata keras/checkpoint."""

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
