"""Blind red team: wrong answers for kata graphs/tracing."""
import warnings

import torch
from torch import nn

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- trace


@mistake(
    "I silenced all warnings inside a catch_warnings block to get rid of the deprecation noise; "
    "that also hides the TracerWarning, the only sign that the trace froze a branch, and the "
    "model's own warnings",
    replaces="trace",
)
def silences_every_warning(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.jit.trace(model, example)


@mistake(
    "I added an ignore filter for DeprecationWarning but not inside catch_warnings, so the "
    "caller's warning filters are changed after trace returns",
    replaces="trace",
)
def filter_left_installed(model, example):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    return torch.jit.trace(model, example)


@mistake(
    "I also ignored FutureWarning, since deprecations often come as FutureWarning; the model's "
    "own FutureWarning no longer reaches the caller",
    replaces="trace",
)
def also_ignores_future_warning(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        return torch.jit.trace(model, example)


@mistake(
    "I used torch.jit.script instead of trace because it keeps both branches; but the kata asks "
    "for the trace, which replays the branch the example took (Branchy on [-1, -2] must give "
    "[-2, -4])",
    replaces="trace",
)
def scripts_instead_of_tracing(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.script(model)


# ---------------------------------------------------------------- export_or_none


@mistake(
    "I return None for any RuntimeError from torch.export, since the data-dependent errors are "
    "RuntimeErrors; a shape mismatch inside the model is a RuntimeError too and must go through",
    replaces="export_or_none",
)
def swallows_every_runtime_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except RuntimeError:
        return None


@mistake(
    "I return the exported program's .module() so the caller can call it directly; the docstring "
    "asks for the ExportedProgram itself",
    replaces="export_or_none",
)
def returns_module_not_program(model, example):
    try:
        return torch.export.export(model, (example,)).module()
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake(
    "I catch every Exception whose message says 'data-dependent'; the model's own ValueError with "
    "those words is swallowed, though only a RuntimeError may be caught by its words",
    replaces="export_or_none",
)
def catches_by_words_any_class(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake(
    "I run the model eagerly on the example first to fail fast with a clear error; an error then "
    "comes from eager mode, not the one torch.export.export raises, and the model runs once more",
    replaces="export_or_none",
)
def runs_model_eagerly_first(model, example):
    model(example)
    try:
        return torch.export.export(model, (example,))
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


# ---------------------------------------------------------------- SignBranch


@mistake(
    "I used torch.where(x.sum() > 0, x * 2, -x): same values and export works, but the graph "
    "computes both branches with no torch.cond in it",
    replaces="SignBranch",
)
class where_instead_of_cond(nn.Module):
    def forward(self, x):
        return torch.where(x.sum() > 0, x * 2, -x)


@mistake(
    "I wrote the predicate as x.sum() >= 0; a sum of exactly 0 must give -x, not x * 2",
    replaces="SignBranch",
)
class non_strict_predicate(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() >= 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake(
    "I summed in float32 (x.float().sum()) to keep the predicate simple; a float64 sum of 1e-300 "
    "underflows to 0 and takes -x instead of x * 2",
    replaces="SignBranch",
)
class float32_predicate(nn.Module):
    def forward(self, x):
        return torch.cond(x.float().sum() > 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake(
    "I kept the factor 2 as a (frozen) nn.Parameter so it shows in the state dict; SignBranch must "
    "hold no nn.Parameter",
    replaces="SignBranch",
)
class factor_as_parameter(nn.Module):
    def __init__(self):
        super().__init__()
        self.factor = nn.Parameter(torch.tensor(2.0), requires_grad=False)

    def forward(self, x):
        factor = self.factor.to(x.dtype)
        return torch.cond(x.sum() > 0, lambda t: t * factor, lambda t: -t, (x,))
