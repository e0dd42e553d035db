"""Reference answer of kata scale/mixed_precision."""

import keras
import torch
from torch import nn


def mixed_train_step(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
                     scaler: torch.amp.GradScaler | None = None) -> float:
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)  # outside autocast: plain float32
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)  # unscales the gradients; skips the step if one is inf or nan
        scaler.update()
    return loss.item()


def mixed_regressor(n_features: int, policy: str) -> keras.Model:
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype="float32"),
    ])
