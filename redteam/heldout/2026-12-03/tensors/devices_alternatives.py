"""Blind red team: correct alternative answers for kata tensors/devices."""
import torch
from katas._support.mistakes import alternative


@alternative("one conditional expression building the torch.device from a name", replaces="best_device")
def conditional_best_device():
    return torch.device(
        "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    )


@alternative("keyword form .to(device=torch.device(device)) for tensors and modules alike", replaces="to_device")
def keyword_to_device(obj, device):
    return obj.to(device=torch.device(device))


@alternative("tensor always copied with .to(device, copy=True); module moved with .to", replaces="to_device")
def copy_to_device(obj, device):
    if isinstance(obj, torch.Tensor):
        return obj.to(device, copy=True)
    obj.to(device)
    return obj


@alternative("explicit loop collecting distinct devices in first-seen order", replaces="common_device")
def loop_common_device(*tensors):
    found = []
    for t in tensors:
        if t.device not in found:
            found.append(t.device)
    if len(found) != 1:
        raise ValueError("tensors are on different devices: " + ", ".join(map(str, found)))
    return found[0]


@alternative("set of devices, names sorted in the message", replaces="common_device")
def set_common_device(*tensors):
    devices = {t.device for t in tensors}
    if len(devices) > 1:
        names = sorted(str(d) for d in devices)
        raise ValueError(f"tensors are on different devices: {', '.join(names)}")
    (only,) = devices
    return only
