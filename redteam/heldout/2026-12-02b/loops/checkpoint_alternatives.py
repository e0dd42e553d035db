"""Blind red team: correct answers in other styles for kata loops/checkpoint."""
import os
from pathlib import Path

import torch
from katas._support.mistakes import alternative


@alternative("plain dict of detached clones, written through a file handle opened with 'wb'",
             replaces="save_weights")
def cloned_plain_dict(model, path):
    state = {name: tensor.detach().clone() for name, tensor in model.state_dict().items()}
    with open(path, "wb") as handle:
        torch.save(state, handle)


@alternative("os.fspath(path), state_dict taken into a variable first", replaces="save_weights")
def fspath_save(model, path):
    weights = model.state_dict()
    torch.save(weights, os.fspath(path))


@alternative("torch.device(...), model moved before loading, load_state_dict under no_grad, "
             "keyword order map_location/weights_only swapped, train(False)", replaces="load_weights")
def device_first_no_grad(build, path, device):
    device = torch.device(device)
    model = build()
    model.to(device)
    state = torch.load(Path(path), weights_only=True, map_location=device)
    with torch.no_grad():
        model.load_state_dict(state)
    model.train(False)
    return model


@alternative("load_state_dict(..., assign=True): the module takes the loaded tensors themselves "
             "(saved dtype, already mapped to device); chained .to(device).eval()",
             replaces="load_weights")
def assigns_loaded_tensors(build, path, device):
    state = torch.load(path, map_location=device, weights_only=True)
    model = build()
    model.load_state_dict(state, assign=True)
    return model.to(device).eval()
