"""Tests of kata tensors/devices. The 'meta' device (shapes without data) exists on every
machine, so moves and mismatches are tested even where no GPU is."""

import pytest
import torch
from hypothesis import given

from katas._support.checks import check_equal, check_tensor, describe
from katas._support.strategies import float_arrays, shapes, to_torch

AVAILABILITY = [  # (cuda available, mps available) -> expected device
    ((True, True), "cuda"), ((True, False), "cuda"), ((False, True), "mps"), ((False, False), "cpu"),
]


@pytest.mark.parametrize(("available", "expected"), AVAILABILITY, ids=lambda v: str(v))
def test_best_device_prefers_cuda_then_mps_then_cpu(kata, monkeypatch, available, expected):
    cuda, mps = available
    monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: mps)
    check_equal(kata.best_device(), torch.device(expected), call=f"best_device() with cuda={cuda}, mps={mps}",
                what="device", misconception="check torch.cuda.is_available() first, then "
                "torch.backends.mps.is_available(), and return a torch.device")


@given(x=float_arrays(max_dims=3))
def test_to_device_moves_a_tensor(kata, device, x):
    t = to_torch(x)
    got = kata.to_device(t, device)
    check_tensor(got, x, framework="torch", device=device, call=f"to_device({describe(t)}, {device!r})",
                 misconception="tensor.to(device) returns the moved tensor; return that")
    check_equal(t.device.type, "cpu", call="to_device(t, ...)", what="device of the original t afterwards")


@given(shape=shapes(max_dims=3))
def test_to_device_moves_a_tensor_to_meta(kata, shape):
    got = kata.to_device(torch.zeros(shape), "meta")
    check_equal(getattr(got, "device", None), torch.device("meta"), call=f"to_device(zeros{shape}, 'meta')",
                what="device", misconception="tensor.to(device) is not in place: return its result")


@pytest.mark.parametrize("target", ["device", "meta"])
def test_to_device_moves_every_parameter_of_a_module(kata, device, target):
    where = device if target == "device" else "meta"
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    got = kata.to_device(model, where)
    check_equal(isinstance(got, torch.nn.Module), True, call=f"to_device(model, {where!r})", what="returns a module")
    check_equal(sorted({p.device.type for p in got.parameters()}), [where], call=f"to_device(model, {where!r})",
                what="devices of the parameters", misconception="module.to(device) moves all parameters")


@given(x=float_arrays(max_dims=2))
def test_common_device_of_tensors_on_one_device(kata, device, x):
    tensors = [to_torch(x, device), to_torch(x, device)]
    check_equal(kata.common_device(*tensors), tensors[0].device, call=f"common_device(two tensors on {device})",
                what="device", misconception="return the torch.device the tensors share")


@given(shape=shapes(max_dims=2))
def test_device_mismatch_raises_value_error_naming_both(kata, shape):
    with pytest.raises(ValueError) as raised:
        kata.common_device(torch.zeros(shape), torch.zeros(shape, device="meta"))
    for name in ("cpu", "meta"):
        check_equal(name in str(raised.value), True, call="common_device(a cpu tensor, a meta tensor)",
                    what=f"error message names {name!r}",
                    misconception="compare t.device of every tensor and raise ValueError listing them")
