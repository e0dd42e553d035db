"""Reference answer of kata graphs/tracing."""

import warnings

import torch
from torch import nn
from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode


def trace(model: nn.Module, example: torch.Tensor) -> torch.jit.ScriptModule:
    with warnings.catch_warnings():
        # Known and expected; the TracerWarning (not a DeprecationWarning) still gets through.
        warnings.filterwarnings("ignore", message="`torch.jit", category=DeprecationWarning)
        return torch.jit.trace(model, example)


def _refusals() -> tuple[type[Exception], ...]:
    """The errors torch.export raises for data-dependent control flow, in this torch version."""
    refusals: list[type[Exception]] = [GuardOnDataDependentSymNode]
    try:
        from torch._dynamo.exc import UserError
    except ImportError:
        pass
    else:
        refusals.append(UserError)
    return tuple(refusals)


def export_or_none(model: nn.Module, example: torch.Tensor) -> torch.export.ExportedProgram | None:
    try:
        return torch.export.export(model, (example,))
    except _refusals():
        return None


class SignBranch(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: -t, (x,))
