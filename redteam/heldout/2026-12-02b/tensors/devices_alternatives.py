"""Blind red team: correct answers in other styles for kata tensors/devices."""
import torch

from katas._support.mistakes import alternative


@alternative("one conditional expression inside torch.device(...)", replaces="best_device")
def best_device_conditional_expression():
    return torch.device(
        "cuda" if torch.cuda.is_available()
        else "mps" if torch.backends.mps.is_available()
        else "cpu"
    )


@alternative("walks (name, check) pairs in order of preference, checks looked up at call time",
             replaces="best_device")
def best_device_from_candidates():
    candidates = (
        ("cuda", lambda: torch.cuda.is_available()),
        ("mps", lambda: torch.backends.mps.is_available()),
    )
    for name, available in candidates:
        if available():
            return torch.device(name)
    return torch.device("cpu")


@alternative("two branches: a module's .to works in place and obj is returned; a tensor uses "
             ".to(device=torch.device(...))", replaces="to_device")
def to_device_two_branches(obj, device):
    device = torch.device(device)
    if isinstance(obj, torch.nn.Module):
        obj.to(device)
        return obj
    return obj.to(device=device)


@alternative("always copies a tensor with .to(device, copy=True)", replaces="to_device")
def to_device_tensor_copy(obj, device):
    if isinstance(obj, torch.Tensor):
        return obj.to(device, copy=True)
    return obj.to(device)


@alternative("distinct devices in first-seen order with dict.fromkeys, joined with map(str, ...)",
             replaces="common_device")
def common_device_dict_fromkeys(*tensors):
    devices = list(dict.fromkeys(t.device for t in tensors))
    if len(devices) != 1:
        raise ValueError("tensors are on different devices: " + ", ".join(map(str, devices)))
    return devices[0]
