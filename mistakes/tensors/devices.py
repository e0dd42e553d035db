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
