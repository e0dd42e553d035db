"""Blind red team: wrong answers for kata keras/port_weights."""
import math

import keras
import numpy as np

from katas._support.mistakes import mistake


def _conv_out_hw(model, kernel_oihw):
    """Helper (not a mistake): the conv's output height and width, no padding, stride 1."""
    _, height, width, _ = model.input_shape
    kh, kw = kernel_oihw.shape[2], kernel_oihw.shape[3]
    return height - kh + 1, width - kw + 1


# ---------------------------------------------------------------- port_mlp


@mistake(
    "I reshaped the (out, in) weight to (in, out) instead of transposing it: the shape fits, "
    "but the numbers land in the wrong places",
    replaces="port_mlp",
)
def reshaped_not_transposed(state_dict, model):
    dense1, dense2 = model.layers[0], model.layers[1]
    w1, w2 = state_dict["0.weight"], state_dict["2.weight"]
    dense1.set_weights([w1.reshape(w1.shape[1], w1.shape[0]), state_dict["0.bias"]])
    dense2.set_weights([w2.reshape(w2.shape[1], w2.shape[0]), state_dict["2.bias"]])


@mistake(
    "I copied only the kernels (the weights are what matter) and left the Dense biases at "
    "their zero initialisation, so outputs differ by PyTorch's biases",
    replaces="port_mlp",
)
def kernels_only_no_bias(state_dict, model):
    model.layers[0].kernel.assign(state_dict["0.weight"].T)
    model.layers[1].kernel.assign(state_dict["2.weight"].T)


@mistake(
    "I transposed the weights in the state dict itself before copying them, so the caller's "
    "state_dict now holds (in, out) arrays instead of being only read",
    replaces="port_mlp",
)
def transposes_into_state_dict(state_dict, model):
    for key in ("0.weight", "2.weight"):
        state_dict[key] = state_dict[key].T
    model.layers[0].set_weights([state_dict["0.weight"], state_dict["0.bias"]])
    model.layers[1].set_weights([state_dict["2.weight"], state_dict["2.bias"]])


@mistake(
    "I built a fresh Keras model with the right weights and returned it; the model the caller "
    "gave me keeps its random weights (what I return is ignored)",
    replaces="port_mlp",
)
def returns_new_model(state_dict, model):
    w1, b1 = state_dict["0.weight"], state_dict["0.bias"]
    w2, b2 = state_dict["2.weight"], state_dict["2.bias"]
    fresh = keras.Sequential(
        [
            keras.Input(shape=(w1.shape[1],)),
            keras.layers.Dense(w1.shape[0], activation="relu"),
            keras.layers.Dense(w2.shape[0]),
        ]
    )
    fresh.set_weights([w1.T, b1, w2.T, b2])
    return fresh


@mistake(
    "I stored the weights as float16 to halve the memory; the Dense variables stay float32 but "
    "hold rounded values, so the outputs no longer match PyTorch's",
    replaces="port_mlp",
)
def half_precision_copy(state_dict, model):
    arrays = [
        state_dict["0.weight"].T,
        state_dict["0.bias"],
        state_dict["2.weight"].T,
        state_dict["2.bias"],
    ]
    model.set_weights([a.astype(np.float16) for a in arrays])


# ---------------------------------------------------------------- port_conv


@mistake(
    "I reversed all four axes of the conv weight (transpose(3, 2, 1, 0)); with a square kernel the "
    "shape fits, but that is (kw, kh, in, out): each filter is mirrored across its diagonal",
    replaces="port_conv",
)
def conv_axes_reversed(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    conv.set_weights([w.transpose(3, 2, 1, 0), state_dict["0.bias"]])
    h, wd = _conv_out_hw(model, w)
    lin = state_dict["3.weight"]
    n, c_out = lin.shape[0], w.shape[0]
    kernel = lin.reshape(n, c_out, h, wd).transpose(2, 3, 1, 0).reshape(h * wd * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake(
    "I reshaped the OIHW conv weight to (kh, kw, in, out) instead of transposing its axes",
    replaces="port_conv",
)
def conv_reshaped(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    c_out, c_in, kh, kw = w.shape
    conv.set_weights([w.reshape(kh, kw, c_in, c_out), state_dict["0.bias"]])
    h, wd = _conv_out_hw(model, w)
    lin = state_dict["3.weight"]
    n = lin.shape[0]
    kernel = lin.reshape(n, c_out, h, wd).transpose(2, 3, 1, 0).reshape(h * wd * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake(
    "I ported the Linear after the Flatten like any Linear (weight.T), forgetting that Keras' "
    "Flatten on NHWC lists the features in another order than PyTorch's Flatten on NCHW",
    replaces="port_conv",
)
def flatten_order_ignored(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    conv.set_weights([state_dict["0.weight"].transpose(2, 3, 1, 0), state_dict["0.bias"]])
    dense.set_weights([state_dict["3.weight"].T, state_dict["3.bias"]])


@mistake(
    "I unflattened the Linear's columns as (c_out, w, h) instead of (c_out, h, w); on my square "
    "test image it matched, on a non-square conv output the features are scrambled",
    replaces="port_conv",
)
def flatten_height_width_swapped(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    conv.set_weights([w.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    h, wd = _conv_out_hw(model, w)
    lin = state_dict["3.weight"]
    n, c_out = lin.shape[0], w.shape[0]
    kernel = lin.reshape(n, c_out, wd, h).transpose(2, 3, 1, 0).reshape(h * wd * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake(
    "I applied the permutation the wrong way round: I read the Linear's columns as if they were "
    "already in (h, w, c) order and rearranged them into (c, h, w), the inverse of what is needed",
    replaces="port_conv",
)
def flatten_permutation_inverted(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    conv.set_weights([w.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    h, wd = _conv_out_hw(model, w)
    lin = state_dict["3.weight"]
    n, c_out = lin.shape[0], w.shape[0]
    kernel = lin.reshape(n, h, wd, c_out).transpose(3, 1, 2, 0).reshape(h * wd * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake(
    "I flipped the kernel spatially when converting, thinking one framework convolves and the "
    "other correlates; both compute a cross-correlation, so no flip is needed",
    replaces="port_conv",
)
def conv_kernel_flipped(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    flipped = np.ascontiguousarray(w[:, :, ::-1, ::-1])
    conv.set_weights([flipped.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    h, wd = _conv_out_hw(model, w)
    lin = state_dict["3.weight"]
    n, c_out = lin.shape[0], w.shape[0]
    kernel = lin.reshape(n, c_out, h, wd).transpose(2, 3, 1, 0).reshape(h * wd * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])


@mistake(
    "I recovered the conv output size as h = w = sqrt(in_features / c_out), assuming a square "
    "feature map; the docstring says it is not necessarily square",
    replaces="port_conv",
)
def assumes_square_feature_map(state_dict, model):
    conv, dense = model.layers[0], model.layers[2]
    w = state_dict["0.weight"]
    conv.set_weights([w.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    lin = state_dict["3.weight"]
    n, c_out = lin.shape[0], w.shape[0]
    side = math.isqrt(lin.shape[1] // c_out)
    kernel = lin.reshape(n, c_out, side, side).transpose(2, 3, 1, 0).reshape(side * side * c_out, n)
    dense.set_weights([kernel, state_dict["3.bias"]])
