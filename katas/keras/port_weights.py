"""Kata keras/port_weights: move a PyTorch model's weights into the same Keras model.

Framework fluency: the same architecture stores the same numbers in different layouts.

- ``nn.Linear(in, out).weight`` is (out, in) and computes ``x @ W.T + b``; a Keras ``Dense``
  kernel is (in, out) and computes ``x @ kernel + b``.
- ``nn.Conv2d`` weights are (out_channels, in_channels, kh, kw) (OIHW) on NCHW images; a Keras
  ``Conv2D`` kernel is (kh, kw, in_channels, out_channels) (HWIO) on NHWC images.
- ``nn.Flatten`` on (N, C, H, W) lists the values channel by channel: all of channel 0's plane,
  then channel 1's;
  ``keras.layers.Flatten`` on (N, H, W, C) lists all channels of one pixel, then the next. So
  the columns of a Linear after a Flatten come in another order than the Dense's rows.

The weights come as the PyTorch model's state dict turned into NumPy arrays
(``{name: t.numpy() for name, t in torch_model.state_dict().items()}``), so this kata runs
without torch installed. Runs on any Keras backend.
"""

import keras
import numpy as np


def port_mlp(state_dict: dict[str, np.ndarray], model: keras.Model) -> None:
    """Copy the weights of ``nn.Sequential(nn.Linear(a, b), nn.ReLU(), nn.Linear(b, c))``
    (keys "0.weight", "0.bias", "2.weight", "2.bias") into ``model``:
    ``keras.Sequential([keras.Input(shape=(a,)), Dense(b, activation="relu"), Dense(c)])``.
    Afterwards both give the same outputs for the same inputs, layer by layer. The weights go
    into the ``model`` you are given (what you return is ignored); ``state_dict`` is only read,
    and left as it was. The tests use sizes where a reshape cannot stand in for a transpose.

    >>> port_mlp(state_dict, model)  # from Linear(3, 5), ReLU, Linear(5, 2)
    >>> model.layers[0].get_weights()[0].shape  # the first Dense kernel: (in, out)
    (3, 5)
    """
    raise NotImplementedError("port_mlp(): not implemented yet (kata keras/port_weights)")


def port_conv(state_dict: dict[str, np.ndarray], model: keras.Model) -> None:
    """Copy the weights of ``nn.Sequential(nn.Conv2d(c_in, c_out, k), nn.ReLU(), nn.Flatten(),
    nn.Linear(c_out * h * w, n))`` (keys "0.weight", "0.bias", "3.weight", "3.bias") into
    ``keras.Sequential([keras.Input(shape=(H, W, c_in)), Conv2D(c_out, k, activation="relu"),
    Flatten(), Dense(n)])``. Afterwards ``model(x.transpose(0, 2, 3, 1))`` equals the PyTorch
    model's output for images ``x`` of shape (N, c_in, H, W), and the Conv2D layer's output is
    the Conv2d's in NHWC. Here ``h, w = H - k + 1, W - k + 1``: the conv's output size, not
    necessarily square. As in ``port_mlp``, fill the given ``model`` and leave ``state_dict`` as it was.
    """
    raise NotImplementedError("port_conv(): not implemented yet (kata keras/port_weights)")
