"""Blind red team: correct alternative answers for kata scale/mixed_precision."""
import keras
import torch
from torch import nn
from torch.nn import functional as F

from katas._support.mistakes import alternative


@alternative("model.zero_grad(set_to_none=True); autocast with its default dtype (no dtype=); mse_loss "
             "and backward inside the autocast block; float(loss)", replaces="mixed_train_step")
def step_default_autocast_dtype(model, optimizer, x, y, scaler=None):
    model.zero_grad(set_to_none=True)
    with torch.autocast(device_type=x.device.type):
        output = model(x)
        loss = F.mse_loss(output, y)
        if scaler is None:
            loss.backward()
        else:
            scaler.scale(loss).backward()
    if scaler is None:
        optimizer.step()
    else:
        scaler.step(optimizer)
        scaler.update()
    return float(loss)


@alternative("grads set to None by hand; nn.MSELoss on output.float(); with a scaler an explicit "
             "scaler.unscale_ before scaler.step (no clipping); loss.detach().item()",
             replaces="mixed_train_step")
def step_manual_zero_and_unscale(model, optimizer, x, y, scaler=None):
    for parameter in model.parameters():
        parameter.grad = None
    low = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(x.device.type, dtype=low):
        prediction = model(x)
    loss = nn.MSELoss()(prediction.float(), y)
    if scaler is not None:
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.detach().item()


@alternative("torch.amp.autocast spelling; optimizer.zero_grad(set_to_none=False); the mean squared "
             "error written out in float32", replaces="mixed_train_step")
def step_amp_autocast_manual_mse(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad(set_to_none=False)
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.amp.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = ((output.float() - y) ** 2).mean()
    value = loss.item()
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return value


@alternative("functional keras.Model with dtype= given per layer (policy name strings)",
             replaces="mixed_regressor")
def regressor_functional_per_layer(n_features, policy):
    inputs = keras.Input(shape=(n_features,))
    hidden = keras.layers.Dense(16, activation="relu", dtype=policy)(inputs)
    outputs = keras.layers.Dense(1, dtype="float32")(hidden)
    return keras.Model(inputs, outputs)


@alternative("sets the global policy before building with .add(), then restores the previous global "
             "policy in a finally", replaces="mixed_regressor")
def regressor_global_policy_restored(n_features, policy):
    previous = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        model = keras.Sequential()
        model.add(keras.Input(shape=(n_features,)))
        model.add(keras.layers.Dense(16, activation="relu"))
        model.add(keras.layers.Dense(1, dtype="float32"))
    finally:
        keras.mixed_precision.set_dtype_policy(previous)
    return model


@alternative("passes DTypePolicy objects rather than policy-name strings", replaces="mixed_regressor")
def regressor_policy_objects(n_features, policy):
    mixed = keras.mixed_precision.DTypePolicy(policy)
    full = keras.mixed_precision.DTypePolicy("float32")
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=mixed),
        keras.layers.Dense(1, dtype=full),
    ])
