"""Correct alternatives of kata loops/checkpoint: other styles the tests must accept."""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- save_weights

@alternative("writes through an open binary file handle, path converted with Path()", replaces="save_weights")
def save_via_file_handle(model: nn.Module, path: str | Path) -> None:
    with Path(path).open("wb") as f:
        torch.save(model.state_dict(), f)


@alternative("saves detached CPU clones of every state_dict entry in a plain dict (not the OrderedDict)",
             replaces="save_weights")
def save_cpu_clones(model: nn.Module, path: str | Path) -> None:
    state = {name: tensor.detach().cpu().clone() for name, tensor in model.state_dict().items()}
    torch.save(state, str(path))


@alternative("state_dict(keep_vars=True): saves the Parameter objects themselves (still tensors)",
             replaces="save_weights")
def save_keep_vars(model: nn.Module, path: str | Path) -> None:
    torch.save(model.state_dict(keep_vars=True), path)


# ---------------------------------------------------------------- load_weights

@alternative("moves the fresh model to the device first, loads the file on the CPU, model.train(False)",
             replaces="load_weights")
def load_move_first(build: Callable[[], nn.Module], path: str | Path,
                    device: str | torch.device) -> nn.Module:
    model = build().to(torch.device(device))
    state = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(state, strict=True)
    model.train(False)
    return model


@alternative("reads through an open file handle with a torch.device map_location, steps on separate lines",
             replaces="load_weights")
def load_via_file_handle(build: Callable[[], nn.Module], path: str | Path,
                         device: str | torch.device) -> nn.Module:
    dev = torch.device(device)
    with open(path, "rb") as f:
        state = torch.load(f, map_location=dev, weights_only=True)
    model = build()
    model.load_state_dict(state)
    model.eval()
    model.to(dev)
    return model


@alternative("load_state_dict(..., assign=True) with tensors already mapped to the device", replaces="load_weights")
def load_assign(build: Callable[[], nn.Module], path: str | Path,
                device: str | torch.device) -> nn.Module:
    state = torch.load(path, map_location=device, weights_only=True)
    model = build()
    model.load_state_dict(state, assign=True)
    return model.to(device).eval()
