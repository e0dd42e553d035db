"""Blind red team: correct answers in other styles for kata graphs/tracing."""
import warnings

import torch
from torch import nn
from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode

from katas._support.mistakes import alternative


@alternative(
    "example passed as a one-element tuple, filterwarnings with a keyword category, no check run "
    "(check_trace=False)",
    replaces="trace",
)
def tuple_example_no_check(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return torch.jit.trace(model, (example,), check_trace=False)


@alternative("catch RuntimeError and decide by its words only (allowed for RuntimeError)", replaces="export_or_none")
def runtime_error_by_words(model, example):
    try:
        program = torch.export.export(model, (example,), strict=False)
    except RuntimeError as error:
        if "data-dependent" not in str(error):
            raise
        return None
    return program


@alternative("catch GuardOnDataDependentSymNode by class, other RuntimeErrors by words", replaces="export_or_none")
def by_class_then_words(model, example):
    try:
        return torch.export.export(model, args=(example,))
    except GuardOnDataDependentSymNode:
        return None
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


@alternative("named branch functions, x + x and 0 - x, predicate with torch.gt", replaces="SignBranch")
class named_branches(nn.Module):
    def forward(self, x):
        def doubled(t):
            return t + t

        def negated(t):
            return 0 - t

        return torch.cond(torch.gt(x.sum(), 0), doubled, negated, (x,))


@alternative("predicate x.sum().item() > 0 (the docstring says export keeps it symbolic)", replaces="SignBranch")
class item_predicate(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum().item() > 0, lambda t: t * 2, lambda t: -t, (x,))
