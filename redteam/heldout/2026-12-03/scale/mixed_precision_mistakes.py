"""Blind red team: wrong answers for kata scale/mixed_precision."""
import keras
import torch
from torch import nn

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- mixed_train_step


@mistake("I forgot the autocast block: the forward runs all in float32, no Linear computes in "
         "16 bits (the loss and the weights look fine)", replaces="mixed_train_step")
def no_autocast(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("I always used dtype=torch.float16 ('half precision'), also on the CPU where the "
         "docstring asks for bfloat16", replaces="mixed_train_step")
def float16_everywhere(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=torch.float16):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("I hard-coded torch.autocast('cuda') from the tutorial: on CPU tensors it changes "
         "nothing and the Linear layers stay float32", replaces="mixed_train_step")
def autocast_hard_coded_to_cuda(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast("cuda", dtype=torch.float16):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("I computed the loss outside autocast on the 16-bit output, casting y to its dtype "
         "to make the dtypes match: the loss is 16-bit, not float32", replaces="mixed_train_step")
def loss_in_16_bits(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type):
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


@mistake("with a scaler I returned the scaled loss (the tensor I called backward on), "
         "not the float32 loss of the batch", replaces="mixed_train_step")
def returns_the_scaled_loss(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
        return loss.item()
    scaled = scaler.scale(loss)
    scaled.backward()
    scaler.step(optimizer)
    scaler.update()
    return scaled.item()


@mistake("with a scaler I unscaled the gradients myself and called optimizer.step() directly "
         "(then scaler.update()): an overflowing step is applied instead of skipped",
         replaces="mixed_train_step")
def optimizer_stepped_directly(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        optimizer.step()
        scaler.update()
    return loss.item()


@mistake("I forgot to zero the gradients: each call adds its gradients to the previous "
         "step's .grad", replaces="mixed_train_step")
def gradients_never_zeroed(model, optimizer, x, y, scaler=None):
    with torch.autocast(device_type=x.device.type):
        output = model(x)
    loss = nn.functional.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


# ---------------------------------------------------------------- mixed_regressor


@mistake("I set the global policy and built the model, but never set the policy back: every "
         "model built afterwards is mixed too", replaces="mixed_regressor")
def global_policy_left_set(n_features, policy):
    keras.mixed_precision.set_dtype_policy(policy)
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("I put the global policy back to 'float32' after building instead of to the policy "
         "that was in force before the call", replaces="mixed_regressor")
def policy_reset_to_float32(n_features, policy):
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        model = keras.Sequential([
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, dtype="float32"),
        ])
    finally:
        keras.mixed_precision.set_dtype_policy("float32")
    return model


@mistake("I kept the output Dense under the mixed policy and added a float32 linear Activation "
         "after it (the guide's trick): the predictions are float32 but the output Dense computes "
         "in 16 bits", replaces="mixed_regressor")
def float32_activation_after_a_mixed_output(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype=policy),
        keras.layers.Activation("linear", dtype="float32"),
    ])


@mistake("I gave the hidden Dense the plain 16-bit dtype ('float16' / 'bfloat16', the policy "
         "name without 'mixed_'): its variables are 16-bit too, not float32",
         replaces="mixed_regressor")
def hidden_layer_all_16_bits(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy.replace("mixed_", "")),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("I made the layers first and set the global policy only before putting them in the "
         "Sequential: layers read the policy when they are created, so the hidden Dense is float32",
         replaces="mixed_regressor")
def policy_set_after_making_the_layers(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    hidden = keras.layers.Dense(16, activation="relu")
    output = keras.layers.Dense(1, dtype="float32")
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        model = keras.Sequential([keras.Input(shape=(n_features,)), hidden, output])
    finally:
        keras.mixed_precision.set_dtype_policy(previous)
    return model
