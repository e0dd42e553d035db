"""Blind red team: wrong answers for kata tensors/devices."""
import torch

from katas._support.mistakes import mistake

_best_device_cache = {}


# ------------------------------------------------------------- best_device


@mistake("works the device out once and keeps it in a module-level cache", replaces="best_device")
def best_device_cached():
    if "device" not in _best_device_cache:
        if torch.cuda.is_available():
            _best_device_cache["device"] = torch.device("cuda")
        elif torch.backends.mps.is_available():
            _best_device_cache["device"] = torch.device("mps")
        else:
            _best_device_cache["device"] = torch.device("cpu")
    return _best_device_cache["device"]


@mistake("returns the device name as a string, which .to() accepts anyway", replaces="best_device")
def best_device_as_string():
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


@mistake("only knows cuda or cpu, forgot Apple's mps", replaces="best_device")
def best_device_without_mps():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@mistake("checks torch.backends.mps.is_built() instead of is_available()", replaces="best_device")
def best_device_mps_is_built():
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_built():
        return torch.device("mps")
    return torch.device("cpu")


# --------------------------------------------------------------- to_device


@mistake("calls obj.to(device) and returns obj, as for a module (a tensor's .to is not in place)",
         replaces="to_device")
def to_device_returns_obj(obj, device):
    obj.to(device)
    return obj


@mistake("moves the module's parameters one by one and forgets the buffers", replaces="to_device")
def to_device_parameters_only(obj, device):
    if isinstance(obj, torch.nn.Module):
        for p in obj.parameters():
            p.data = p.data.to(device)
        return obj
    return obj.to(device)


@mistake("adds .float() out of habit (models want float32)", replaces="to_device")
def to_device_then_float(obj, device):
    return obj.to(device).float()


@mistake("uses .cuda() for anything cuda, which goes to the current GPU, not cuda:1", replaces="to_device")
def to_device_cuda_shortcut(obj, device):
    if str(device).startswith("cuda"):
        return obj.cuda()
    return obj.to(device)


# ----------------------------------------------------------- common_device


@mistake("returns the device as a string (str(device))", replaces="common_device")
def common_device_as_string(*tensors):
    devices = {str(t.device) for t in tensors}
    if len(devices) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(sorted(devices)))
    return devices.pop()


@mistake("compares device types only, so cuda:0 and cuda:1 count as the same device",
         replaces="common_device")
def common_device_type_only(*tensors):
    types = {t.device.type for t in tensors}
    if len(types) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(sorted(types)))
    return tensors[0].device


@mistake("raises at the first mismatch, naming only the first device and the odd one",
         replaces="common_device")
def common_device_first_mismatch_only(*tensors):
    first = tensors[0].device
    for t in tensors[1:]:
        if t.device != first:
            raise ValueError(f"tensors are on different devices: {first}, {t.device}")
    return first


@mistake("raises RuntimeError, the error torch itself raises for mixed devices", replaces="common_device")
def common_device_runtime_error(*tensors):
    devices = []
    for t in tensors:
        if t.device not in devices:
            devices.append(t.device)
    if len(devices) > 1:
        raise RuntimeError("tensors are on different devices: " + ", ".join(str(d) for d in devices))
    return devices[0]


@mistake("puts the set of devices straight into the f-string message", replaces="common_device")
def common_device_set_in_message(*tensors):
    devices = {t.device for t in tensors}
    if len(devices) > 1:
        raise ValueError(f"tensors are on different devices: {devices}")
    return tensors[0].device
