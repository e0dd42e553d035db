"""Named mistakes of kata scale/mixed_precision."""

import keras
import torch
from torch import nn

from katas._support.mistakes import mistake


@mistake("casts the model to bfloat16 instead of using autocast: the weights lose their float32 precision",
         replaces="mixed_train_step")
def half_model(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    model.to(torch.bfloat16)
    loss = nn.functional.mse_loss(model(x.to(torch.bfloat16)).float(), y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("computes the loss in bfloat16 (y cast down to the output's dtype)", replaces="mixed_train_step")
def loss_in_bfloat16(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = nn.functional.mse_loss(output, y.to(output.dtype))
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("scales and steps through the GradScaler but never calls scaler.update()", replaces="mixed_train_step")
def scaler_without_update(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        loss = nn.functional.mse_loss(model(x), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
    return loss.item()


@mistake("sets the global policy after building the model (no effect on its layers) and leaves it set",
         replaces="mixed_regressor")
def policy_after_building(n_features, policy):
    model = keras.Sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(1, dtype="float32")])
    keras.mixed_precision.set_dtype_policy(policy)
    return model
