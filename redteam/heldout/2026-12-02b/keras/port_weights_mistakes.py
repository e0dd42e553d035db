"""Blind red team: wrong answers for kata keras/port_weights."""
import keras
import numpy as np

from katas._support.mistakes import mistake


# ----------------------------------------------------------------------------- port_mlp

@mistake("reshapes the (out, in) weight to (in, out) instead of transposing it", replaces="port_mlp")
def reshape_instead_of_transpose(state_dict, model):
    w0, w2 = state_dict["0.weight"], state_dict["2.weight"]
    model.layers[0].set_weights([w0.reshape(w0.shape[1], w0.shape[0]), state_dict["0.bias"]])
    model.layers[1].set_weights([w2.reshape(w2.shape[1], w2.shape[0]), state_dict["2.bias"]])


@mistake("copies the Linear weights as they are, forgetting that a Dense kernel is (in, out)",
         replaces="port_mlp")
def forgot_transpose(state_dict, model):
    model.layers[0].set_weights([state_dict["0.weight"], state_dict["0.bias"]])
    model.layers[1].set_weights([state_dict["2.weight"], state_dict["2.bias"]])


@mistake("transposes the weights in the state dict itself (writes the transposed arrays back under the same keys)",
         replaces="port_mlp")
def transposes_inside_state_dict(state_dict, model):
    state_dict["0.weight"] = state_dict["0.weight"].T
    state_dict["2.weight"] = state_dict["2.weight"].T
    model.layers[0].set_weights([state_dict["0.weight"], state_dict["0.bias"]])
    model.layers[1].set_weights([state_dict["2.weight"], state_dict["2.bias"]])


@mistake("builds and returns a new Keras model with the ported weights, leaving the given model untouched",
         replaces="port_mlp")
def returns_new_model(state_dict, model):
    w0, w2 = state_dict["0.weight"], state_dict["2.weight"]
    ported = keras.Sequential([
        keras.Input(shape=(w0.shape[1],)),
        keras.layers.Dense(w0.shape[0], activation="relu"),
        keras.layers.Dense(w2.shape[0]),
    ])
    ported.layers[0].set_weights([w0.T, state_dict["0.bias"]])
    ported.layers[1].set_weights([w2.T, state_dict["2.bias"]])
    return ported


@mistake("copies only the kernels (the 'weights') and leaves the Dense biases at their zero init",
         replaces="port_mlp")
def kernels_only_no_bias(state_dict, model):
    model.layers[0].kernel.assign(state_dict["0.weight"].T)
    model.layers[1].kernel.assign(state_dict["2.weight"].T)


@mistake("Keras 2 habit: assumes model.layers[0] is the InputLayer and fills layers[1] and layers[2]",
         replaces="port_mlp")
def keras2_layer_indices(state_dict, model):
    model.layers[1].set_weights([state_dict["0.weight"].T, state_dict["0.bias"]])
    model.layers[2].set_weights([state_dict["2.weight"].T, state_dict["2.bias"]])


# ----------------------------------------------------------------------------- port_conv

@mistake("transposes the conv weight with (3, 2, 1, 0): in/out channels right, but kh and kw swapped, so the "
         "kernel is mirrored across its diagonal (shape still fits for a square k)", replaces="port_conv")
def conv_kernel_spatial_axes_swapped(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, n = wc.shape[0], wl.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    model.layers[0].set_weights([wc.transpose(3, 2, 1, 0), state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, h, w).transpose(2, 3, 1, 0).reshape(h * w * c_out, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("reshapes the OIHW conv weight to HWIO instead of transposing it", replaces="port_conv")
def conv_kernel_reshaped(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, c_in, kh, kw = wc.shape
    n = wl.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    model.layers[0].set_weights([wc.reshape(kh, kw, c_in, c_out), state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, h, w).transpose(2, 3, 1, 0).reshape(h * w * c_out, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("ports the final Linear like in the MLP (plain .T), ignoring that Flatten orders the columns differently",
         replaces="port_conv")
def dense_plain_transpose_ignores_flatten(state_dict, model):
    model.layers[0].set_weights([state_dict["0.weight"].transpose(2, 3, 1, 0), state_dict["0.bias"]])
    model.layers[2].set_weights([state_dict["3.weight"].T, state_dict["3.bias"]])


@mistake("assumes a square conv output: side = sqrt(columns / c_out)", replaces="port_conv")
def assumes_square_feature_map(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out = wc.shape[0]
    n, cols = wl.shape
    side = int(round((cols // c_out) ** 0.5))
    model.layers[0].set_weights([wc.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, side, side).transpose(2, 3, 1, 0).reshape(side * side * c_out, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("computes h from W and w from H (swapped), only right for square images", replaces="port_conv")
def h_and_w_swapped(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, k = wc.shape[0], wc.shape[2]
    n = wl.shape[0]
    big_h, big_w = model.inputs[0].shape[1:3]
    h, w = big_w - k + 1, big_h - k + 1
    model.layers[0].set_weights([wc.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, h, w).transpose(2, 3, 1, 0).reshape(h * w * c_out, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("reorders the Linear's columns to (h, w, c) but then reshapes (n, h*w*c) to (h*w*c, n) instead of "
         "transposing it", replaces="port_conv")
def flatten_reorder_then_reshape(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, n = wc.shape[0], wl.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    model.layers[0].set_weights([wc.transpose(2, 3, 1, 0), state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, h, w).transpose(0, 2, 3, 1).reshape(-1, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("flips the kernel in both spatial directions, thinking convolution needs it (both frameworks "
         "cross-correlate)", replaces="port_conv")
def conv_kernel_flipped(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, n = wc.shape[0], wl.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    kernel = np.ascontiguousarray(wc.transpose(2, 3, 1, 0)[::-1, ::-1])
    model.layers[0].set_weights([kernel, state_dict["0.bias"]])
    dense = wl.reshape(n, c_out, h, w).transpose(2, 3, 1, 0).reshape(h * w * c_out, n)
    model.layers[2].set_weights([dense, state_dict["3.bias"]])


@mistake("stores the converted arrays back into state_dict (keys now hold Keras layouts), then copies from it",
         replaces="port_conv")
def converts_inside_state_dict(state_dict, model):
    wc, wl = state_dict["0.weight"], state_dict["3.weight"]
    c_out, n = wc.shape[0], wl.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    state_dict["0.weight"] = wc.transpose(2, 3, 1, 0)
    state_dict["3.weight"] = wl.reshape(n, c_out, h, w).transpose(2, 3, 1, 0).reshape(h * w * c_out, n)
    model.layers[0].set_weights([state_dict["0.weight"], state_dict["0.bias"]])
    model.layers[2].set_weights([state_dict["3.weight"], state_dict["3.bias"]])
