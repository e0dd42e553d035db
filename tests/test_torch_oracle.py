"""The keras/port_weights tests compute PyTorch's side with NumPy (so the keras topic never
imports torch); here that NumPy is checked against torch itself."""

import numpy as np
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from katas._support.strategies import arrays
from katas.keras.test_port_weights import torch_conv2d, torch_linear


@settings(max_examples=20)
@given(data=st.data())
def test_numpy_conv_linear_and_flatten_match_torch(data):
    c_in, c_out, kernel = data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3))
    x = data.draw(arrays("float64", (2, c_in, kernel + 2, kernel + 3), bound=2))
    weight, bias = data.draw(arrays("float64", (c_out, c_in, kernel, kernel), bound=1)), data.draw(arrays("float64", (c_out,)))
    conv = torch.nn.functional.conv2d(torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias))
    np.testing.assert_allclose(torch_conv2d(x, weight, bias), conv.numpy(), rtol=1e-10, atol=1e-10)
    flat = torch.nn.Flatten()(conv).numpy()
    np.testing.assert_allclose(torch_conv2d(x, weight, bias).reshape(len(x), -1), flat, rtol=1e-10, atol=1e-10)
    linear_weight = data.draw(arrays("float64", (3, flat.shape[1]), bound=1))
    np.testing.assert_allclose(torch_linear(flat, linear_weight, np.zeros(3)),
                               torch.nn.functional.linear(torch.from_numpy(flat), torch.from_numpy(linear_weight)).numpy(),
                               rtol=1e-10, atol=1e-10)
