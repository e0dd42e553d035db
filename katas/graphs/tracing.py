"""Kata graphs/tracing: a traced graph keeps the branch taken while tracing.

``torch.jit.trace`` runs the model once on an example and records the tensor operations it
sees. A Python ``if`` on a tensor's values is not an operation: the trace records only the branch
that example took, and the traced module takes that branch for every later input, silently
(a ``TracerWarning`` while tracing is the only sign). TorchScript is deprecated (torch 2.13 warns
"`torch.jit.trace` is deprecated. Please switch to `torch.compile` or `torch.export`").
``torch.export.export`` refuses the same branch instead of guessing, and ``torch.cond(pred,
true_fn, false_fn, operands)`` is how a graph keeps both branches and picks one at run time.
Needs PyTorch.

The branchy model the examples below use::

    class Branchy(nn.Module):
        def forward(self, x):
            if x.sum() > 0:
                return x * 2
            return -x
"""

import torch
from torch import nn


def trace(model: nn.Module, example: torch.Tensor) -> torch.jit.ScriptModule:
    """``torch.jit.trace`` of ``model`` on ``example`` (one tensor, the model's only input): a
    ``torch.jit.ScriptModule`` that replays the operations ``model`` ran on ``example``, so it
    agrees with ``model`` on inputs that take the same branches, and keeps those branches on
    every other input.

    Warnings: silence the ``DeprecationWarning``s torch.jit gives for being deprecated (known,
    expected) inside ``trace``, so the warning filters are as they were once it returns; let
    every other warning through to the caller, with its own category: the model's own (its
    ``forward`` gives a ``UserWarning`` and a ``FutureWarning``) and above all the
    ``torch.jit.TracerWarning``
    ("Converting a tensor to a Python boolean might cause the trace to be incorrect"): it is the
    only sign that the trace froze a branch. At least one must reach the caller by the time
    ``trace`` returns (torch.jit.trace runs the model again to check the trace, so it may come
    twice: how many is not checked; recording and re-emitting them is fine too). Ignoring the
    ``DeprecationWarning`` category alone is enough: that it would also hide a
    ``DeprecationWarning`` the model itself gave while traced is allowed (not checked).

    >>> traced = trace(Branchy(), torch.tensor([1.0, 2.0]))   # sum > 0: records x * 2
    >>> traced(torch.tensor([-1.0, -2.0]))                    # Branchy() gives tensor([1., 2.])
    tensor([-2., -4.])
    """
    raise NotImplementedError("trace(): not implemented yet (kata graphs/tracing)")


def export_or_none(model: nn.Module, example: torch.Tensor) -> torch.export.ExportedProgram | None:
    """``torch.export.export(model, (example,))`` with its default options (non-strict, static
    shapes: no ``strict=True``, no ``dynamic_shapes``): the ``torch.export.ExportedProgram`` (not
    its ``.module()``), whose input has ``example``'s shape, fixed, and whose ``.module()``
    computes what ``model`` computes on inputs of ``example``'s shape and dtype.

    ``None`` when torch.export refuses data-dependent control flow (a Python ``if`` on a tensor's
    values): in torch 2.13 it raises ``torch.fx.experimental.symbolic_shapes.
    GuardOnDataDependentSymNode``, in some other versions ``torch._dynamo.exc.UserError``; both
    are ``RuntimeError``s whose message says "data-dependent". Catch those (by class, or a
    ``RuntimeError`` by those words) and never raise for them. Any other error goes through
    unchanged: the same exception (class and message) that ``torch.export.export(model,
    (example,))`` raised, which is not always the one ``model(example)`` raises eagerly. That
    includes the model's own ``ValueError``, even one whose message says "data-dependent" (only a
    ``RuntimeError`` may be caught by its words), and a shape mismatch inside the model.

    >>> export_or_none(nn.Linear(3, 2), torch.zeros(4, 3)).module()(torch.ones(4, 3)).shape
    torch.Size([4, 2])
    >>> export_or_none(Branchy(), torch.tensor([1.0, 2.0])) is None
    True
    """
    raise NotImplementedError("export_or_none(): not implemented yet (kata graphs/tracing)")


class SignBranch(nn.Module):
    """``Branchy`` above, written with ``torch.cond``: ``forward(x)`` returns ``x * 2`` when
    ``x.sum() > 0`` and ``-x`` otherwise, same dtype and shape, for a float tensor of any shape.
    The test is exactly ``x.sum() > 0``, the sum over every element in ``x``'s own dtype, with
    no tolerance: a sum of exactly 0 gives ``-x``, a float64 sum of ``1e-300`` gives ``x * 2``.
    The sign of a zero in the result is not checked (``0 - x`` is as good as ``-x``), nor are
    gradients. No parameters: ``SignBranch()`` takes no arguments and holds no ``nn.Parameter``.

    ``torch.export.export(SignBranch(), (x,))`` works, and its graph holds a ``torch.cond`` with
    both branches, so the exported program picks the right one at run time for inputs of either
    sign. Hand ``torch.cond`` a predicate it accepts, true exactly when the sum is positive:
    ``x.sum() > 0`` as it is (``x.sum().item() > 0`` works too: export keeps it symbolic). But
    ``bool(...)`` of it is a Python branch again, which export refuses.

    >>> program = torch.export.export(SignBranch(), (torch.tensor([1.0, 2.0]),))
    >>> program.module()(torch.tensor([-1.0, -2.0]))
    tensor([1., 2.])
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("SignBranch.forward(): not implemented yet (kata graphs/tracing)")
