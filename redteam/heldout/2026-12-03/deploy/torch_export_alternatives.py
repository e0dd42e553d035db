"""Blind red team: correct answers in other styles for kata deploy/torch_export."""
import inspect

import torch
from katas._support.mistakes import alternative


@alternative(
    "no copy: record every module's own training flag, eval() the caller's model, export it, "
    "and put each flag back in a finally block; a one-row example is repeated to two rows",
    replaces="export_model",
)
def export_original_with_saved_modes(model, example, path):
    modes = {module: module.training for module in model.modules()}
    ex = example.detach()
    if ex.shape[0] < 2:
        ex = ex.repeat(2, 1)
    model.eval()
    try:
        program = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
    finally:
        for module, was_training in modes.items():
            module.training = was_training
    torch.export.save(program, path)


@alternative(
    "eval-mode deepcopy traced on two rows of zeros of the example's width and dtype, with "
    "dynamic_shapes given as a dict keyed by forward's own parameter name",
    replaces="export_model",
)
def export_by_parameter_name_on_zeros(model, example, path):
    import copy

    m = copy.deepcopy(model)
    m.eval()
    (arg_name,) = inspect.signature(m.forward).parameters
    ex = example.new_zeros((2, example.shape[1]))
    batch = torch.export.Dim("batch")
    program = torch.export.export(m, (ex,), dynamic_shapes={arg_name: {0: batch}})
    torch.export.save(program, str(path))


@alternative(
    "opens the archive itself and passes the file object to torch.export.load",
    replaces="load_model",
)
def load_from_file_object(path):
    with open(path, "rb") as f:
        program = torch.export.load(f)
    return program.module()


@alternative(
    "returns a plain function around the loaded module that predicts under torch.no_grad()",
    replaces="load_model",
)
def load_as_no_grad_function(path):
    module = torch.export.load(path).module()

    def predict(x):
        with torch.no_grad():
            return module(x)

    return predict
