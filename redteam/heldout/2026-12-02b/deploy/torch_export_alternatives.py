"""Blind red team: correct alternative answers for kata deploy/torch_export."""
import copy
import inspect

import torch

from katas._support.mistakes import alternative


@alternative("exports an eval-mode copy.deepcopy (original never touched); a 1-row example is doubled "
             "with torch.cat", replaces="export_model")
def export_eval_deepcopy(model, example, path):
    frozen = copy.deepcopy(model).eval()
    traced = example.detach()
    if traced.shape[0] < 2:
        traced = torch.cat([traced, traced], dim=0)
    batch = torch.export.Dim("batch")
    program = torch.export.export(frozen, (traced,), dynamic_shapes=({0: batch},))
    torch.export.save(program, str(path))


@alternative("records every module's mode, always traces on the example repeated twice (batch >= 2), "
             "Dim named 'n', restores the modes in a finally", replaces="export_model")
def export_always_doubled(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach().repeat(2, 1)
        program = torch.export.export(model, (traced,),
                                      dynamic_shapes=({0: torch.export.Dim("n")},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@alternative("dynamic_shapes as a dict keyed by forward's real parameter name (read with inspect); "
             "traces on fresh zero rows of the example's width and dtype", replaces="export_model")
def export_named_argument(model, example, path):
    name = next(iter(inspect.signature(model.forward).parameters))
    rows = max(2, example.shape[0])
    traced = torch.zeros(rows, example.shape[1], dtype=example.dtype, device=example.device)
    modes = {module: module.training for module in model.modules()}
    model.eval()
    try:
        program = torch.export.export(model, (traced,),
                                      dynamic_shapes={name: {0: torch.export.Dim("batch")}})
    finally:
        for module, was_training in modes.items():
            module.train(was_training)
    torch.export.save(program, str(path))


@alternative("returns a plain function around the loaded module that predicts under torch.no_grad",
             replaces="load_model")
def load_model_no_grad_function(path):
    module = torch.export.load(str(path)).module()

    def predict(x):
        with torch.no_grad():
            return module(x)

    return predict


@alternative("returns a small callable object (not an nn.Module) wrapping the loaded program",
             replaces="load_model")
def load_model_callable_object(path):
    program = torch.export.load(str(path))

    class Predictor:
        def __init__(self, module):
            self.module = module

        def __call__(self, x):
            return self.module(x)

    return Predictor(program.module())
