"""Correct alternatives of kata scale/mixed_precision: other styles the tests must accept."""

import keras
import torch
from torch import nn

from katas._support.mistakes import alternative


@alternative("loss inside the autocast block (autocast runs mse_loss in float32), backward inside it too",
             replaces="mixed_train_step")
def everything_inside_autocast(model, optimizer, x, y, scaler=None):
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    optimizer.zero_grad(set_to_none=True)
    with torch.autocast(x.device.type, dtype=dtype):
        loss = nn.functional.mse_loss(model(x), y)
        (scaler.scale(loss) if scaler is not None else loss).backward()
    if scaler is not None:
        scaler.unscale_(optimizer)
        scaler.step(optimizer)
        scaler.update()
    else:
        optimizer.step()
    return float(loss.detach())


@alternative("global policy set before building, restored in a finally block; functional model",
             replaces="mixed_regressor")
def global_policy_restored(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        inputs = keras.Input(shape=(n_features,))
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(1, dtype="float32")(hidden)
        return keras.Model(inputs, outputs)
    finally:
        keras.mixed_precision.set_dtype_policy(previous)
