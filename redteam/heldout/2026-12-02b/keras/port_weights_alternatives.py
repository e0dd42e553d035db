"""Blind red team: correct answers in other styles for kata keras/port_weights."""
import keras
import numpy as np

from katas._support.mistakes import alternative


# ----------------------------------------------------------------------------- port_mlp

@alternative("one model.set_weights call with the flat list [kernel, bias, kernel, bias]", replaces="port_mlp")
def model_level_set_weights(state_dict, model):
    model.set_weights([
        state_dict["0.weight"].T, state_dict["0.bias"],
        state_dict["2.weight"].T, state_dict["2.bias"],
    ])


@alternative("assign into the Dense variables directly, with np.swapaxes for the transpose", replaces="port_mlp")
def assign_kernel_and_bias(state_dict, model):
    first, second = model.layers[0], model.layers[1]
    first.kernel.assign(np.swapaxes(state_dict["0.weight"], 0, 1))
    first.bias.assign(state_dict["0.bias"])
    second.kernel.assign(np.swapaxes(state_dict["2.weight"], 0, 1))
    second.bias.assign(state_dict["2.bias"])


@alternative("finds the Dense layers by type and pairs them with the torch indices in a loop; copies first",
             replaces="port_mlp")
def dense_layers_by_type(state_dict, model):
    dense_layers = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    for layer, index in zip(dense_layers, ("0", "2")):
        kernel = np.array(state_dict[f"{index}.weight"], copy=True).transpose()
        bias = np.array(state_dict[f"{index}.bias"], copy=True)
        layer.set_weights([kernel, bias])


# ----------------------------------------------------------------------------- port_conv

@alternative("np.moveaxis for the conv kernel; the Flatten order fixed with an index permutation built from "
             "np.arange; sizes from model.inputs and the kernel shape", replaces="port_conv")
def moveaxis_and_index_permutation(state_dict, model):
    conv_w = state_dict["0.weight"]
    linear_w = state_dict["3.weight"]
    c_out, _, kh, kw = conv_w.shape
    big_h, big_w = model.inputs[0].shape[1:3]
    h, w = big_h - kh + 1, big_w - kw + 1
    kernel = np.moveaxis(conv_w, [0, 1], [3, 2])           # (kh, kw, c_in, c_out)
    # keras row r = (i * w + j) * c_out + c  <-  torch column c * h * w + i * w + j
    torch_column = np.arange(c_out * h * w).reshape(c_out, h, w).transpose(1, 2, 0).reshape(-1)
    dense_kernel = linear_w[:, torch_column].T
    model.layers[0].set_weights([kernel, state_dict["0.bias"]])
    model.layers[-1].set_weights([dense_kernel, state_dict["3.bias"]])


@alternative("np.einsum index strings for both layouts; h, w read from the Conv2D layer's output shape",
             replaces="port_conv")
def einsum_layouts(state_dict, model):
    conv_w = state_dict["0.weight"]
    linear_w = state_dict["3.weight"]
    c_out = conv_w.shape[0]
    n = linear_w.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    kernel = np.einsum("oikl->klio", conv_w)
    dense_kernel = np.einsum("ncij->ijcn", linear_w.reshape(n, c_out, h, w)).reshape(h * w * c_out, n)
    conv_layer = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)][0]
    dense_layer = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)][0]
    conv_layer.set_weights([kernel, state_dict["0.bias"]])
    dense_layer.set_weights([dense_kernel, state_dict["3.bias"]])


@alternative("explicit loops that move every Linear column to its Keras row, one model.set_weights call",
             replaces="port_conv")
def explicit_loops(state_dict, model):
    conv_w = state_dict["0.weight"]
    linear_w = state_dict["3.weight"]
    c_out = conv_w.shape[0]
    n = linear_w.shape[0]
    h, w = model.layers[0].output.shape[1:3]
    dense_kernel = np.empty((h * w * c_out, n), dtype=linear_w.dtype)
    for c in range(c_out):
        for i in range(h):
            for j in range(w):
                dense_kernel[(i * w + j) * c_out + c, :] = linear_w[:, c * h * w + i * w + j]
    model.set_weights([conv_w.transpose(2, 3, 1, 0), state_dict["0.bias"], dense_kernel, state_dict["3.bias"]])
