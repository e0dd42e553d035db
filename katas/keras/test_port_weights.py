"""Tests of kata keras/port_weights: PyTorch weights in a Keras model give PyTorch's predictions.

The PyTorch side is computed by NumPy with PyTorch's layouts and semantics (Linear: x @ W.T + b;
Conv2d: cross-correlation on NCHW; Flatten: channel-major), so the keras topic never imports torch.
"""

import keras
import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from katas._support.checks import check_values, fail
from katas._support.strategies import arrays, shapes

relu = lambda v: np.maximum(v, 0)  # noqa: E731

MLP_KEYS = ("0.weight", "0.bias", "2.weight", "2.bias")
CONV_KEYS = ("0.weight", "0.bias", "3.weight", "3.bias")


def torch_linear(x, weight, bias):
    return x @ weight.T + bias


def torch_conv2d(x, weight, bias):
    """nn.Conv2d with stride 1 and no padding, on NCHW images."""
    windows = sliding_window_view(x, weight.shape[2:], axis=(2, 3))  # (N, C_in, H', W', kh, kw)
    return np.einsum("nchwij,ocij->nohw", windows, weight) + bias[None, :, None, None]


def pinned(shapes_by_name, x_shape, seed):
    """A fixed case: weights, biases and inputs drawn away from 0 (a forgotten bias shows)."""
    rng = np.random.default_rng(seed)
    away_from_zero = lambda shape: (rng.uniform(0.2, 1, shape) * rng.choice([-1, 1], shape)).astype("float32")  # noqa: E731
    return {name: away_from_zero(shape) for name, shape in shapes_by_name}, away_from_zero(x_shape)


def port(function, state_dict, model, call):
    """Run the learner's port on a copy of the state dict, which it must leave as it was."""
    given = {name: value.copy() for name, value in state_dict.items()}
    function(given, model)  # what it returns does not matter: the model it was given must hold the weights
    for name, value in state_dict.items():
        got = given.get(name)
        if not isinstance(got, np.ndarray) or got.shape != value.shape or not np.array_equal(got, value):
            fail(call, f"state_dict[{name!r}] afterwards", f"unchanged, shape {value.shape}",
                 "missing" if got is None else f"changed, shape {getattr(got, 'shape', '?')}",
                 "read the state dict, do not write into it: put weight.T (a new view) into the layer, "
                 "never back into state_dict")
    if set(given) != set(state_dict):
        fail(call, "state_dict keys afterwards", sorted(state_dict), sorted(given), "leave the state dict as it was")


def mlp(a, b, c):
    return keras.Sequential([keras.Input(shape=(a,)), keras.layers.Dense(b, activation="relu"), keras.layers.Dense(c)])


@st.composite
def mlp_cases(draw):
    n, a, b, c = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6, distinct=True), label="(N, a, b, c)")
    weights = {name: draw(arrays("float32", shape, bound=1), label=name) for name, shape in
               zip(MLP_KEYS, [(b, a), (b,), (c, b), (c,)])}
    return weights, draw(arrays("float32", (n, a), bound=2), label="x")


@settings(max_examples=6)
@given(case=mlp_cases())
@example(case=pinned(zip(MLP_KEYS, [(5, 3), (5,), (2, 5), (2,)]), (4, 3), seed=1))  # distinct sizes, biases set
@example(case=pinned(zip(MLP_KEYS, [(4, 2), (4,), (4, 4), (4,)]), (3, 2), seed=2))  # b == c: swapped biases fit
def test_ported_mlp_predicts_like_the_pytorch_mlp(kata, case):
    weights, x = case
    (b, a), c = weights["0.weight"].shape, len(weights["2.bias"])
    call = f"port_mlp(Linear({a}, {b}), ReLU, Linear({b}, {c}))"
    model = mlp(a, b, c)
    port(kata.port_mlp, weights, model, call)
    hidden = relu(torch_linear(x, weights["0.weight"], weights["0.bias"]))
    advice = ("a Linear weight is (out, in), a Dense kernel (in, out): layer.set_weights([W.T, b]) on each Dense "
              "of the model you were given, each with its own bias; a reshape keeps the numbers in the wrong places")
    check_values(keras.ops.convert_to_numpy(model.layers[0](x)), hidden, call=f"{call}: the first Dense layer's "
                 f"output (after ReLU), on x {x.shape}", rtol=1e-4, atol=1e-5, misconception=advice)
    expected = torch_linear(hidden, weights["2.weight"], weights["2.bias"])
    check_values(keras.ops.convert_to_numpy(model(x)), expected, call=f"{call}: outputs, on x {x.shape}",
                 rtol=1e-4, atol=1e-5, misconception=advice)


