"""Blind red team: wrong answers for kata tensors/devices."""
import torch
from katas._support.mistakes import mistake

# ---------------------------------------------------------------- best_device

_BEST_DEVICE_CACHE = []


@mistake("remembers the first answer in a module-level cache, but the docstring says to ask on every call",
         replaces="best_device")
def cached_best_device():
    if not _BEST_DEVICE_CACHE:
        if torch.cuda.is_available():
            _BEST_DEVICE_CACHE.append(torch.device("cuda"))
        elif torch.backends.mps.is_available():
            _BEST_DEVICE_CACHE.append(torch.device("mps"))
        else:
            _BEST_DEVICE_CACHE.append(torch.device("cpu"))
    return _BEST_DEVICE_CACHE[0]


@mistake("returns the device name as a plain string ('cpu') instead of a torch.device",
         replaces="best_device")
def string_best_device():
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


@mistake("only checks cuda and falls back to cpu, forgetting the mps step on Apple silicon",
         replaces="best_device")
def no_mps_best_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


# ---------------------------------------------------------------- to_device

@mistake("calls obj.to(device) and returns obj, thinking .to moves a tensor in place (it returns a new one)",
         replaces="to_device")
def discarded_to_result(obj, device):
    obj.to(device)
    return obj


@mistake("normalises the device to its type (torch.device(device).type), so 'cuda:1' lands on the current GPU, not the second",
         replaces="to_device")
def index_dropped_to_device(obj, device):
    return obj.to(torch.device(device).type)


@mistake("moves the module's parameters one by one but forgets the buffers (BatchNorm running stats stay behind)",
         replaces="to_device")
def params_only_to_device(obj, device):
    if isinstance(obj, torch.Tensor):
        return obj.to(device)
    for mod in obj.modules():
        for name, p in list(mod.named_parameters(recurse=False)):
            setattr(mod, name, torch.nn.Parameter(p.detach().to(device), requires_grad=p.requires_grad))
    return obj


@mistake("loops over module parameters calling p.to(device) and throws the result away: nothing moves",
         replaces="to_device")
def noop_param_loop_to_device(obj, device):
    if isinstance(obj, torch.Tensor):
        return obj.to(device)
    for p in obj.parameters():
        p.to(device)
    for b in obj.buffers():
        b.to(device)
    return obj


@mistake("rebuilds the tensor from .tolist() with torch.tensor(..., device=device): float64 becomes float32, int32 becomes int64",
         replaces="to_device")
def tolist_rebuild_to_device(obj, device):
    if isinstance(obj, torch.Tensor):
        return torch.tensor(obj.tolist(), device=device)
    return obj.to(device)


# ---------------------------------------------------------------- common_device

@mistake("compares only device.type, so cuda:0 and cuda:1 count as the same device",
         replaces="common_device")
def type_only_common_device(*tensors):
    types = list(dict.fromkeys(t.device.type for t in tensors))
    if len(types) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(types))
    return tensors[0].device


@mistake("raises RuntimeError (like torch does) instead of the ValueError the docstring asks for",
         replaces="common_device")
def runtime_error_common_device(*tensors):
    devices = list(dict.fromkeys(t.device for t in tensors))
    if len(devices) > 1:
        raise RuntimeError("tensors are on different devices: " + ", ".join(str(d) for d in devices))
    return devices[0]


@mistake("only compares the first and the last tensor, so a different device in the middle goes unnoticed",
         replaces="common_device")
def first_last_common_device(*tensors):
    first, last = tensors[0].device, tensors[-1].device
    if first != last:
        raise ValueError(f"tensors are on different devices: {first}, {last}")
    return first


@mistake("puts the Python list of device names in the message (['cpu', 'meta']) instead of the comma-separated names",
         replaces="common_device")
def list_message_common_device(*tensors):
    devices = sorted({str(t.device) for t in tensors})
    if len(devices) > 1:
        raise ValueError(f"tensors are on different devices: {devices}")
    return tensors[0].device
