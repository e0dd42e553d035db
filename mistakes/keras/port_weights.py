"""Named mistakes of kata keras/port_weights."""

import keras
import numpy as np

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


@mistake("transposed into the caller's state dict (state_dict[key] = weight.T) before copying: the port works, "
         "the PyTorch weights are left in Keras' layout", replaces="port_mlp")
def wrote_into_the_state_dict(state_dict, model):
    for key in ("0.weight", "2.weight"):
        state_dict[key] = state_dict[key].T
    model.set_weights([state_dict[key] for key in ("0.weight", "0.bias", "2.weight", "2.bias")])


# Written blind, from the stub alone (red team, 2026-12)


def _dense_layers(model):
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def _conv_out_hw(model):
    conv = next(layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D))
    _, h, w, c = conv.output.shape
    return conv, h, w, c


def _port_first_conv(state_dict, conv):
    conv.set_weights([state_dict["0.weight"].transpose(2, 3, 1, 0), state_dict["0.bias"]])


def _dense_rows_from_torch(weight, c, h, w):
    n = weight.shape[0]
    return weight.reshape(n, c, h, w).transpose(2, 3, 1, 0).reshape(h * w * c, n)


# ---------------------------------------------------------------- port_mlp

@mistake("copies the torch weight as the kernel without transposing (works only when in == out)",
         replaces="port_mlp")
def mlp_no_transpose(state_dict, model):
    d1, d2 = _dense_layers(model)
    d1.kernel.assign(state_dict["0.weight"])
    d1.bias.assign(state_dict["0.bias"])
    d2.kernel.assign(state_dict["2.weight"])
    d2.bias.assign(state_dict["2.bias"])


@mistake("forgets the biases: only the kernels are copied", replaces="port_mlp")
def mlp_forgets_biases(state_dict, model):
    d1, d2 = _dense_layers(model)
    d1.kernel.assign(state_dict["0.weight"].T)
    d2.kernel.assign(state_dict["2.weight"].T)


@mistake("transposes the first layer's weight but not the second one's", replaces="port_mlp")
def mlp_transposes_only_first(state_dict, model):
    d1, d2 = _dense_layers(model)
    d1.set_weights([state_dict["0.weight"].T, state_dict["0.bias"]])
    d2.set_weights([state_dict["2.weight"].reshape(d2.kernel.shape), state_dict["2.bias"]])


@mistake("swaps the two layers' biases", replaces="port_mlp")
def mlp_swapped_biases(state_dict, model):
    d1, d2 = _dense_layers(model)
    b1, b2 = state_dict["0.bias"], state_dict["2.bias"]
    if b1.shape == b2.shape:
        b1, b2 = b2, b1
    d1.set_weights([state_dict["0.weight"].T, b1])
    d2.set_weights([state_dict["2.weight"].T, b2])


@mistake("ports into a clone of the model and leaves the given model untouched", replaces="port_mlp")
def mlp_ports_a_clone(state_dict, model):
    clone = keras.models.clone_model(model)
    clone.set_weights([state_dict["0.weight"].T, state_dict["0.bias"],
                       state_dict["2.weight"].T, state_dict["2.bias"]])
    return clone


# ---------------------------------------------------------------- port_conv

@mistake("transposes OIHW with (3, 2, 1, 0): gets W, H, I, O, the kernel mirrored across its diagonal",
         replaces="port_conv")
def conv_kernel_spatially_transposed(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    conv.set_weights([state_dict["0.weight"].transpose(3, 2, 1, 0), state_dict["0.bias"]])
    dense.set_weights([_dense_rows_from_torch(state_dict["3.weight"], c, h, w), state_dict["3.bias"]])


@mistake("transposes OIHW with (2, 3, 0, 1): HWOI, in and out channels swapped (works only when c_in == c_out "
         "shape-wise)", replaces="port_conv")
def conv_in_out_swapped(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    kernel = state_dict["0.weight"].transpose(2, 3, 0, 1)
    conv.set_weights([kernel.reshape(conv.kernel.shape), state_dict["0.bias"]])
    dense.set_weights([_dense_rows_from_torch(state_dict["3.weight"], c, h, w), state_dict["3.bias"]])


@mistake("flips the kernel spatially, thinking Keras does a true convolution and PyTorch a correlation",
         replaces="port_conv")
def conv_flipped_kernel(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    kernel = state_dict["0.weight"][:, :, ::-1, ::-1].transpose(2, 3, 1, 0)
    conv.set_weights([np.ascontiguousarray(kernel), state_dict["0.bias"]])
    dense.set_weights([_dense_rows_from_torch(state_dict["3.weight"], c, h, w), state_dict["3.bias"]])


@mistake("reorders the Linear columns as (n, h, w, c) by reshape alone, no axis permutation",
         replaces="port_conv")
def conv_reshape_only_dense(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    _port_first_conv(state_dict, conv)
    weight = state_dict["3.weight"]
    n = weight.shape[0]
    kernel = weight.reshape(n, h, w, c).reshape(n, -1).T
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake("permutes the Linear columns to (w, h, c) order instead of (h, w, c)", replaces="port_conv")
def conv_dense_w_h_swapped(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    _port_first_conv(state_dict, conv)
    weight = state_dict["3.weight"]
    n = weight.shape[0]
    kernel = weight.reshape(n, c, h, w).transpose(3, 2, 1, 0).reshape(h * w * c, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake("guesses the feature map height as round(sqrt(features / c_out)), i.e. assumes a square map", replaces="port_conv")
def conv_assumes_square_map(state_dict, model):
    conv, _, _, _ = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    _port_first_conv(state_dict, conv)
    weight = state_dict["3.weight"]
    n, features = weight.shape
    c = state_dict["0.weight"].shape[0]
    side = int(round((features / c) ** 0.5))
    kernel = weight.reshape(n, c, side, -1).transpose(2, 3, 1, 0).reshape(features, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake("forgets the conv bias", replaces="port_conv")
def conv_forgets_conv_bias(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    conv.kernel.assign(state_dict["0.weight"].transpose(2, 3, 1, 0))
    dense.set_weights([_dense_rows_from_torch(state_dict["3.weight"], c, h, w), state_dict["3.bias"]])


@mistake("forgets the Dense bias", replaces="port_conv")
def conv_forgets_dense_bias(state_dict, model):
    conv, h, w, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    _port_first_conv(state_dict, conv)
    dense.kernel.assign(_dense_rows_from_torch(state_dict["3.weight"], c, h, w))


@mistake("uses the input image size H, W for the flatten permutation instead of the conv output size "
         "(only right for a 1x1 kernel)", replaces="port_conv")
def conv_uses_input_size(state_dict, model):
    conv, _, _, c = _conv_out_hw(model)
    dense = _dense_layers(model)[0]
    _port_first_conv(state_dict, conv)
    _, H, W, _ = model.input_shape
    weight = state_dict["3.weight"]
    n = weight.shape[0]
    kernel = weight.reshape(n, c, H, W).transpose(2, 3, 1, 0).reshape(-1, n)
    dense.set_weights([kernel, state_dict["3.bias"]])
