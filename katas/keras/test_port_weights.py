"""Tests of kata keras/port_weights: PyTorch weights in a Keras model give PyTorch's predictions.

The PyTorch side is computed by NumPy with PyTorch's layouts and semantics (Linear: x @ W.T + b;
Conv2d: cross-correlation on NCHW; Flatten: channel-major), so the keras topic never imports torch.
"""

import keras
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from katas._support.checks import check_values
from katas._support.strategies import arrays, shapes

relu = lambda v: np.maximum(v, 0)  # noqa: E731


def torch_linear(x, weight, bias):
    return x @ weight.T + bias


def torch_conv2d(x, weight, bias):
    """nn.Conv2d with stride 1 and no padding, on NCHW images."""
    windows = sliding_window_view(x, weight.shape[2:], axis=(2, 3))  # (N, C_in, H', W', kh, kw)
    return np.einsum("nchwij,ocij->nohw", windows, weight) + bias[None, :, None, None]


@settings(max_examples=10)
@given(data=st.data())
def test_ported_mlp_predicts_like_the_pytorch_mlp(kata, data):
    n, a, b, c = data.draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6, distinct=True), label="(N, a, b, c)")
    weights = {name: data.draw(arrays("float32", shape, bound=1), label=name) for name, shape in
               [("0.weight", (b, a)), ("0.bias", (b,)), ("2.weight", (c, b)), ("2.bias", (c,))]}
    x = data.draw(arrays("float32", (n, a), bound=2), label="x")
    model = keras.Sequential([keras.Input(shape=(a,)), keras.layers.Dense(b, activation="relu"), keras.layers.Dense(c)])
    kata.port_mlp(weights, model)
    expected = torch_linear(relu(torch_linear(x, weights["0.weight"], weights["0.bias"])), weights["2.weight"], weights["2.bias"])
    check_values(keras.ops.convert_to_numpy(model(x)), expected, call=f"port_mlp(Linear({a}, {b}), ReLU, Linear({b}, {c})): outputs on x {x.shape}",
                 rtol=1e-4, atol=1e-5, misconception="a Linear weight is (out, in), a Dense kernel (in, out): "
                 "set_weights([W.T, b]); a reshape keeps the numbers in the wrong places")


@settings(max_examples=10)
@given(data=st.data())
def test_ported_conv_net_predicts_like_the_pytorch_conv_net(kata, data):
    c_in, c_out, n_out = data.draw(shapes(min_dims=3, max_dims=3, min_side=1, max_side=4, distinct=True), label="(c_in, c_out, n)")
    kernel, height, width = data.draw(st.sampled_from([2, 3]), label="k"), data.draw(st.integers(4, 6), label="H"), data.draw(st.integers(4, 7), label="W")
    h, w = height - kernel + 1, width - kernel + 1
    weights = {name: data.draw(arrays("float32", shape, bound=1), label=name) for name, shape in
               [("0.weight", (c_out, c_in, kernel, kernel)), ("0.bias", (c_out,)), ("3.weight", (n_out, c_out * h * w)),
                ("3.bias", (n_out,))]}
    x = data.draw(arrays("float32", (2, c_in, height, width), bound=2), label="x (NCHW)")
    model = keras.Sequential([keras.Input(shape=(height, width, c_in)), keras.layers.Conv2D(c_out, kernel, activation="relu"),
                              keras.layers.Flatten(), keras.layers.Dense(n_out)])
    kata.port_conv(weights, model)
    features = relu(torch_conv2d(x, weights["0.weight"], weights["0.bias"])).reshape(len(x), -1)
    expected = torch_linear(features, weights["3.weight"], weights["3.bias"])
    call = f"port_conv(Conv2d({c_in}, {c_out}, {kernel}), ReLU, Flatten, Linear({c_out * h * w}, {n_out})): outputs"
    check_values(keras.ops.convert_to_numpy(model(x.transpose(0, 2, 3, 1))), expected, call=call, rtol=1e-4, atol=1e-4,
                 misconception="conv kernel: weight.transpose(2, 3, 1, 0) (OIHW -> HWIO); Dense after Flatten: "
                 "reorder the Linear's columns from (c, h, w) to (h, w, c) before transposing")
