"""Kata loops/checkpoint: save a model's weights and reload them so it predicts identically.

A model's ``state_dict()`` maps names to tensors: the parameters, and the buffers some layers
keep (batch norm's running mean and variance). Saving that dict, not the model object, keeps a
checkpoint to tensors only. Loading goes the other way: build a fresh model of the same
architecture, then ``load_state_dict``. ``torch.load(..., weights_only=True)`` unpickles tensors
and plain containers only, so a file that carries any other pickled object is refused before
any of its code can run (it is the default since torch 2.6; say it anyway).
"""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn


def save_weights(model: nn.Module, path: str | Path) -> None:
    """Write ``model.state_dict()`` to ``path``: the weights (parameters and buffers) as they are,
    same names, dtypes and values, in a dict that ``torch.load(path, weights_only=True)`` reads
    back (tensors only: not the model object, no NumPy arrays). Any file name or suffix
    (``model.pt``, ``weights.pth``); a file already at ``path`` is replaced. ``model`` is left as
    it was, in the mode it was in."""
    raise NotImplementedError("save_weights(): not implemented yet (kata loops/checkpoint)")


def load_weights(build: Callable[[], nn.Module], path: str | Path, device: str | torch.device) -> nn.Module:
    """A model made by ``build()`` with the weights saved at ``path``, on ``device``, in eval
    mode, ready to predict exactly as the saved model did (same dtype). Autograd's grad mode is
    left as it was.

    The file may come from another device (saved on a GPU, loaded on a CPU-only machine): map its
    tensors to ``device`` as they load (``map_location``). Loads tensors only: pass
    ``weights_only=True`` to ``torch.load`` yourself, for where the default is False (torch before
    2.6, or ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` set). A file that carries anything else makes
    ``torch.load`` raise ``pickle.UnpicklingError`` before any of its code runs: let it through.

    >>> save_weights(model, "model.pt")
    >>> copy = load_weights(lambda: nn.Sequential(nn.Linear(2, 3), nn.Dropout(0.5)), "model.pt", "cpu")
    >>> torch.equal(copy(x), model.eval()(x))
    True
    """
    raise NotImplementedError("load_weights(): not implemented yet (kata loops/checkpoint)")
