"""Blind red team: correct answers in other styles for kata scale/mixed_precision."""
import keras
import torch
from torch import nn

from katas._support.mistakes import alternative


# ---------------------------------------------------------------- mixed_train_step


@alternative("model.zero_grad(set_to_none=True), autocast with its default dtype (dtype= left "
             "out), the loss AND the backward inside the autocast block, an extra "
             "scaler.unscale_ before scaler.step, float(loss)", replaces="mixed_train_step")
def everything_inside_autocast(model, optimizer, x, y, scaler=None):
    model.zero_grad(set_to_none=True)
    with torch.autocast(device_type=x.device.type):
        loss = nn.functional.mse_loss(model(x), y)
        if scaler is not None:
            scaler.scale(loss).backward()
        else:
            loss.backward()
    if scaler is not None:
        scaler.unscale_(optimizer)
        scaler.step(optimizer)
        scaler.update()
    else:
        optimizer.step()
    return float(loss)


@alternative("dtype chosen explicitly with x.is_cpu, positional device type, output cast with "
             ".to(torch.float32), the loss value read before backward, grads zeroed in place "
             "(set_to_none=False)", replaces="mixed_train_step")
def explicit_dtype_value_first(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad(set_to_none=False)
    dtype = torch.bfloat16 if x.is_cpu else torch.float16
    with torch.autocast(x.device.type, dtype=dtype):
        prediction = model(x)
    loss = torch.nn.functional.mse_loss(prediction.to(torch.float32), y)
    value = loss.item()
    if scaler is None:
        loss.backward()
        optimizer.step()
        return value
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    return value


# ---------------------------------------------------------------- mixed_regressor


@alternative("functional keras.Model built under the global policy (set before, the previous "
             "policy object put back in a finally), the output Dense given dtype='float32'",
             replaces="mixed_regressor")
def functional_under_global_policy(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        inputs = keras.Input(shape=(n_features,))
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(1, dtype="float32")(hidden)
        model = keras.Model(inputs, outputs)
    finally:
        keras.mixed_precision.set_dtype_policy(previous)
    return model


@alternative("Sequential grown with .add(), each Dense given a DTypePolicy object; the global "
             "policy never touched", replaces="mixed_regressor")
def sequential_add_with_policy_objects(n_features, policy):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    model.add(keras.layers.Dense(16, activation="relu", dtype=keras.mixed_precision.DTypePolicy(policy)))
    model.add(keras.layers.Dense(1, dtype=keras.mixed_precision.DTypePolicy("float32")))
    return model
