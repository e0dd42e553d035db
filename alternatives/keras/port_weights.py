"""Correct alternatives of kata keras/port_weights: other styles the tests must accept."""

import keras
import numpy as np

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("one model.set_weights call with a list of transposed arrays", replaces="port_mlp")
def mlp_model_set_weights(state_dict, model):
    model.set_weights([
        state_dict["0.weight"].T, state_dict["0.bias"],
        state_dict["2.weight"].T, state_dict["2.bias"],
    ])


@alternative("loop over the Dense layers, variable.assign with np.swapaxes and float64 copies",
             replaces="port_mlp")
def mlp_assign_loop(state_dict, model):
    dense_layers = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    for layer, prefix in zip(dense_layers, ("0", "2")):
        layer.kernel.assign(np.swapaxes(state_dict[prefix + ".weight"], 0, 1).astype(np.float64))
        layer.bias.assign(np.array(state_dict[prefix + ".bias"], dtype=np.float64))


@alternative("einsum to transpose, layer.set_weights per layer found via model.get_layer by index",
             replaces="port_mlp")
def mlp_einsum(state_dict, model):
    for index, prefix in ((0, "0"), (1, "2")):
        layer = model.get_layer(index=index)
        layer.set_weights([np.einsum("oi->io", state_dict[prefix + ".weight"]), state_dict[prefix + ".bias"]])


@alternative("model.set_weights with np.transpose for the conv and a column permutation index for the Dense",
             replaces="port_conv")
def conv_column_permutation(state_dict, model):
    conv_weight = state_dict["0.weight"]
    c_out, _, k_h, k_w = conv_weight.shape
    _, H, W, _ = model.input_shape
    h, w = H - k_h + 1, W - k_w + 1
    # Keras flat position p = (i*w + j)*c + ch holds PyTorch column ch*h*w + i*w + j.
    torch_col = np.arange(c_out * h * w).reshape(c_out, h, w).transpose(1, 2, 0).ravel()
    model.set_weights([
        np.transpose(conv_weight, (2, 3, 1, 0)), state_dict["0.bias"],
        state_dict["3.weight"][:, torch_col].T, state_dict["3.bias"],
    ])


@alternative("np.moveaxis for both layouts, sizes read from the Flatten layer's input", replaces="port_conv")
def conv_moveaxis(state_dict, model):
    conv, flatten, dense = model.layers
    kernel = np.moveaxis(state_dict["0.weight"], (0, 1), (3, 2))
    conv.kernel.assign(kernel)
    conv.bias.assign(state_dict["0.bias"])
    _, h, w, c = flatten.input.shape
    linear = state_dict["3.weight"]
    per_pixel = np.moveaxis(linear.reshape(-1, c, h, w), 1, -1)  # (n, h, w, c)
    dense.kernel.assign(per_pixel.reshape(linear.shape[0], -1).T)
    dense.bias.assign(state_dict["3.bias"])


@alternative("einsum for both kernels, conv output size from a dummy forward pass of the conv layer",
             replaces="port_conv")
def conv_einsum_probe(state_dict, model):
    conv = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)][0]
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)][0]
    conv.set_weights([np.einsum("oihw->hwio", state_dict["0.weight"]), state_dict["0.bias"]])
    probe = keras.ops.convert_to_numpy(conv(np.zeros((1,) + tuple(model.input_shape[1:]), dtype="float32")))
    _, h, w, c = probe.shape
    linear = state_dict["3.weight"].reshape(-1, c, h, w)
    dense.set_weights([np.einsum("nchw->hwcn", linear).reshape(h * w * c, -1), state_dict["3.bias"]])
