"""Blind red team: correct answers in other styles for kata graphs/tracing."""
import warnings

import torch
from torch import nn
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- trace

@alternative("catch_warnings + filterwarnings(category=DeprecationWarning), example passed as a 1-tuple",
             replaces="trace")
def trace_tuple_example(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return torch.jit.trace(model, (example,))


@alternative("records every warning, then re-emits all but DeprecationWarnings as the same Warning instances "
             "(so each keeps its category)", replaces="trace")
def trace_record_and_reemit(model, example):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        traced = torch.jit.trace(model, example)
    for w in caught:
        if issubclass(w.category, DeprecationWarning):
            continue
        warnings.warn(w.message, stacklevel=2)
    return traced


@alternative("example_inputs= keyword and check_trace=False (the TracerWarning still comes from the tracing run)",
             replaces="trace")
def trace_without_check(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        traced = torch.jit.trace(model, example_inputs=example, check_trace=False)
    return traced


# ---------------------------------------------------------------- export_or_none

@alternative("catches by class: GuardOnDataDependentSymNode, or a dynamo UserError that says data-dependent",
             replaces="export_or_none")
def export_catch_by_class(model, example):
    import torch._dynamo.exc
    from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode

    try:
        return torch.export.export(model, (example,))
    except RuntimeError as err:
        if isinstance(err, GuardOnDataDependentSymNode):
            return None
        if isinstance(err, torch._dynamo.exc.UserError) and "data-dependent" in str(err):
            return None
        raise


@alternative("keyword call args=(example,) with an explicit strict=False (the default), RuntimeError matched by "
             "its words, bare raise otherwise", replaces="export_or_none")
def export_keywords_and_words(model, example):
    try:
        program = torch.export.export(model, args=(example,), strict=False)
    except RuntimeError as err:
        if "data-dependent" in str(err).lower():
            return None
        raise
    return program


@alternative("flag style: remembers the refusal and returns at the end", replaces="export_or_none")
def export_flag_style(model, example):
    program = None
    refused = False
    try:
        program = torch.export.export(model, (example,))
    except RuntimeError as err:
        if "data-dependent" not in str(err):
            raise
        refused = True
    return None if refused else program


# ---------------------------------------------------------------- SignBranch

@alternative("explicit __init__ that only calls super(), predicate computed first into a variable",
             replaces="SignBranch")
class sign_branch_explicit_init(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, x):
        def double(t):
            return t * 2

        def negate(t):
            return -t

        positive = x.sum() > 0
        return torch.cond(positive, double, negate, (x,))


@alternative("predicate from .item() (export keeps it symbolic), nested def branches", replaces="SignBranch")
class sign_branch_item_predicate(nn.Module):
    def forward(self, x):
        def true_fn(t):
            return t * 2

        def false_fn(t):
            return -t

        return torch.cond(x.sum().item() > 0, true_fn, false_fn, (x,))


@alternative("negated predicate ~(x.sum() > 0) with the branches swapped; branches written 0 - t and t + t",
             replaces="SignBranch")
class sign_branch_negated_predicate(nn.Module):
    def forward(self, x):
        def flip(t):
            return 0 - t

        def twice(t):
            return t + t

        return torch.cond(~(x.sum() > 0), flip, twice, (x,))


@alternative("torch.gt(torch.sum(x), 0) as predicate, torch.mul / torch.neg branches", replaces="SignBranch")
class sign_branch_functional_ops(nn.Module):
    def forward(self, x):
        def true_fn(t):
            return torch.mul(t, 2)

        def false_fn(t):
            return torch.neg(t)

        return torch.cond(torch.gt(torch.sum(x), 0), true_fn, false_fn, (x,))
