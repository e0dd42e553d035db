"""Kata deploy/torch_export: an exported program runs without the model's code.

``torch.export.export(model, (example,))`` runs the model once on ``example`` and records its
tensor operations as a program; ``torch.export.save`` writes that program, weights included, to a
``.pt2`` archive, and ``torch.export.load(path).module()`` gives back a module that runs it. No
Python class is pickled, so the archive loads where the model's code was never imported. Sizes
are fixed to the example's unless ``dynamic_shapes`` names a dimension as free:
``{0: torch.export.Dim("batch")}`` for the batch. The program records the layers in the mode the
model is in when it is exported: export in eval mode for predictions (dropout off, batch norm on
its running statistics).
"""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn


def export_model(model: nn.Module, example: torch.Tensor, path: str | Path) -> None:
    """Export ``model`` with ``torch.export`` and write the program to ``path`` (a ``.pt2`` file)
    with ``torch.export.save``, so that ``torch.export.load(path)`` reads it back.

    ``model`` takes one tensor; ``example`` is a float32 input batch of shape ``(b, features)``,
    ``b >= 1``. The program takes a float32 ``(n, features)`` tensor for ANY batch size ``n >= 1``
    (a dynamic batch dimension), whatever ``b`` is, ``b = 1`` included, and returns what ``model``
    in eval mode returns for it: the same float32 ``(n, out)`` values, within float32 rounding
    (rtol 1e-5, atol 1e-6).
    Beware: ``torch.export`` treats sizes 0 and 1 as special and fixes them, so it refuses to make
    the batch dynamic when the example's batch is 1 (there is a way round it).

    ``model`` may come in train or eval mode and is left as it was: in the mode it came in
    (it and its layers), with the same parameters and buffers (so no forward pass in train mode,
    which would move batch norm's running statistics).

    >>> export_model(model, torch.randn(2, 3), "model.pt2")
    >>> torch.export.load("model.pt2").module()(torch.randn(5, 3)).shape
    torch.Size([5, 2])
    """
    raise NotImplementedError("export_model(): not implemented yet (kata deploy/torch_export)")


def load_model(path: str | Path) -> Callable[[torch.Tensor], torch.Tensor]:
    """The program that ``export_model`` wrote at ``path``, ready to predict: a callable that, given
    a float32 tensor of shape ``(n, features)``, any ``n >= 1``, returns the float32 ``(n, out)``
    tensor of predictions of the exported model in eval mode (within rtol 1e-5, atol 1e-6).

    It runs in a fresh Python process that never imported the model's class (nor the code that
    built it): only this kata's module and what that imports. The program already runs as the
    model did in eval mode, so there is no mode to set (a module from ``torch.export`` refuses
    ``.eval()`` and ``.train()``).

    >>> predict = load_model("model.pt2")      # in another process
    >>> predict(torch.randn(11, 3)).shape
    torch.Size([11, 2])
    """
    raise NotImplementedError("load_model(): not implemented yet (kata deploy/torch_export)")
