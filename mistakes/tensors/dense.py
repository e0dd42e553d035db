"""Named mistakes of kata tensors/dense."""

from katas._support.mistakes import mistake


@mistake("W used transposed (x @ W.T), as nn.Linear stores it", replaces="dense")
def transposed_weight(x, W, b):
    if x.shape[-1] != W.shape[1]:
        raise ValueError(f"{tuple(x.shape)} {tuple(W.shape)}")
    return x @ W.T + b[: W.shape[0]]


@mistake("no shape check: torch's own RuntimeError reaches the caller", replaces="dense")
def unchecked(x, W, b):
    return x @ W + b


@mistake("forgot the bias", replaces="tf_dense")
def tf_no_bias(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"{tuple(x.shape)} {tuple(W.shape)}")
    return x @ W


@mistake("no shape check: TensorFlow's InvalidArgumentError reaches the caller", replaces="tf_dense")
def tf_unchecked(x, W, b):
    return x @ W + b
