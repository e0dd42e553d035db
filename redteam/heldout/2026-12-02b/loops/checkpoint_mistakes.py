"""Blind red team: wrong answers for kata loops/checkpoint."""
import os
import pickle
from pathlib import Path

import torch
from torch import nn
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- save_weights


@mistake("saves the whole model object with torch.save(model, path) instead of its state_dict",
         replaces="save_weights")
def saves_whole_model(model, path):
    torch.save(model, path)


@mistake("forgot the parentheses: torch.save(model.state_dict, path) pickles the bound method "
         "(and with it the model)", replaces="save_weights")
def saves_bound_method(model, path):
    torch.save(model.state_dict, path)


@mistake("saves dict(model.named_parameters()): the parameters only, no buffers such as batch "
         "norm's running statistics", replaces="save_weights")
def parameters_only(model, path):
    torch.save(dict(model.named_parameters()), path)


@mistake("wraps the weights in a tutorial-style checkpoint {'model_state_dict': ...} instead of "
         "writing the state_dict itself", replaces="save_weights")
def wrapped_in_checkpoint_dict(model, path):
    torch.save({"model_state_dict": model.state_dict()}, path)


@mistake("calls model.eval() before saving and leaves the model in eval mode", replaces="save_weights")
def leaves_model_in_eval(model, path):
    model.eval()
    torch.save(model.state_dict(), path)


@mistake("forces the conventional .pt suffix onto the file name", replaces="save_weights")
def forces_pt_suffix(model, path):
    torch.save(model.state_dict(), Path(path).with_suffix(".pt"))


@mistake("refuses to clobber a checkpoint: does nothing when a file is already at path",
         replaces="save_weights")
def keeps_existing_file(model, path):
    if os.path.exists(path):
        return
    torch.save(model.state_dict(), path)


# ---------------------------------------------------------------- load_weights


@mistake("no map_location: the tensors load onto the device they were saved from; the model is "
         "moved to device only afterwards", replaces="load_weights")
def no_map_location(build, path, device):
    model = build().to(device)
    model.load_state_dict(torch.load(path, weights_only=True))
    model.eval()
    return model


@mistake("does not pass weights_only=True: relies on torch's default", replaces="load_weights")
def relies_on_default_weights_only(build, path, device):
    state = torch.load(path, map_location=device)
    model = build().to(device)
    model.load_state_dict(state)
    model.eval()
    return model


@mistake("when the weights-only load fails, retries with weights_only=False (and takes the "
         "state_dict of a pickled model)", replaces="load_weights")
def falls_back_to_full_unpickling(build, path, device):
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError:
        state = torch.load(path, map_location=device, weights_only=False)
    if isinstance(state, nn.Module):
        state = state.state_dict()
    model = build().to(device)
    model.load_state_dict(state)
    model.eval()
    return model


@mistake("catches the UnpicklingError and raises a friendlier RuntimeError instead",
         replaces="load_weights")
def rewraps_unpickling_error(build, path, device):
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError as error:
        raise RuntimeError(f"{path} is not a weights-only checkpoint: {error}") from error
    model = build().to(device)
    model.load_state_dict(state)
    model.eval()
    return model


@mistake("wrote model.eval without the parentheses, so the model stays in train mode",
         replaces="load_weights")
def eval_without_call(build, path, device):
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    model.eval
    return model


@mistake("switches autograd off globally (torch.set_grad_enabled(False)) so the model is 'ready "
         "for inference', and never switches it back", replaces="load_weights")
def grad_mode_switched_off(build, path, device):
    torch.set_grad_enabled(False)
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    model.eval()
    return model
