"""Kata deploy/torch_export: an exported program runs without the model's code.

``torch.export.export(model, (example,))`` runs the model once on ``example`` and records its
tensor operations as a program; ``torch.export.save`` writes that program, weights included, to a
``.pt2`` archive, and ``torch.export.load(path).module()`` gives back a module that runs it. No
Python class is pickled, so the archive loads where the model's code was never imported. Sizes
are fixed to the example's unless ``dynamic_shapes`` names a dimension as free, with one entry per
argument of ``forward``: ``dynamic_shapes=({0: torch.export.Dim("batch")},)`` frees dimension 0
(the batch) of the first and only argument (a bare ``{0: ...}``, not in a tuple, is refused). The
program records the layers in the mode the model is in when it is exported: export in eval mode
for predictions (dropout off, batch norm on its running statistics).
"""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn


def export_model(model: nn.Module, example: torch.Tensor, path: str | Path) -> None:
    """Export ``model`` with ``torch.export`` and write the program to ``path`` (a ``.pt2`` file)
    with ``torch.export.save``, so that ``torch.export.load(path)`` reads it back.

    ``model`` takes one tensor (its ``forward`` argument may have any name) and may nest its layers
    in sub-modules; ``example`` is a float32 input batch of shape ``(b, features)``, ``b >= 1``.
    The program takes a float32 ``(n, features)`` tensor for ANY batch size ``n >= 1``, 1 and
    thousands included (a dynamic batch dimension: give the ``Dim`` no ``max``), whatever ``b`` is,
    ``b = 1`` included, and returns what ``model`` in eval mode (it and all its layers, nested ones
    included) returns for it: the same float32 ``(n, out)`` values, within float32 rounding
    (rtol 1e-5, atol 1e-6), with or without autograd history.
    Beware: ``torch.export`` treats sizes 0 and 1 as special and fixes them, so it refuses to make
    the batch dynamic when the example's batch is 1 (there is a way round it). ``example`` gives the
    shape and dtype: in eval mode a row's prediction depends on that row alone, so the program may
    be traced on other rows of the same width and dtype. ``example`` itself is left unchanged.

    ``model`` may come in train or eval mode, or with layers in different modes (a frozen batch
    norm in eval mode, its parameters not requiring grad, inside a model in train mode), and is left
    as it was: every module (it and its layers, nested ones included) in the mode it came in, so
    ``model.train(was_training)`` alone is not enough, and the same parameters and buffers (values,
    dtypes and ``requires_grad``). So no forward pass in train mode, which would move batch norm's
    running statistics (one in eval mode is harmless). Exporting a copy (``copy.deepcopy(model)``)
    leaves the original untouched. If ``torch.export`` raises, let the error through (the modes
    the model is left in then are not checked).

    >>> export_model(model, torch.randn(2, 3), "model.pt2")
    >>> torch.export.load("model.pt2").module()(torch.randn(5, 3)).shape
    torch.Size([5, 2])
    """
    raise NotImplementedError("export_model(): not implemented yet (kata deploy/torch_export)")


def load_model(path: str | Path) -> Callable[[torch.Tensor], torch.Tensor]:
    """The program that ``export_model`` wrote at ``path``, ready to predict: a callable (the loaded
    module itself, or a function around it) that, given a float32 tensor of shape ``(n, features)``,
    any ``n >= 1``, returns a torch tensor: the float32 ``(n, out)`` predictions of the exported
    model in eval mode (within rtol 1e-5, atol 1e-6), with or without autograd history.

    It reads the file when it is called: a program written again at the same path is the one the
    next ``load_model(path)`` returns (no cache by path). It runs in a fresh Python process that
    never imported the model's class (nor the code that built it): only this kata's module and what
    that imports. The program already runs as the model did in eval mode, so there is no mode to
    set (a module from ``torch.export`` refuses ``.eval()`` and ``.train()``).

    >>> predict = load_model("model.pt2")      # in another process
    >>> predict(torch.randn(11, 3)).shape
    torch.Size([11, 2])
    """
    raise NotImplementedError("load_model(): not implemented yet (kata deploy/torch_export)")
