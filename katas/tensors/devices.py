"""Kata tensors/devices: where tensors live, and moving them.

A tensor lives on one device (cpu, cuda for an NVIDIA GPU, mps for Apple silicon). Operations
need all their tensors on the same device; otherwise torch raises a long error at the first op.
"""

import torch


def best_device() -> torch.device:
    """The best device here, as a torch.device: cuda if torch.cuda.is_available(), else mps if
    torch.backends.mps.is_available(), else cpu. Ask on every call, through those two modules
    (the tests stand in for the two functions there); do not remember the answer.

    >>> best_device()          # on a machine without a GPU
    device(type='cpu')
    """
    raise NotImplementedError("best_device(): not implemented yet (kata tensors/devices)")


def to_device(obj: torch.Tensor | torch.nn.Module, device: str | torch.device) -> torch.Tensor | torch.nn.Module:
    """``obj`` (a tensor or a module) on ``device``, returned.

    ``device`` is a name or a torch.device, index included: "cuda:1" is the second GPU, not the
    current one. A tensor keeps its values and dtype, and the caller's tensor stays where it was.
    A module comes back with every parameter and buffer (BatchNorm's running statistics too) on
    ``device``, values kept.

    >>> to_device(torch.zeros(2), "meta").device
    device(type='meta')
    """
    raise NotImplementedError("to_device(): not implemented yet (kata tensors/devices)")


def common_device(*tensors: torch.Tensor) -> torch.device:
    """The device all ``tensors`` (one or more) share, as a torch.device.

    When they differ: ValueError whose message lists every device found, comma-separated as in
    the example below (in any order), each written as str(device) writes it. Devices differ by
    index too: cuda:0 and cuda:1 are two devices.

    >>> common_device(torch.zeros(1), torch.zeros(1, device="meta"))
    Traceback (most recent call last):
    ValueError: tensors are on different devices: cpu, meta
    """
    raise NotImplementedError("common_device(): not implemented yet (kata tensors/devices)")
