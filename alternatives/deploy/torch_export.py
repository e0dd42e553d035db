"""Correct alternatives of kata deploy/torch_export: other styles the tests must accept."""

import contextlib
import copy
import inspect

import torch
from torch import nn
from torch.export import Dim

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ----------------------------------------------------------------- export_model


@alternative("deep-copies the model and exports the copy in eval mode; the original is never touched",
             replaces="export_model")
def export_a_copy(model, example, path):
    frozen = copy.deepcopy(model).eval()
    if example.size(0) == 1:
        example = torch.cat([example, example], dim=0)
    ep = torch.export.export(frozen, (example,), dynamic_shapes=({0: Dim("batch")},))
    torch.export.save(ep, path)


@alternative("dynamic_shapes as a dict keyed by forward's real argument name, Dim.DYNAMIC, "
             "and a fresh random batch of 2 as the example", replaces="export_model")
def named_dynamic_shapes(model, example, path):
    (arg_name,) = list(inspect.signature(model.forward).parameters)[:1]
    sample = torch.randn(2, example.shape[1], dtype=example.dtype)
    layer_modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        program = torch.export.export(
            model, (sample,), dynamic_shapes={arg_name: {0: Dim.DYNAMIC}}
        )
    finally:
        for m, was in layer_modes:
            m.train(was)
    torch.export.save(program, path)


@contextlib.contextmanager
def _eval_mode(model: nn.Module):
    saved = {name: m.training for name, m in model.named_modules()}
    model.eval()
    try:
        yield model
    finally:
        for name, m in model.named_modules():
            m.training = saved[name]


@alternative("context manager for the mode, Dim with min=1, repeat() for b = 1, "
             "run_decompositions() before saving, and the archive written through an open file",
             replaces="export_model")
def context_manager_and_file_object(model, example, path):
    x = example.repeat(2, 1) if len(example) == 1 else example
    with _eval_mode(model), torch.no_grad():
        ep = torch.export.export(
            model, args=(x,), dynamic_shapes=[{0: Dim("n", min=1)}], strict=False
        )
    ep = ep.run_decompositions()
    with open(path, "wb") as f:
        torch.export.save(ep, f)


@alternative("Dim.AUTO, with b = 1 padded by a zero row so the batch is not specialized",
             replaces="export_model")
def auto_dim_with_padding(model, example, path):
    modes = [m.training for m in model.modules()]
    model.train(False)
    if example.shape[0] < 2:
        example = torch.cat([example, torch.zeros_like(example)])
    ep = torch.export.export(model, (example,), dynamic_shapes=({0: Dim.AUTO},))
    for m, t in zip(model.modules(), modes):
        m.train(t)
    torch.export.save(ep, str(path))


# ------------------------------------------------------------------- load_model


@alternative("a closure that predicts under torch.inference_mode", replaces="load_model")
def inference_mode_closure(path):
    program = torch.export.load(str(path))
    module = program.module()

    def predict(x: torch.Tensor) -> torch.Tensor:
        with torch.inference_mode():
            return module(x)

    return predict


class _Predictor:
    def __init__(self, path):
        with open(path, "rb") as f:
            self._module = torch.export.load(f).module()

    def __call__(self, x):
        with torch.no_grad():
            return self._module(x).detach()


@alternative("a small predictor class with __call__, loading from an open file", replaces="load_model")
def predictor_class(path):
    return _Predictor(path)


@alternative("lambda over the loaded module, output cloned and contiguous", replaces="load_model")
def lambda_clone(path):
    m = torch.export.load(path).module()
    return lambda x: m(x).clone().contiguous()


# Added while merging: the docstring allows a forward pass in eval mode (it moves no statistics).


@alternative("checks the model's output on the example in eval mode before exporting (no statistics move)",
             replaces="export_model")
def checks_the_output_in_eval_mode_first(model, example, path):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            assert model(example).shape[0] == example.shape[0]
        batch = example if example.shape[0] > 1 else example.repeat(3, 1)
        program = torch.export.export(model, (batch,), dynamic_shapes=({0: Dim("batch")},))
    finally:
        for m, training in modes:
            m.train(training)
    torch.export.save(program, path)
