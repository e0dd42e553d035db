"""Named mistakes of kata keras/port_weights."""

import keras

from katas._support.mistakes import mistake


@mistake("Dense kernel not transposed: the Linear weight reshaped to (in, out)", replaces="port_mlp")
def reshaped_not_transposed(state_dict, model):
    for layer, key in zip((l for l in model.layers if isinstance(l, keras.layers.Dense)), ("0", "2")):
        weight = state_dict[f"{key}.weight"]
        layer.set_weights([weight.reshape(weight.shape[::-1]), state_dict[f"{key}.bias"]])


@mistake("conv kernel reshaped to (kh, kw, in, out) instead of transposed", replaces="port_conv")
def conv_reshaped(state_dict, model):
    conv, dense = (next(l for l in model.layers if isinstance(l, kind)) for kind in (keras.layers.Conv2D, keras.layers.Dense))
    weight = state_dict["0.weight"]
    conv.set_weights([weight.reshape(weight.shape[2], weight.shape[3], weight.shape[1], weight.shape[0]), state_dict["0.bias"]])
    _, height, width, channels = conv.output.shape
    dense_weight = state_dict["3.weight"].reshape(-1, channels, height, width).transpose(0, 2, 3, 1)
    dense.set_weights([dense_weight.reshape(len(dense_weight), -1).T, state_dict["3.bias"]])


@mistake("ignored the flatten order: NCHW flattens channel-major, NHWC channel-minor", replaces="port_conv")
def flatten_order_ignored(state_dict, model):
    conv, dense = (next(l for l in model.layers if isinstance(l, kind)) for kind in (keras.layers.Conv2D, keras.layers.Dense))
    conv.set_weights([state_dict["0.weight"].transpose(2, 3, 1, 0), state_dict["0.bias"]])
    dense.set_weights([state_dict["3.weight"].T, state_dict["3.bias"]])
