"""Reference answer of kata loops/checkpoint."""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn


def save_weights(model: nn.Module, path: str | Path) -> None:
    torch.save(model.state_dict(), path)  # parameters and buffers (batch norm's running statistics)


def load_weights(build: Callable[[], nn.Module], path: str | Path, device: str | torch.device) -> nn.Module:
    model = build()
    # weights_only=True: only tensors and plain containers are unpickled; anything else is refused.
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model.to(device).eval()
