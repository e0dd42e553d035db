"""Blind red team: wrong answers for kata deploy/torch_export."""
import copy

import torch
from katas._support.mistakes import mistake


@mistake(
    "exported the model in whatever mode it came in (never switched to eval), so a model that "
    "comes in train mode puts dropout and batch-statistics batch norm in the program",
    replaces="export_model",
)
def exported_in_current_mode(model, example, path):
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    program = torch.export.export(
        model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
    )
    torch.export.save(program, path)


@mistake(
    "switched to eval and back with model.train(was_training) only; a frozen batch norm that "
    "came in eval mode inside a train-mode model is left in train mode",
    replaces="export_model",
)
def restored_only_top_level_mode(model, example, path):
    was_training = model.training
    model.eval()
    try:
        ex = example.detach()
        if ex.shape[0] == 1:
            ex = torch.cat([ex, ex], dim=0)
        program = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
    finally:
        model.train(was_training)
    torch.export.save(program, path)


@mistake(
    "used copy.copy instead of copy.deepcopy; the shallow copy shares its sub-modules with the "
    "caller's model, so .eval() on the copy switches the caller's layers to eval mode",
    replaces="export_model",
)
def shallow_copy_shares_layers(model, example, path):
    m = copy.copy(model)
    m.eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)


@mistake(
    "set only the top module's training flag to False on the copy; the dropout and batch norm "
    "layers inside it still run in train mode when it is exported",
    replaces="export_model",
)
def only_root_training_flag(model, example, path):
    m = copy.deepcopy(model)
    m.training = False
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)


@mistake(
    "for a one-row example exported without dynamic_shapes (torch.export refused to make the "
    "batch dynamic), so that program only takes batches of exactly 1",
    replaces="export_model",
)
def fixed_batch_when_example_has_one_row(model, example, path):
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        program = torch.export.export(m, (ex,))
    else:
        program = torch.export.export(
            m, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
    torch.export.save(program, path)


@mistake(
    "gave the batch Dim min=2 to get round the 0/1 specialisation; the program then refuses a "
    "batch of 1, which the docstring says it must take",
    replaces="export_model",
)
def batch_dim_min_two(model, example, path):
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    batch = torch.export.Dim("batch", min=2)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: batch},))
    torch.export.save(program, path)


@mistake(
    "capped the batch Dim with max=512 (a 'reasonable server batch'); the docstring asks for "
    "no max, and a batch of thousands is refused",
    replaces="export_model",
)
def batch_dim_capped_at_512(model, example, path):
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    batch = torch.export.Dim("batch", max=512)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: batch},))
    torch.export.save(program, path)


@mistake(
    "ran the model once on the example 'to check it works' before exporting, in the mode it "
    "came in; a train-mode forward (even under no_grad) moves batch norm's running statistics",
    replaces="export_model",
)
def warm_up_forward_in_train_mode(model, example, path):
    with torch.no_grad():
        model(example)
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)


@mistake(
    "froze the parameters with requires_grad_(False) before exporting (no training in a "
    "deployed model) and never turned them back on in the caller's model",
    replaces="export_model",
)
def froze_callers_parameters(model, example, path):
    for p in model.parameters():
        p.requires_grad_(False)
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    program = torch.export.export(m, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)


_LOADED_BY_PATH = {}


@mistake(
    "cached the loaded module by path to avoid reloading; a program written again at the same "
    "path is never re-read",
    replaces="load_model",
)
def cached_by_path(path):
    key = str(path)
    if key not in _LOADED_BY_PATH:
        _LOADED_BY_PATH[key] = torch.export.load(path).module()
    return _LOADED_BY_PATH[key]


@mistake(
    "returned the ExportedProgram from torch.export.load itself, not its .module(); an "
    "ExportedProgram cannot be called on a tensor",
    replaces="load_model",
)
def returned_exported_program(path):
    return torch.export.load(path)


@mistake(
    "called .eval() on the loaded module to be sure dropout is off; a module from "
    "torch.export refuses .eval()",
    replaces="load_model",
)
def called_eval_on_loaded_module(path):
    return torch.export.load(path).module().eval()
