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
