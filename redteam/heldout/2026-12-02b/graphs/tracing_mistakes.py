"""Blind red team: wrong answers for kata graphs/tracing."""
import warnings

import torch
import torch._dynamo.exc
from torch import nn
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- trace

@mistake("hid every warning while tracing, since torch.jit is noisy and deprecated", replaces="trace")
def silences_all_warnings(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.jit.trace(model, example)


@mistake("ignored DeprecationWarning with a global filter and never put the filters back", replaces="trace")
def deprecation_filter_leaks(model, example):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    return torch.jit.trace(model, example)


@mistake("recorded the warnings and re-emitted them with warnings.warn(str(message)), so they all become "
         "UserWarning (the TracerWarning category is lost)", replaces="trace")
def reemits_as_userwarning(model, example):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        traced = torch.jit.trace(model, example)
    for w in caught:
        if issubclass(w.category, DeprecationWarning):
            continue
        warnings.warn(str(w.message))
    return traced


@mistake("traced on a zeros dummy input of the example's shape, like export tutorials do, so the recorded "
         "branch is the one zeros take, not the example's", replaces="trace")
def traces_on_zeros_dummy(model, example):
    dummy = torch.zeros_like(example)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.trace(model, dummy)


# ---------------------------------------------------------------- export_or_none

@mistake("returns None for any exception export raises", replaces="export_or_none")
def swallows_every_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception:
        return None


@mistake("catches every RuntimeError (shape mismatches too), since the data-dependent errors are RuntimeErrors",
         replaces="export_or_none")
def catches_any_runtime_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except RuntimeError:
        return None


@mistake("returns the runnable .module() instead of the ExportedProgram", replaces="export_or_none")
def returns_module_not_program(model, example):
    try:
        program = torch.export.export(model, (example,))
    except RuntimeError as err:
        if "data-dependent" in str(err):
            return None
        raise
    return program.module()


@mistake("catches only torch._dynamo.exc.UserError (from an older tutorial); torch 2.13 raises "
         "GuardOnDataDependentSymNode, which gets through", replaces="export_or_none")
def catches_only_user_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except torch._dynamo.exc.UserError:
        return None


@mistake("decides by the words 'data-dependent' in ANY exception's message, so the model's own ValueError "
         "saying it is swallowed", replaces="export_or_none")
def words_match_any_exception(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception as err:
        if "data-dependent" in str(err):
            return None
        raise


# ---------------------------------------------------------------- SignBranch

@mistake("passed bool(x.sum() > 0) as the predicate, which is a Python branch again (export refuses it)",
         replaces="SignBranch")
class sign_branch_bool_predicate(nn.Module):
    def forward(self, x):
        def double(t):
            return t * 2

        def negate(t):
            return -t

        return torch.cond(bool(x.sum() > 0), double, negate, (x,))


@mistake("flipped it to 'x.sum() < 0 -> negate, else double', which sends a sum of exactly 0 to x * 2",
         replaces="SignBranch")
class sign_branch_flipped_strictness(nn.Module):
    def forward(self, x):
        def double(t):
            return t * 2

        def negate(t):
            return -t

        return torch.cond(x.sum() < 0, negate, double, (x,))


@mistake("used torch.where on the predicate: right values, but the graph has no torch.cond with two branches",
         replaces="SignBranch")
class sign_branch_torch_where(nn.Module):
    def forward(self, x):
        return torch.where(x.sum() > 0, x * 2, -x)


@mistake("summed along the last dim (per row), fine for 1-D input but not a single predicate for 2-D input",
         replaces="SignBranch")
class sign_branch_sum_last_dim(nn.Module):
    def forward(self, x):
        def double(t):
            return t * 2

        def negate(t):
            return -t

        return torch.cond(x.sum(dim=-1) > 0, double, negate, (x,))
