"""Correct alternatives of kata graphs/tracing: other styles the tests must accept."""

import warnings

import torch
from torch import nn
from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("tuple of example inputs, and the DeprecationWarning filter scoped to torch.jit's "
             "module by regex", replaces="trace")
def trace_tuple_and_module_filter(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"torch\.jit")
        return torch.jit.trace(model, (example,))


@alternative("torch.jit.trace_module with an explicit {'forward': example} and a message regex "
             "that matches both deprecation messages", replaces="trace")
def trace_via_trace_module(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*is deprecated", category=DeprecationWarning)
        return torch.jit.trace_module(model, {"forward": example})


@alternative("records every warning, then re-emits all but the DeprecationWarnings with their "
             "own category and location", replaces="trace")
def trace_record_and_reemit(model, example):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore", DeprecationWarning)
        traced = torch.jit.trace(model, example)
    for w in caught:
        if not issubclass(w.category, DeprecationWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    return traced


@alternative("copies warnings.filters by slice and restores it in a finally block, without "
             "catch_warnings", replaces="trace")
def trace_manual_filter_restore(model, example):
    saved = warnings.filters[:]
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        return torch.jit.trace(model, example, check_trace=True)
    finally:
        warnings.filters[:] = saved
        warnings._filters_mutated()


@alternative("catches the error classes by name (GuardOnDataDependentSymNode, UserError)",
             replaces="export_or_none")
def export_by_class(model, example):
    try:
        return torch.export.export(model, (example,))
    except (GuardOnDataDependentSymNode, torch._dynamo.exc.UserError) as error:
        if isinstance(error, GuardOnDataDependentSymNode) or "data-dependent" in str(error):
            return None
        raise


@alternative("keyword args=, a success variable and a message test on RuntimeError only",
             replaces="export_or_none")
def export_keyword_args(model, example):
    program = None
    try:
        program = torch.export.export(mod=model, args=(example,))
    except RuntimeError as error:
        if "data-dependent" not in str(error):
            raise
    return program


@alternative("contextlib.suppress-style: a helper predicate decides, the bare raise keeps the "
             "original exception", replaces="export_or_none")
def export_with_helper(model, example):
    def refused_for_data(error):
        return isinstance(error, RuntimeError) and (
            type(error).__name__ in {"GuardOnDataDependentSymNode", "UserError"}
            and "data-dependent" in str(error).lower()
        )

    try:
        program = torch.export.export(model, (example,))
    except Exception as error:  # noqa: BLE001
        if refused_for_data(error):
            return None
        raise
    return program


@alternative("branches as methods, torch.gt/torch.sum spelled out, neg() and mul(2)",
             replaces="SignBranch")
class SignBranchMethods(nn.Module):
    def _double(self, t):
        return t.mul(2)

    def _negate(self, t):
        return t.neg()

    def forward(self, x):
        return torch.cond(torch.gt(torch.sum(x), 0), self._double, self._negate, (x,))


@alternative("closures over x with an empty operands tuple", replaces="SignBranch")
class SignBranchClosures(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, x):
        def double():
            return x * 2

        def negate():
            return -x

        return torch.cond(x.sum() > 0, double, negate, ())


@alternative("operands as a list, nested def branches, x * -1 for the negation",
             replaces="SignBranch")
class SignBranchListOperands(nn.Module):
    def forward(self, x):
        def true_fn(t):
            return 2 * t

        def false_fn(t):
            return t * -1

        pred = x.sum() > 0
        return torch.cond(pred, true_fn, false_fn, [x])


@alternative("reversed comparison 0 < sum, t + t and t.neg() in lambdas",
             replaces="SignBranch")
class SignBranchReversedComparison(nn.Module):
    def forward(self, x):
        return torch.cond(0 < x.sum(), lambda t: t + t, lambda t: t.neg(), (x,))



# Added while merging: what the notes found torch.cond accepts, now allowed by the docstring


@alternative("a Python-number predicate x.sum().item() > 0 (export keeps it symbolic, so the cond "
             "stays in the graph)", replaces="SignBranch")
class SignBranchItemPredicate(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum().item() > 0, lambda t: t * 2, lambda t: -t, (x,))


@alternative("0 - t for the negation (a zero comes back +0.0, not -0.0) and a float predicate "
             "(x.sum() > 0).float(), which torch.cond accepts", replaces="SignBranch")
class SignBranchZeroMinus(nn.Module):
    def forward(self, x):
        return torch.cond((x.sum() > 0).float(), lambda t: t * 2, lambda t: 0 - t, (x,))
