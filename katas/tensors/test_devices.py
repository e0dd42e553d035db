"""Tests of kata tensors/devices. The 'meta' device (shapes without data) exists on every
machine, so moves and mismatches are tested even where no GPU is. What only a GPU would show
(an index such as cuda:1, cuda:0 against cuda:1) is probed with stand-ins: a tensor whose .device
says cuda:1, and a module that records where .to() sends it."""

import functools
import itertools

import numpy as np
import pytest
import torch
from hypothesis import example, given, settings

from katas._support.checks import check_equal, check_tensor, describe, expect_error, fail
from katas._support.strategies import float_arrays, shapes, to_torch

# The pinned examples reject the known mistakes; a quarter of the profile's draws look for others
# and keep --verify (this file once per named mistake and alternative) fast.
FEWER = settings(max_examples=max(10, settings.default.max_examples // 4))

AVAILABILITY = [  # (cuda available, mps available) -> expected device
    ((True, True), "cuda"), ((True, False), "cuda"), ((False, True), "mps"), ((False, False), "cpu"),
]


@pytest.mark.parametrize(("available", "expected"), AVAILABILITY, ids=lambda v: str(v))
def test_best_device_prefers_cuda_then_mps_then_cpu(kata, monkeypatch, available, expected):
    cuda, mps = available
    monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: mps)
    # built with both, as on a build machine: being built is not being available
    monkeypatch.setattr(torch.backends.mps, "is_built", lambda: True)
    monkeypatch.setattr(torch.backends.cuda, "is_built", lambda: True)
    call = f"best_device() with cuda available={cuda}, mps available={mps}"
    got = kata.best_device()
    if not isinstance(got, torch.device):
        fail(call, "type", "a torch.device", describe(got), "return torch.device(name), not the name")
    if got.type != expected or got.index not in (None, 0):
        fail(call, "device", f"device(type={expected!r})", repr(got),
             "call torch.cuda.is_available() first, then torch.backends.mps.is_available() (with the "
             "parentheses: the function itself is always true), else cpu; is_built() only says this torch "
             "was compiled with it")


@example(x=np.array([[1.5, -2.0, 3.25]]))  # float64 and non-zero: a cast or a fresh zeros tensor fails
@FEWER
@given(x=float_arrays(max_dims=3))
def test_to_device_moves_a_tensor(kata, device, x):
    if device == "mps":
        x = x.astype(np.float32)  # MPS has no float64
    t = to_torch(x)
    call = f"to_device({describe(t)}, {device!r})"
    got = kata.to_device(t, device)
    check_tensor(got, x, framework="torch", device=device, call=call,
                 misconception="tensor.to(device) returns the moved tensor, same values and dtype: return that")
    check_equal(t.device.type, "cpu", call=call, what="device of the caller's tensor afterwards",
                misconception="tensor.to(device) leaves the original where it was")


@example(shape=(2, 3))  # Tensor.to is not in place: the original stays on the cpu
@FEWER
@given(shape=shapes(max_dims=3))
def test_to_device_moves_a_tensor_to_meta(kata, shape):
    got = kata.to_device(torch.zeros(shape), "meta")
    check_equal(getattr(got, "device", None), torch.device("meta"), call=f"to_device(zeros{shape}, 'meta')",
                what="device", misconception="tensor.to(device) is not in place: return its result")


def model_with_buffers():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    model[1].running_mean.uniform_(-1, 1)  # buffers with values of their own, not the defaults
    model[1].running_var.uniform_(0.5, 2)
    return model


@pytest.mark.parametrize("target", ["device", "meta"])
def test_to_device_moves_every_parameter_and_buffer_of_a_module(kata, device, target):
    where = device if target == "device" else "meta"
    model = model_with_buffers()
    before = {name: value.clone() for name, value in model.state_dict().items()}
    call = f"to_device(Sequential(Linear, BatchNorm1d, ReLU, Linear), {where!r})"
    got = kata.to_device(model, where)
    if not isinstance(got, torch.nn.Module):
        fail(call, "type", "a torch.nn.Module", describe(got), "module.to(device) returns the module: return it")
    for kind, tensors in (("parameters", got.named_parameters()), ("buffers", got.named_buffers())):
        found = {name: value.device.type for name, value in tensors}
        wrong = {name: kind_ for name, kind_ in found.items() if kind_ != where}
        if wrong:
            fail(call, f"devices of the {kind}", f"all on {where}", wrong,
                 "module.to(device) moves every parameter and buffer; moving p.data one by one misses "
                 "the buffers (BatchNorm's running_mean and running_var)")
    if where != "meta":  # meta tensors hold no values
        for name, value in got.state_dict().items():
            if not torch.equal(value.cpu(), before[name]):
                fail(call, f"values of {name}", before[name].flatten()[:4].tolist(),
                     value.cpu().flatten()[:4].tolist(),
                     "module.to(device) keeps the weights; to_empty() gives uninitialised memory")


MOVES: list[object] = []  # outside the module, so a copied module records here too


class RecordsMoves(torch.nn.Module):
    """A module that only records where .to() would move it: a cuda:1 without a second GPU."""

    def to(self, *args, **kwargs):
        MOVES.append(torch._C._nn._parse_to(*args, **kwargs)[0])
        return self

    def cuda(self, device=None):  # module.cuda(1) is another way to ask for GPU 1
        MOVES.append(torch.device("cuda", device) if isinstance(device, int) else torch.device(device or "cuda"))
        return self


@pytest.mark.parametrize("where", ["cuda:1", torch.device("cuda", 1)], ids=["'cuda:1'", "torch.device"])
def test_to_device_keeps_the_device_index(kata, where):
    MOVES.clear()
    call = f"to_device(a module, {where!r})"
    got = kata.to_device(RecordsMoves(), where)
    if not isinstance(got, torch.nn.Module):
        fail(call, "type", "a torch.nn.Module", describe(got), "module.to(device) returns the module: return it")
    check_equal(MOVES, [torch.device("cuda", 1)], call=call, what="devices .to() (or .cuda()) was asked for",
                misconception="pass the device on as given: torch.device(device).type drops the index, "
                "and 'cuda' means the current GPU, not GPU 1")


@functools.cache
def _claims(device: str) -> type:
    return type(f"TensorClaiming_{device.replace(':', '_')}", (torch.Tensor,),
                {"device": property(lambda self: torch.device(device))})


def pretend_on(device: str) -> torch.Tensor:
    """A CPU tensor whose .device says ``device`` (cuda:0, cuda:1): device bookkeeping without a GPU."""
    return torch.zeros(2).as_subclass(_claims(device))


@pytest.mark.parametrize("count", [1, 2, 3])
def test_common_device_of_tensors_on_one_device(kata, device, count):
    tensors = [torch.zeros(2, device=device) for _ in range(count)]
    check_equal(kata.common_device(*tensors), tensors[0].device, call=f"common_device({count} tensors on {device})",
                what="device", misconception="return the torch.device every tensor has: compare devices with "
                "== (each .device is a new object, so `is` fails), and one tensor shares its own device")


def test_common_device_keeps_the_index(kata):
    tensors = [pretend_on("cuda:1"), pretend_on("cuda:1")]
    check_equal(kata.common_device(*tensors), torch.device("cuda", 1), call="common_device(two tensors on cuda:1)",
                what="device", misconception="return the torch.device the tensors share, index included")


MISMATCHES = [
    (("cpu", "meta"), ("cpu", "meta")),
    (("cpu", "cpu", "meta"), ("cpu", "meta")),  # the odd one out is third
    (("meta", "cpu", "meta"), ("cpu", "meta")),  # first and last agree
    (("cuda:0", "cuda:1"), ("cuda:0", "cuda:1")),  # same type, another index
    (("cpu", "meta", "cuda:1"), ("cpu", "meta", "cuda:1")),  # three devices: every one is listed
]


@pytest.mark.parametrize(("devices", "named"), MISMATCHES, ids=lambda v: ",".join(v))
def test_device_mismatch_raises_value_error_naming_every_device(kata, devices, named):
    tensors = [pretend_on(d) if d.startswith("cuda") else torch.zeros(2, device=d) for d in devices]
    call = f"common_device(tensors on {', '.join(devices)})"
    listed = tuple(", ".join(order) for order in itertools.permutations(named))
    with expect_error(ValueError, call=call, mentioning=(listed,),
                      misconception="compare the .device of every tensor (not only the first two, not only "
                      "the type) and raise ValueError listing them as str(device) writes them, joined by ', '"):
        kata.common_device(*tensors)
