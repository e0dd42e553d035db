"""Kata tensors/devices: where tensors live, and moving them.

A tensor lives on one device (cpu, cuda for an NVIDIA GPU, mps for Apple silicon). Operations
need all their tensors on the same device; otherwise torch raises a long error at the first op.
"""

import torch


def best_device() -> torch.device:
    """The best device here: cuda if available, else mps if available, else cpu.

    >>> best_device()          # on a machine without a GPU
    device(type='cpu')
    """
    raise NotImplementedError("best_device(): not implemented yet (kata tensors/devices)")


def to_device(obj: torch.Tensor | torch.nn.Module, device: str | torch.device) -> torch.Tensor | torch.nn.Module:
    """``obj`` (a tensor or a module) on ``device``, returned.

    >>> to_device(torch.zeros(2), "meta").device
    device(type='meta')
    """
    raise NotImplementedError("to_device(): not implemented yet (kata tensors/devices)")


def common_device(*tensors: torch.Tensor) -> torch.device:
    """The device all ``tensors`` share; ValueError naming every device found when they differ.

    >>> common_device(torch.zeros(1), torch.zeros(1, device="meta"))
    Traceback (most recent call last):
    ValueError: tensors are on different devices: cpu, meta
    """
    raise NotImplementedError("common_device(): not implemented yet (kata tensors/devices)")
