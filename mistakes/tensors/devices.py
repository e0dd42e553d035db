"""Named mistakes of kata tensors/devices."""

import torch

from katas._support.mistakes import mistake


@mistake("checked mps before cuda", replaces="best_device")
def mps_first(*args):
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@mistake("returned a string, not a torch.device", replaces="best_device")
def device_name(*args):
    return "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"


@mistake("called obj.to(device) but returned the original: Tensor.to is not in place", replaces="to_device")
def discarded_result(obj, device):
    obj.to(device)
    return obj


@mistake("returned the first tensor's device without comparing", replaces="common_device")
def first_device(*tensors):
    return tensors[0].device


# Written blind, from the stub alone (red team, 2026-12)

@mistake("I only checked for CUDA and forgot Apple's mps", replaces="best_device")
def best_device_no_mps():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@mistake("I used torch.backends.mps.is_built(), which says torch was compiled with mps, not that it is usable",
         replaces="best_device")
def best_device_mps_is_built():
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_built():
        return torch.device("mps")
    return torch.device("cpu")


@mistake("I wrote torch.cuda.is_available without the parentheses, so the check is always true",
         replaces="best_device")
def best_device_uncalled_cuda_check():
    if torch.cuda.is_available:
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


@mistake("I used torch.accelerator.current_accelerator(), which can name other accelerators (xpu, ...) and "
         "ignores the cuda/mps/cpu order asked for", replaces="best_device")
def best_device_accelerator_api():
    acc = torch.accelerator.current_accelerator()
    return torch.device(acc.type) if acc is not None else torch.device("cpu")


@mistake("I called obj.to(device) and forgot to return anything", replaces="to_device")
def to_device_no_return(obj, device):
    obj = obj.to(device)


@mistake("For modules I moved each parameter's .data myself and forgot the buffers (BatchNorm running stats)",
         replaces="to_device")
def to_device_params_only(obj, device):
    if isinstance(obj, torch.nn.Module):
        for p in obj.parameters():
            p.data = p.data.to(device)
        return obj
    return obj.to(device)


@mistake("For modules I used to_empty(device=...), which moves them but throws the weights away",
         replaces="to_device")
def to_device_module_to_empty(obj, device):
    if isinstance(obj, torch.nn.Module):
        return obj.to_empty(device=device)
    return obj.to(device)


@mistake("I also cast to float32 while moving (obj.to(device, torch.float32))", replaces="to_device")
def to_device_casts_float32(obj, device):
    return obj.to(device, torch.float32)


@mistake("I kept only the device type (torch.device(device).type), so 'cuda:1' lands on the current cuda device",
         replaces="to_device")
def to_device_drops_index(obj, device):
    return obj.to(torch.device(device).type)


@mistake("I compared only the first two tensors", replaces="common_device")
def common_device_first_two(*tensors):
    if len(tensors) > 1 and tensors[0].device != tensors[1].device:
        raise ValueError(f"tensors are on different devices: {tensors[0].device}, {tensors[1].device}")
    return tensors[0].device


@mistake("I raised RuntimeError like torch does, not ValueError", replaces="common_device")
def common_device_runtime_error(*tensors):
    found = []
    for t in tensors:
        if t.device not in found:
            found.append(t.device)
    if len(found) > 1:
        raise RuntimeError("tensors are on different devices: " + ", ".join(str(d) for d in found))
    return found[0]


@mistake("my message names only the device that differs from the first one", replaces="common_device")
def common_device_names_only_odd_one(*tensors):
    first = tensors[0].device
    for t in tensors[1:]:
        if t.device != first:
            raise ValueError(f"tensors are on different devices: {t.device}")
    return first


@mistake("I compared device types only, so cuda:0 and cuda:1 count as the same device", replaces="common_device")
def common_device_compares_types(*tensors):
    types = []
    for t in tensors:
        if t.device.type not in types:
            types.append(t.device.type)
    if len(types) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(types))
    return tensors[0].device


@mistake("I formatted the devices with repr: device(type='cpu'), device(type='meta')", replaces="common_device")
def common_device_repr_message(*tensors):
    found = []
    for t in tensors:
        if t.device not in found:
            found.append(t.device)
    if len(found) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(repr(d) for d in found))
    return found[0]


@mistake("I required at least two tensors and raise for a single one", replaces="common_device")
def common_device_needs_two(*tensors):
    if len(tensors) < 2:
        raise ValueError("need at least two tensors to compare")
    found = []
    for t in tensors:
        if t.device not in found:
            found.append(t.device)
    if len(found) > 1:
        raise ValueError("tensors are on different devices: " + ", ".join(str(d) for d in found))
    return found[0]


@mistake("raises at the first mismatch, naming only the first device and the odd one",
         replaces="common_device")
def common_device_first_mismatch_only(*tensors):
    first = tensors[0].device
    for t in tensors[1:]:
        if t.device != first:
            raise ValueError(f"tensors are on different devices: {first}, {t.device}")
    return first
