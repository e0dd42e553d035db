"""Reference answer of kata tensors/devices."""

import torch


def best_device() -> torch.device:
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def to_device(obj: torch.Tensor | torch.nn.Module, device: str | torch.device) -> torch.Tensor | torch.nn.Module:
    return obj.to(device)


def common_device(*tensors: torch.Tensor) -> torch.device:
    devices = sorted({str(t.device) for t in tensors})
    if len(devices) != 1:
        raise ValueError(f"tensors are on different devices: {', '.join(devices)}")
    return tensors[0].device
