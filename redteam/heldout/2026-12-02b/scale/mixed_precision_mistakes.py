"""Blind red team: wrong answers for kata scale/mixed_precision."""
import keras
import torch
from torch.nn import functional as F

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- mixed_train_step


@mistake("I never zero the gradients, so each step adds onto the .grad left by the previous one",
         replaces="mixed_train_step")
def step_without_zero_grad(model, optimizer, x, y, scaler=None):
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
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


@mistake("I zero the gradients at the end of the step (after optimizer.step), the way my training loops "
         "do, so .grad is empty after the step", replaces="mixed_train_step")
def step_zero_grad_at_end(model, optimizer, x, y, scaler=None):
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
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
    optimizer.zero_grad()
    return loss.item()


@mistake("I used float16 for autocast everywhere, also on the CPU where bfloat16 is asked",
         replaces="mixed_train_step")
def step_float16_on_cpu(model, optimizer, x, y, scaler=None):
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


@mistake("I hard-coded torch.autocast('cuda'), so on CPU tensors nothing is autocast and the Linear "
         "layers stay float32", replaces="mixed_train_step")
def step_autocast_cuda_hardcoded(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    with torch.autocast("cuda", dtype=torch.float16):
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


@mistake("I converted the model itself to 16 bits (model.to(bfloat16)) instead of using autocast, so the "
         "weights are no longer float32", replaces="mixed_train_step")
def step_model_cast_to_half(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    model.to(dtype)
    output = model(x.to(dtype))
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("with a scaler I overwrote loss with scaler.scale(loss) and returned that, the scaled loss",
         replaces="mixed_train_step")
def step_returns_scaled_loss(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is not None:
        loss = scaler.scale(loss)
        loss.backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.item()


@mistake("with a scaler I scaled the loss for backward but then called optimizer.step() directly (no "
         "scaler.step / scaler.update), so the step uses scaled gradients", replaces="mixed_train_step")
def step_scaler_direct_optimizer_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
    else:
        scaler.scale(loss).backward()
    optimizer.step()
    return loss.item()


@mistake("I called scaler.update() before scaler.step(optimizer)", replaces="mixed_train_step")
def step_scaler_update_before_step(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.update()
        scaler.step(optimizer)
    return loss.item()


@mistake("I ignored the optional scaler and always did loss.backward() and optimizer.step()",
         replaces="mixed_train_step")
def step_ignores_scaler(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output.float(), y)
    loss.backward()
    optimizer.step()
    return loss.item()


@mistake("mse_loss complained about mixed dtypes outside autocast, so I cast y to the output's 16-bit "
         "dtype: the loss is computed in bfloat16, not float32", replaces="mixed_train_step")
def step_loss_in_16_bits(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
    with torch.autocast(device_type=x.device.type, dtype=dtype):
        output = model(x)
    loss = F.mse_loss(output, y.to(output.dtype))
    if scaler is None:
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return loss.item()


@mistake("I returned the loss tensor (detached) instead of a Python float", replaces="mixed_train_step")
def step_returns_tensor(model, optimizer, x, y, scaler=None):
    optimizer.zero_grad()
    dtype = torch.bfloat16 if x.device.type == "cpu" else torch.float16
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
    return loss.detach()


# ---------------------------------------------------------------- mixed_regressor


@mistake("I set the global policy as the Keras guide does and never put the previous one back",
         replaces="mixed_regressor")
def regressor_global_policy_not_restored(n_features, policy):
    keras.mixed_precision.set_dtype_policy(policy)
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("I reset the global policy to 'float32' afterwards instead of to the policy that was there before",
         replaces="mixed_regressor")
def regressor_global_policy_reset_to_float32(n_features, policy):
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


@mistake("I gave both Dense layers dtype=policy, so the output layer also computes in 16 bits",
         replaces="mixed_regressor")
def regressor_output_layer_mixed(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype=policy),
    ])


@mistake("I followed the guide's trick: a mixed output Dense followed by a float32 linear Activation, so "
         "the output Dense still computes in 16 bits", replaces="mixed_regressor")
def regressor_float32_activation_after_mixed_dense(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=policy),
        keras.layers.Dense(1, dtype=policy),
        keras.layers.Activation("linear", dtype="float32"),
    ])


@mistake("I gave the hidden layer the plain 16-bit dtype ('float16'/'bfloat16') instead of the mixed "
         "policy, so its weights are 16-bit too", replaces="mixed_regressor")
def regressor_plain_half_dtype(n_features, policy):
    half = "float16" if policy == "mixed_float16" else "bfloat16"
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype=half),
        keras.layers.Dense(1, dtype="float32"),
    ])


@mistake("I hard-coded 'mixed_bfloat16' (the docstring's example) instead of using the policy argument",
         replaces="mixed_regressor")
def regressor_policy_hardcoded(n_features, policy):
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(16, activation="relu", dtype="mixed_bfloat16"),
        keras.layers.Dense(1, dtype="float32"),
    ])
