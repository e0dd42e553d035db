"""Named mistakes of kata scale/mixed_precision."""

import keras
import torch
import torch.nn.functional as F
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


# Written blind, from the stub alone (red team, 2026-12)


def _dtype_for(x):
    return torch.bfloat16 if x.device.type == "cpu" else torch.float16


# ---------------------------------------------------------------- mixed_train_step

@mistake("forgot to zero the gradients, so they pile up from the previous steps", replaces="mixed_train_step")
def no_zero_grad(model, optimizer, x, y, scaler=None):
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("zeroed the gradients at the end, after the step, to tidy up", replaces="mixed_train_step")
def zero_grad_after_step(model, optimizer, x, y, scaler=None):
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    optimizer.zero_grad()
    return loss.item()


@mistake("used float16 everywhere, the CPU included (float16 is 'the' half precision)", replaces="mixed_train_step")
def float16_on_cpu(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=torch.float16):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("picked float16 whenever a GradScaler is passed, bfloat16 only without one", replaces="mixed_train_step")
def float16_when_scaler(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if scaler is None else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("wrote autocast for 'cuda', the mixed-precision device, so on the CPU nothing is autocast", replaces="mixed_train_step")
def autocast_cuda_hardcoded(model, optimizer, x, y, scaler=None):
    import warnings
    optimizer.zero_grad()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("skipped autocast: plain float32 forward is 'mixed' enough since the loss is float32", replaces="mixed_train_step")
def no_autocast(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    output = model(x)
    loss = F.mse_loss(output, y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("summed the squared errors instead of averaging them", replaces="mixed_train_step")
def sum_reduction(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y, reduction="sum")
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("squeezed the target to 1-D, so mse_loss broadcasts (N, 1) against (N,)", replaces="mixed_train_step")
def squeezed_target_broadcast(model, optimizer, x, y, scaler=None):
    import warnings
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loss = F.mse_loss(output.float(), y.squeeze(-1))
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("returned the loss tensor instead of a Python float", replaces="mixed_train_step")
def returns_tensor(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.detach()


@mistake("returned the scaled loss (the one that was backpropagated) when a scaler is used", replaces="mixed_train_step")
def returns_scaled_loss(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
        return loss.item()
    scaled = scaler.scale(loss)
    scaled.backward()
    scaler.step(optimizer)
    scaler.update()
    return scaled.item()


@mistake("reported the loss recomputed after the step, to show the improvement", replaces="mixed_train_step")
def returns_loss_after_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    device_type, dtype = x.device.type, _dtype_for(x)
    with torch.autocast(device_type=device_type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    with torch.no_grad(), torch.autocast(device_type=device_type, dtype=dtype):
        after = F.mse_loss(model(x).float(), y)
    return after.item()


@mistake("entered autocast with __enter__() and never left it, so autocast stays on", replaces="mixed_train_step")
def autocast_left_on(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    ctx = torch.autocast(device_type=x.device.type, dtype=_dtype_for(x))
    ctx.__enter__()
    output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("with a scaler, backpropagated the plain loss but still used scaler.step", replaces="mixed_train_step")
def scaler_unscaled_backward(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    loss.backward()
    if scaler is None:
        optimizer.step()
    else:
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("with a scaler, only scaled the loss and then called optimizer.step() as usual", replaces="mixed_train_step")
def scaler_plain_optimizer_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
    else:
        scaler.scale(loss).backward()
    optimizer.step()
    return loss.item()


@mistake("unscaled by hand then optimizer.step(), so an overflowing step is not skipped", replaces="mixed_train_step")
def scaler_unscale_then_plain_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        optimizer.step()
        scaler.update()
    return loss.item()


@mistake("ignored the scaler argument: bfloat16 on the CPU needs no scaling anyway", replaces="mixed_train_step")
def scaler_ignored(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("called scaler.update() before scaler.step() (update the scale, then step)", replaces="mixed_train_step")
def scaler_update_before_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        scaler.update()
        scaler.step(optimizer)
    return loss.item()


@mistake("averaged over the batch, then added up the output columns (same as the mean for one output)",
         replaces="mixed_train_step")
def mean_over_batch_only(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = ((output.float() - y) ** 2).mean(dim=0).sum()
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("zeroed the gradients right before the step instead of before the forward", replaces="mixed_train_step")
def zero_grad_before_step(model, optimizer, x, y, scaler=None):
    with torch.autocast(device_type=x.device.type, dtype=_dtype_for(x)):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        optimizer.zero_grad()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


# ---------------------------------------------------------------- mixed_regressor

@mistake("set the global policy before building and never put the old one back", replaces="mixed_regressor")
def global_policy_not_restored(n_features, policy):
    keras.mixed_precision.set_dtype_policy(policy)
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("restored the global policy to 'float32' instead of to whatever it was before", replaces="mixed_regressor")
def global_policy_reset_to_float32(n_features, policy):
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        return keras.Sequential([
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, dtype="float32"),
        ])
    finally:
        keras.mixed_precision.set_dtype_policy("float32")


@mistake("set the global policy after creating the layers, so it comes too late for them", replaces="mixed_regressor")
def global_policy_set_too_late(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    layers = [
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ]
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        return keras.Sequential(layers)
    finally:
        keras.mixed_precision.set_dtype_policy(previous)


@mistake("used the global policy for every layer, the output Dense too", replaces="mixed_regressor")
def output_layer_mixed_too(n_features, policy):
    previous = keras.mixed_precision.dtype_policy()
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        return keras.Sequential([
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1),
        ])
    finally:
        keras.mixed_precision.set_dtype_policy(previous)


@mistake("followed the guide: mixed output Dense then a float32 linear Activation", replaces="mixed_regressor")
def float32_activation_after_mixed_output(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype=policy),
        keras.layers.Activation("linear", dtype="float32"),
    ])


@mistake("gave the hidden layer the policy but left the output Dense on the global default", replaces="mixed_regressor")
def output_dtype_left_to_global(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1),
    ])


@mistake("passed the plain 16-bit dtype ('float16'/'bfloat16') instead of the mixed policy", replaces="mixed_regressor")
def plain_16bit_dtype(n_features, policy):
    half = policy.replace("mixed_", "")
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=half),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("always used 'mixed_float16', the usual mixed-precision policy", replaces="mixed_regressor")
def policy_hardcoded_float16(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype="mixed_float16"),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("forgot the relu on the hidden Dense", replaces="mixed_regressor")
def hidden_without_relu(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, dtype=policy),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("put relu on the output too (a regression target can be negative)", replaces="mixed_regressor")
def relu_on_output(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, activation="relu", dtype="float32"),
    ])


@mistake("sized the hidden layer by n_features instead of 16", replaces="mixed_regressor")
def hidden_width_n_features(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(n_features, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("added a second mixed hidden Dense for capacity", replaces="mixed_regressor")
def extra_hidden_layer(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("left out keras.Input, so the model has no input shape until first called", replaces="mixed_regressor")
def no_input_layer(n_features, policy):
    return keras.Sequential([
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype="float32"),
    ])


# Added while merging the red team's notes (mutating the caller's batch)


@mistake("casts the caller's batch in place to the 16-bit dtype (x.data = x.data.to(dtype))", replaces="mixed_train_step")
def batch_cast_in_place(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    x.data = x.data.to(_dtype_for(x))
    with torch.autocast(device_type=x.device.type, dtype=x.dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("gave the output Dense a leaky_relu, 'to keep some slope'", replaces="mixed_regressor")
def leaky_output(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, activation="leaky_relu", dtype="float32"),
    ])
