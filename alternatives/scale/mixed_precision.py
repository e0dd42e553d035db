"""Correct alternatives of kata scale/mixed_precision: other styles the tests must accept."""

import keras
import torch
import torch.nn.functional as F
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


# Written blind, from the stub alone (red team, 2026-12)


def _finish(loss, optimizer, scaler):
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()


# ---------------------------------------------------------------- mixed_train_step

@alternative("autocast without dtype=: the device's default autocast dtype (bfloat16 on CPU, float16 on CUDA)",
             replaces="mixed_train_step")
def autocast_default_dtype(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(x.device.type):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    _finish(loss, optimizer, scaler)
    return loss.item()


@alternative("torch.amp.autocast, loss computed inside the block (autocast runs mse_loss in float32)",
             replaces="mixed_train_step")
def loss_inside_amp_autocast(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad(set_to_none=True)
    dtype = {"cpu": torch.bfloat16}.get(x.device.type, torch.float16)
    with torch.amp.autocast(device_type=x.device.type, dtype=dtype):
        loss = F.mse_loss(model(x), y)
    _finish(loss, optimizer, scaler)
    return float(loss.detach())


@alternative("model.zero_grad() with zeros kept, nn.MSELoss module, float32 cast via .to(y.dtype)",
             replaces="mixed_train_step")
def module_loss_zeroed_grads(model, optimizer, x, y, scaler=None):
    model.zero_grad(set_to_none=False)
    dtype = torch.bfloat16 if x.device == torch.device("cpu") else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = nn.MSELoss()(output.to(torch.float32), y)
    if scaler is not None:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.detach().cpu().item()


@alternative("mean of squared differences written by hand in float32, grads cleared by setting .grad = None",
             replaces="mixed_train_step")
def handwritten_mse(model, optimizer, x, y, scaler=None):
    for group in optimizer.param_groups:
        for p in group["params"]:
            p.grad = None
    dtype = torch.bfloat16 if x.is_cpu else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = (output.float() - y).pow(2).mean()
    value = loss.item()
    _finish(loss, optimizer, scaler)
    return value


@alternative("autocast used as a decorator on an inner forward function, backward inside a helper",
             replaces="mixed_train_step")
def autocast_decorator(model, optimizer, x, y, scaler=None):
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16

    @torch.autocast(device_type=x.device.type, dtype=dtype)
    def forward(inputs):
        return model(inputs)

    optimizer.zero_grad()
    loss = F.mse_loss(forward(x).float(), y)
    _finish(loss, optimizer, scaler)
    return loss.item()


# ---------------------------------------------------------------- mixed_regressor

@alternative("global policy set before building, restored in finally; output given dtype='float32'",
             replaces="mixed_regressor")
def global_policy_restored_sequential(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        model = keras.Sequential([
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, dtype="float32"),
        ])
    finally:
        keras.mixed_precision.set_dtype_policy(previous)
    return model


@alternative("DTypePolicy objects per layer, layers added with .add()", replaces="mixed_regressor")
def policy_objects_add(n_features, policy):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    model.add(keras.layers.Dense(16, activation="relu", dtype=keras.DTypePolicy(policy)))
    model.add(keras.layers.Dense(1, dtype=keras.DTypePolicy("float32")))
    return model


@alternative("keras.config.set_dtype_policy with the previous policy's name restored; output policy object",
             replaces="mixed_regressor")
def config_global_policy(n_features, policy):
    previous_name = keras.config.dtype_policy().name
    keras.config.set_dtype_policy(policy)
    hidden = keras.layers.Dense(16, activation="relu")
    keras.config.set_dtype_policy(previous_name)
    output = keras.layers.Dense(1, dtype=keras.mixed_precision.DTypePolicy("float32"))
    return keras.Sequential([keras.Input(shape=(n_features,)), hidden, output], name="mixed_regressor")


@alternative("per-layer dtype with a separate ReLU-less spelling: activation=keras.activations.relu",
             replaces="mixed_regressor")
def activation_function_object(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation=keras.activations.relu, dtype=policy),
        keras.layers.Dense(1, activation=None, dtype="float32"),
    ])
