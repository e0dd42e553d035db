"""Named mistakes of kata tensors/dense."""

import numpy as np
import tensorflow as tf

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


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- dense

@mistake("compared x.shape[1] with W's rows, assuming x is 2-D", replaces="dense")
def dense_checks_dim1(x, W, b):
    if x.shape[1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("only checked the shapes when x is 2-D; a batched x gets torch's own error", replaces="dense")
def dense_checks_only_2d(x, W, b):
    if x.dim() == 2 and x.shape[1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("raised ValueError with the feature counts only, not the shapes of x and W", replaces="dense")
def dense_message_counts(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"in features do not match: {x.shape[-1]} != {W.shape[0]}")
    return x @ W + b


@mistake("raised TypeError for the shape mismatch", replaces="dense")
def dense_type_error(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise TypeError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("let torch try the matmul and turned its RuntimeError into a ValueError afterwards", replaces="dense")
def dense_catch_torch_error(x, W, b):
    try:
        return x @ W + b
    except RuntimeError:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}") from None


@mistake("added the bias to W before multiplying: x @ (W + b)", replaces="dense")
def dense_bias_into_W(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ (W + b)


@mistake("forgot the bias", replaces="dense")
def dense_no_bias(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W


@mistake("cast everything to float32 first", replaces="dense")
def dense_float32(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x.float() @ W.float() + b.float()


@mistake("when x does not fit W but fits W.T, I used W.T instead of raising (then the bias add fails with torch's own error)", replaces="dense")
def dense_auto_transpose(x, W, b):
    if x.shape[-1] != W.shape[0]:
        if x.shape[-1] == W.shape[1]:
            W = W.T
        else:
            raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


@mistake("flattened x to 2-D and reshaped back with only x.shape[0] kept", replaces="dense")
def dense_reshape_back_wrong(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    out = x.reshape(-1, x.shape[-1]) @ W + b
    return out.reshape(x.shape[0], -1)


@mistake("insisted x has a batch dimension: a single sample of shape (in,) raises ValueError", replaces="dense")
def dense_requires_batch(x, W, b):
    if x.dim() < 2 or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b


# ---------------------------------------------------------------- tf_dense

@mistake("checked with tf.debugging.assert_equal, which raises InvalidArgumentError, not ValueError",
         replaces="tf_dense")
def tf_dense_assert_equal(x, W, b):
    tf.debugging.assert_equal(tf.shape(x)[-1], tf.shape(W)[0],
                              message=f"x {x.shape} does not fit W {W.shape}")
    return x @ W + b


@mistake("returned a NumPy array (np.matmul on .numpy())", replaces="tf_dense")
def tf_dense_numpy(x, W, b):
    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {x.shape} does not fit W {W.shape}")
    return np.matmul(x.numpy(), W.numpy()) + b.numpy()


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("multiplied with torch.linalg.matmul and turned torch's error into a ValueError afterwards", replaces="dense")
def dense_linalg_matmul_caught(x, W, b):
    import torch

    try:
        return torch.linalg.matmul(x, W) + b
    except RuntimeError:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}") from None


# Found reading the held-out sample's notes (2026-12-03): "on their device" was tried only on the
# devices a machine has, so on a CPU-only machine a detour through NumPy passed


@mistake("multiplied in NumPy and came back with torch.from_numpy: the result is on the CPU, not on the "
         "inputs' device", replaces="dense")
def dense_through_numpy(x, W, b):
    import torch

    if x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return torch.from_numpy(x.detach().cpu().numpy() @ W.detach().cpu().numpy() + b.detach().cpu().numpy())


@mistake("checked the sides only for a batched x (x.dim() >= 2): a single sample of the wrong size reaches "
         "the matrix product", replaces="dense")
def dense_checks_batched_only(x, W, b):
    if x.dim() >= 2 and x.shape[-1] != W.shape[0]:
        raise ValueError(f"x {tuple(x.shape)} does not fit W {tuple(W.shape)}")
    return x @ W + b
