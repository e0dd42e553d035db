"""Reference answer of kata keras/port_weights."""

import keras
import numpy as np


def port_mlp(state_dict: dict[str, np.ndarray], model: keras.Model) -> None:
    first, second = (layer for layer in model.layers if isinstance(layer, keras.layers.Dense))
    first.set_weights([state_dict["0.weight"].T, state_dict["0.bias"]])  # Linear (out, in) -> Dense (in, out)
    second.set_weights([state_dict["2.weight"].T, state_dict["2.bias"]])


def port_conv(state_dict: dict[str, np.ndarray], model: keras.Model) -> None:
    conv = next(layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D))
    dense = next(layer for layer in model.layers if isinstance(layer, keras.layers.Dense))
    conv.set_weights([state_dict["0.weight"].transpose(2, 3, 1, 0), state_dict["0.bias"]])  # OIHW -> HWIO
    _, height, width, channels = conv.output.shape
    weight = state_dict["3.weight"]  # its columns follow torch's flatten order: channel, row, column
    weight = weight.reshape(-1, channels, height, width).transpose(0, 2, 3, 1).reshape(len(weight), -1)
    dense.set_weights([weight.T, state_dict["3.bias"]])  # now row, column, channel: Keras' order
