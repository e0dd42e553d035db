"""Blind red team: correct answers in other styles for kata loops/checkpoint."""
import os
from pathlib import Path

import torch
from katas._support.mistakes import alternative


@alternative(
    "opens the file itself in 'wb' mode (truncating any old file) and passes the file object "
    "to torch.save",
    replaces="save_weights",
)
def save_through_file_object(model, path):
    with open(path, "wb") as handle:
        torch.save(model.state_dict(), handle)


@alternative(
    "atomic write: saves to a temporary file next to the target, then os.replace() puts it at "
    "path (replacing any old file)",
    replaces="save_weights",
)
def save_atomically(model, path):
    target = Path(path)
    temporary = target.with_name(target.name + ".partial")
    torch.save(model.state_dict(), temporary)
    os.replace(temporary, target)


@alternative(
    "loads the state dict first (from an open file object, map_location=torch.device(device), "
    "weights_only=True), then builds, loads, moves with .to(device) and switches with "
    "train(False)",
    replaces="load_weights",
)
def load_state_first(build, path, device):
    with open(path, "rb") as handle:
        state = torch.load(handle, map_location=torch.device(device), weights_only=True)
    model = build()
    model.load_state_dict(state)
    model.to(device)
    model.train(False)
    return model
