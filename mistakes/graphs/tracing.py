"""Named mistakes of kata graphs/tracing."""

import warnings

import torch
from torch import nn

from katas._support.mistakes import mistake


@mistake("scripted instead of traced: torch.jit.script compiles the Python if and keeps both branches",
         replaces="trace")
def scripted(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.script(model)


@mistake("silenced every warning while tracing, the TracerWarning that says the trace froze a branch included",
         replaces="trace")
def silenced_everything(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.jit.trace(model, example)


@mistake("caught every RuntimeError: the model's own errors (a shape mismatch) come back as None too",
         replaces="export_or_none")
def caught_every_runtime_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except RuntimeError:
        return None


@mistake("torch.where instead of torch.cond: it exports, but computes both results and keeps no branch",
         replaces="SignBranch")
class WhereInsteadOfCond(nn.Module):
    def forward(self, x):
        return torch.where(x.sum() > 0, x * 2, -x)


# Written blind, from the stub alone (red team, 2026-12)


@mistake("added the DeprecationWarning filter without catch_warnings: the ignore filter stays "
         "installed after trace returns", replaces="trace")
def trace_leaks_filter(model, example):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    return torch.jit.trace(model, example)


@mistake("used catch_warnings(record=True) to hide the deprecation noise, which swallows the "
         "TracerWarning too", replaces="trace")
def trace_records_and_drops(model, example):
    with warnings.catch_warnings(record=True):
        return torch.jit.trace(model, example)


@mistake("treated the TracerWarning as noise as well and ignored it with the deprecation ones",
         replaces="trace")
def trace_ignores_tracer_warning(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        return torch.jit.trace(model, example)


@mistake("filtered message='deprecated': the message regex is matched at the START of the "
         "message, so it never matches and the DeprecationWarnings leak", replaces="trace")
def trace_message_regex_never_matches(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="deprecated", category=DeprecationWarning)
        return torch.jit.trace(model, example)


@mistake("filtered only the exact `torch.jit.trace` message; the `torch.jit.trace_method` "
         "DeprecationWarning still leaks", replaces="trace")
def trace_filters_only_trace_message(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"`torch\.jit\.trace` is deprecated", category=DeprecationWarning)
        return torch.jit.trace(model, example)


@mistake("saved warnings.filters (the same list, not a copy) and put it back: the ignore filter "
         "was inserted into that very list, so it is still there afterwards", replaces="trace")
def trace_saves_filters_alias(model, example):
    saved = warnings.filters
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        return torch.jit.trace(model, example)
    finally:
        warnings.filters = saved


@mistake("cleaned up with warnings.resetwarnings(), which wipes the caller's own filters",
         replaces="trace")
def trace_resetwarnings(model, example):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        return torch.jit.trace(model, example)
    finally:
        warnings.resetwarnings()


@mistake("recorded the warnings and re-emitted only the TracerWarnings, dropping every other "
         "warning (the model's own UserWarning, ...)", replaces="trace")
def trace_reemits_only_tracer_warnings(model, example):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        traced = torch.jit.trace(model, example)
    for w in caught:
        if issubclass(w.category, torch.jit.TracerWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return traced


@mistake("re-emitted the recorded warnings with warnings.warn(str(message)): they all come back "
         "as UserWarning, so the caller never sees a torch.jit.TracerWarning", replaces="trace")
def trace_reemits_as_userwarning(model, example):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        traced = torch.jit.trace(model, example)
    for w in caught:
        if not issubclass(w.category, DeprecationWarning):
            warnings.warn(str(w.message))
    return traced


@mistake("traced on a zeros_like 'dummy input' instead of the given example, so the frozen "
         "branch is the one zeros take", replaces="trace")
def trace_on_dummy_zeros(model, example):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return torch.jit.trace(model, torch.zeros_like(example))


@mistake("caught every Exception and returned None, so the model's own ValueError disappears",
         replaces="export_or_none")
def export_catches_everything(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception:
        return None


@mistake("checked the message but forgot to re-raise: other RuntimeErrors fall off the end of the "
         "except block and the function returns None", replaces="export_or_none")
def export_forgets_reraise(model, example):
    try:
        return torch.export.export(model, (example,))
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None


@mistake("returned program.module() instead of the ExportedProgram", replaces="export_or_none")
def export_returns_module(model, example):
    try:
        return torch.export.export(model, (example,)).module()
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake("passed the example tensor itself as args instead of the tuple (example,)",
         replaces="export_or_none")
def export_args_not_tuple(model, example):
    try:
        return torch.export.export(model, example)
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake("wrapped the other errors in a new RuntimeError instead of letting them through "
         "unchanged", replaces="export_or_none")
def export_wraps_other_errors(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception as error:
        if isinstance(error, RuntimeError) and "data-dependent" in str(error):
            return None
        raise RuntimeError(f"torch.export failed: {error}") from error


@mistake("looked for 'data dependent' (no hyphen) in the message, so the data-dependent refusal "
         "is re-raised", replaces="export_or_none")
def export_wrong_message_words(model, example):
    try:
        return torch.export.export(model, (example,))
    except RuntimeError as error:
        if "data dependent" in str(error).lower():
            return None
        raise


@mistake("caught only torch._dynamo.exc.UserError (the class of older versions); torch 2.13 raises "
         "GuardOnDataDependentSymNode, which goes through", replaces="export_or_none")
def export_catches_only_user_error(model, example):
    try:
        return torch.export.export(model, (example,))
    except torch._dynamo.exc.UserError:
        return None


@mistake("caught any Exception whose message says 'data-dependent', so a model's own ValueError "
         "mentioning data-dependent input is swallowed too (only RuntimeErrors may be)",
         replaces="export_or_none")
def export_matches_message_on_any_exception(model, example):
    try:
        return torch.export.export(model, (example,))
    except Exception as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake("made the batch dimension dynamic (Dim.AUTO) instead of using export's default options",
         replaces="export_or_none")
def export_dynamic_batch(model, example):
    dims = {0: torch.export.Dim.AUTO} if example.dim() > 0 else None
    try:
        return torch.export.export(model, (example,), dynamic_shapes=(dims,))
    except RuntimeError as error:
        if "data-dependent" in str(error):
            return None
        raise


@mistake("wrapped the predicate in bool(...): a Python branch again, which export refuses",
         replaces="SignBranch")
class SignBranchBoolPredicate(nn.Module):
    def forward(self, x):
        return torch.cond(bool(x.sum() > 0), lambda t: t * 2, lambda t: -t, (x,))


@mistake("kept the Python if from Branchy; runs eagerly but torch.export refuses it",
         replaces="SignBranch")
class SignBranchPythonIf(nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x * 2
        return -x


@mistake("used >= 0, so a sum of exactly 0 doubles x instead of negating it", replaces="SignBranch")
class SignBranchGreaterEqual(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() >= 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake("tested x.max() > 0 ('any positive entry') instead of the sum", replaces="SignBranch")
class SignBranchMaxPredicate(nn.Module):
    def forward(self, x):
        return torch.cond(x.max() > 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake("added an epsilon (sum > 1e-6) for 'float safety': small positive sums are negated",
         replaces="SignBranch")
class SignBranchEpsilon(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() > 1e-6, lambda t: t * 2, lambda t: -t, (x,))


@mistake("summed over dim=0 only: a 0-d predicate for 1-D inputs, but a vector (refused by "
         "torch.cond) for 2-D inputs", replaces="SignBranch")
class SignBranchSumDim0(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum(dim=0) > 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake("branches return 1-tuples (as in some torch.cond examples), so forward returns a tuple",
         replaces="SignBranch")
class SignBranchReturnsTuple(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() > 0, lambda t: (t * 2,), lambda t: (-t,), (x,))


@mistake("called .float() in the branches: float64 (and float16) inputs come back as float32",
         replaces="SignBranch")
class SignBranchCastsToFloat32(nn.Module):
    def forward(self, x):
        return torch.cond(x.sum() > 0, lambda t: t.float() * 2, lambda t: -t.float(), (x,))


@mistake("summed in float32 to 'save memory': a float64 sum that underflows in float32 (1e-300) "
         "takes the wrong branch", replaces="SignBranch")
class SignBranchFloat32Sum(nn.Module):
    def forward(self, x):
        return torch.cond(x.float().sum() > 0, lambda t: t * 2, lambda t: -t, (x,))


@mistake("stored the factor 2 as an nn.Parameter, but SignBranch must have no parameters",
         replaces="SignBranch")
class SignBranchWithParameter(nn.Module):
    def __init__(self):
        super().__init__()
        self.factor = nn.Parameter(torch.tensor(2.0), requires_grad=False)

    def forward(self, x):
        return torch.cond(x.sum() > 0, lambda t: t * self.factor, lambda t: -t, (x,))


@mistake("exported with strict=True (not export's default): torch.export raises other errors for the "
         "model's own failures, so they no longer come through unchanged", replaces="export_or_none")
def export_strict(model, example):
    try:
        return torch.export.export(model, (example,), strict=True)
    except RuntimeError as error:
        if "data-dependent" in str(error).lower():
            return None
        raise


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("silenced FutureWarning too, 'since deprecations come as both'", replaces="trace")
def silences_future_warnings_too(model, example):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        return torch.jit.trace(model, example)
