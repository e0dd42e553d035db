"""Blind red team: correct answers in other styles for kata keras/port_weights."""
import numpy as np

from katas._support.mistakes import alternative


@alternative("one model.set_weights call with all four arrays, in the model's weight order", replaces="port_mlp")
def whole_model_set_weights(state_dict, model):
    model.set_weights(
        [
            np.transpose(state_dict["0.weight"]),
            state_dict["0.bias"],
            np.transpose(state_dict["2.weight"]),
            state_dict["2.bias"],
        ]
    )


@alternative("assign into each Dense's kernel and bias variables; layers found as those with weights", replaces="port_mlp")
def assign_variables(state_dict, model):
    dense_layers = [layer for layer in model.layers if layer.weights]
    for layer, prefix in zip(dense_layers, ("0", "2")):
        layer.kernel.assign(np.swapaxes(state_dict[prefix + ".weight"], 0, 1))
        layer.bias.assign(state_dict[prefix + ".bias"])


@alternative(
    "einsum for the conv kernel, an index permutation for the Dense rows, output size from "
    "Conv2D.compute_output_shape",
    replaces="port_conv",
)
def einsum_and_index_permutation(state_dict, model):
    conv, dense = model.layers[0], model.layers[-1]
    w = state_dict["0.weight"]
    conv.set_weights([np.einsum("oihw->hwio", w), state_dict["0.bias"]])
    _, h, wd, c_out = conv.compute_output_shape(model.input_shape)
    # keras feature p = (i * wd + j) * c_out + c comes from torch feature c * h * wd + i * wd + j
    perm = np.arange(c_out * h * wd).reshape(c_out, h, wd).transpose(1, 2, 0).ravel()
    lin = state_dict["3.weight"]
    dense.set_weights([lin[:, perm].T, state_dict["3.bias"]])


@alternative("np.moveaxis for the conv kernel, unflatten to (n, h, w, c) then flatten, one model.set_weights", replaces="port_conv")
def moveaxis_and_model_set_weights(state_dict, model):
    w = state_dict["0.weight"]
    c_out, _, kh, kw = w.shape
    _, height, width, _ = model.input_shape
    h, wd = height - kh + 1, width - kw + 1
    lin = state_dict["3.weight"]
    n = lin.shape[0]
    kernel = lin.reshape(n, c_out, h, wd).transpose(0, 2, 3, 1).reshape(n, h * wd * c_out).T
    model.set_weights(
        [
            np.moveaxis(w, (0, 1), (3, 2)),
            state_dict["0.bias"],
            kernel,
            state_dict["3.bias"],
        ]
    )
