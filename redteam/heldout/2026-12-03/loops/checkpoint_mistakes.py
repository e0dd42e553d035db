"""Blind red team: wrong answers for kata loops/checkpoint."""
import pickle

import torch
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- save_weights


@mistake(
    "I saved the whole model with torch.save(model, path) instead of its state_dict; "
    "torch.load(..., weights_only=True) refuses the pickled module",
    replaces="save_weights",
)
def save_whole_model(model, path):
    torch.save(model, path)


@mistake(
    "I converted every tensor to a NumPy array to make the file portable; the docstring says "
    "tensors only, no NumPy arrays",
    replaces="save_weights",
)
def save_numpy_arrays(model, path):
    state = {name: tensor.detach().cpu().numpy() for name, tensor in model.state_dict().items()}
    torch.save(state, path)


@mistake(
    "I saved only named_parameters(), so the buffers (BatchNorm's running mean/var and "
    "num_batches_tracked) are missing",
    replaces="save_weights",
)
def save_parameters_only(model, path):
    state = {name: parameter.detach() for name, parameter in model.named_parameters()}
    torch.save(state, path)


@mistake(
    "I called model.eval() before saving 'to freeze it' and didn't switch it back, so a model "
    "in train mode is left in eval mode",
    replaces="save_weights",
)
def save_leaves_model_in_eval(model, path):
    model.eval()
    torch.save(model.state_dict(), path)


@mistake(
    "I wrapped the weights as {'state_dict': ...} like a training checkpoint; the file must be "
    "the state_dict itself, so load_state_dict on it fails",
    replaces="save_weights",
)
def save_nested_checkpoint(model, path):
    torch.save({"state_dict": model.state_dict()}, path)


@mistake(
    "I cast every tensor with .float() to be safe, which changes float64 weights and the int64 "
    "num_batches_tracked buffer: the dtypes are not kept",
    replaces="save_weights",
)
def save_cast_to_float32(model, path):
    state = {name: tensor.float() for name, tensor in model.state_dict().items()}
    torch.save(state, path)


# ---------------------------------------------------------------- load_weights


@mistake(
    "I forgot map_location, so a file saved on a GPU can't be loaded on a CPU-only machine "
    "(and the tensors don't land on device as they load)",
    replaces="load_weights",
)
def load_without_map_location(build, path, device):
    state = torch.load(path, weights_only=True)
    model = build()
    model.load_state_dict(state)
    return model.to(device).eval()


@mistake(
    "I forgot model.eval(): the copy stays in train mode and its Dropout/BatchNorm behave "
    "differently from the saved model in eval mode",
    replaces="load_weights",
)
def load_without_eval(build, path, device):
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    return model


@mistake(
    "I relied on torch.load's default for weights_only (True since 2.6) instead of passing "
    "weights_only=True myself, so with an older torch or TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1 any "
    "pickle gets loaded",
    replaces="load_weights",
)
def load_relies_on_default_weights_only(build, path, device):
    state = torch.load(path, map_location=device)
    model = build().to(device)
    model.load_state_dict(state)
    return model.eval()


@mistake(
    "when weights_only=True raised UnpicklingError I retried with weights_only=False, which runs "
    "the file's code instead of letting the error through",
    replaces="load_weights",
)
def load_falls_back_to_full_unpickling(build, path, device):
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError:
        state = torch.load(path, map_location=device, weights_only=False)
    if isinstance(state, torch.nn.Module):
        state = state.state_dict()
    model = build().to(device)
    model.load_state_dict(state)
    return model.eval()


@mistake(
    "I called torch.set_grad_enabled(False) to get the model ready for inference, which switches "
    "grad mode off for the caller too",
    replaces="load_weights",
)
def load_turns_grad_mode_off(build, path, device):
    torch.set_grad_enabled(False)
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    return model.eval()


@mistake(
    "I added model.float() after loading 'to be safe', so a model saved in float64 comes back "
    "as float32 and no longer predicts exactly the same",
    replaces="load_weights",
)
def load_casts_to_float32(build, path, device):
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    return model.float().eval()
