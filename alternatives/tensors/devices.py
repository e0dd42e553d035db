"""Correct alternatives of kata tensors/devices: other styles the tests must accept."""

import torch

from katas._support.mistakes import alternative


@alternative("loop over (name, check) candidates in order", replaces="best_device")
def best_device_candidates():
    for name, available in (("cuda", torch.cuda.is_available), ("mps", torch.backends.mps.is_available)):
        if available():
            return torch.device(name)
    return torch.device("cpu")


@alternative("cuda with its index (cuda:0), getattr guard for a torch without torch.backends.mps",
             replaces="best_device")
def best_device_cuda_zero():
    if torch.cuda.is_available():
        return torch.device("cuda", 0)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device(type="mps")
    return torch.device(type="cpu")


@alternative("isinstance dispatch: torch.as_tensor for tensors, nn.Module.to (in place) for modules",
             replaces="to_device")
def to_device_dispatch(obj, device):
    if isinstance(obj, torch.Tensor):
        return torch.as_tensor(obj, device=device)
    obj.to(device)  # nn.Module.to moves in place
    return obj


@alternative("keyword form obj.to(device=torch.device(device))", replaces="to_device")
def to_device_keyword(obj, device):
    return obj.to(device=torch.device(device))


@alternative("dict.fromkeys keeps first-seen order; the message repeats no device", replaces="common_device")
def common_device_fromkeys(*tensors):
    found = list(dict.fromkeys(t.device for t in tensors))
    if len(found) > 1:
        raise ValueError("tensors are on different devices: %s" % ", ".join(map(str, found)))
    return found[0]


@alternative("compare against the first, collecting names as it goes, return a fresh torch.device",
             replaces="common_device")
def common_device_loop(*tensors):
    first = tensors[0].device
    seen = [str(first)]
    for t in tensors[1:]:
        if str(t.device) not in seen:
            seen.append(str(t.device))
    if len(seen) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(seen))
    return torch.device(seen[0])


@alternative("distinct devices in first-seen order with dict.fromkeys, joined with map(str, ...)",
             replaces="common_device")
def common_device_dict_fromkeys(*tensors):
    devices = list(dict.fromkeys(t.device for t in tensors))
    if len(devices) != 1:
        raise ValueError("tensors are on different devices: " + ", ".join(map(str, devices)))
    return devices[0]