def conv_net(height, width, c_in, c_out, kernel, n_out):
    return keras.Sequential([keras.Input(shape=(height, width, c_in)), keras.layers.Conv2D(c_out, kernel, activation="relu"),
                             keras.layers.Flatten(), keras.layers.Dense(n_out)])


def conv_shapes(c_in, c_out, kernel, height, width, n_out):
    h, w = height - kernel + 1, width - kernel + 1
    return list(zip(CONV_KEYS, [(c_out, c_in, kernel, kernel), (c_out,), (n_out, c_out * h * w), (n_out,)]))


@st.composite
def conv_cases(draw):
    c_in, c_out, n_out = draw(shapes(min_dims=3, max_dims=3, min_side=1, max_side=4, distinct=True), label="(c_in, c_out, n)")
    kernel, height, width = draw(st.sampled_from([2, 3]), label="k"), draw(st.integers(4, 6), label="H"), draw(st.integers(4, 7), label="W")
    weights = {name: draw(arrays("float32", shape, bound=1), label=name)
               for name, shape in conv_shapes(c_in, c_out, kernel, height, width, n_out)}
    return weights, draw(arrays("float32", (2, c_in, height, width), bound=2), label="x (NCHW)")


@settings(max_examples=6)
@given(case=conv_cases())
# c_in != c_out, an output map that is not square (h=3, w=5), biases away from 0
@example(case=pinned(conv_shapes(2, 3, 3, 5, 7, 4), (2, 2, 5, 7), seed=3))
# a 2x2 kernel, one input channel, a square map (h=w=4) but c_out = 2: the flatten order still matters
@example(case=pinned(conv_shapes(1, 2, 2, 5, 5, 3), (3, 1, 5, 5), seed=4))
def test_ported_conv_net_predicts_like_the_pytorch_conv_net(kata, case):
    weights, x = case
    (c_out, c_in, kernel, _), (n_out, features) = weights["0.weight"].shape, weights["3.weight"].shape
    height, width = x.shape[2:]
    h, w = height - kernel + 1, width - kernel + 1
    model = conv_net(height, width, c_in, c_out, kernel, n_out)
    call = f"port_conv(Conv2d({c_in}, {c_out}, {kernel}), ReLU, Flatten, Linear({features}, {n_out})) on {height}x{width} images"
    port(kata.port_conv, weights, model, call)
    features_map = relu(torch_conv2d(x, weights["0.weight"], weights["0.bias"]))
    conv_layer = model.layers[0]
    check_values(keras.ops.convert_to_numpy(conv_layer(x.transpose(0, 2, 3, 1))), features_map.transpose(0, 2, 3, 1),
                 call=f"{call}: the Conv2D layer's output (NHWC), on x {x.shape} (NCHW)", rtol=1e-4, atol=1e-4,
                 misconception="conv kernel: weight.transpose(2, 3, 1, 0) (OIHW -> HWIO), not a reshape, not "
                 "(3, 2, 1, 0) or a flip: both frameworks cross-correlate; and copy the conv bias")
    expected = torch_linear(features_map.reshape(len(x), -1), weights["3.weight"], weights["3.bias"])
    check_values(keras.ops.convert_to_numpy(model(x.transpose(0, 2, 3, 1))), expected, call=f"{call}: outputs, feature map "
                 f"{c_out} channels of {h}x{w}", rtol=1e-4, atol=1e-4,
                 misconception="Dense after Flatten: reorder the Linear's columns from (c, h, w) to (h, w, c), "
                 "with h, w the conv OUTPUT size (H - k + 1, W - k + 1), before transposing; copy the Dense bias")
