"""Kata loops/batching: feed a model in mini-batches with a DataLoader.

A ``TensorDataset`` pairs the i-th feature row with the i-th target; a ``DataLoader`` cuts the
dataset into batches, in order or shuffled, once per pass (an *epoch*) over the data.
Shuffling draws from a random number generator: give the loader its own seeded
``torch.Generator`` and the order is the same on every run, whatever else uses torch's RNG.
"""

import torch
from torch.utils.data import DataLoader


def make_loader(features: torch.Tensor, targets: torch.Tensor, batch_size: int, *, shuffle: bool = False,
                drop_last: bool = False, seed: int | None = None) -> DataLoader:
    """A DataLoader of (features[i], targets[i]) pairs in batches of ``batch_size``: each batch is
    a pair (features of the batch, targets of the batch), with the tensors' dtypes kept.

    The last batch holds the remainder, or is dropped when ``drop_last``. Without ``shuffle`` the
    order is 0, 1, 2, ... (whatever the seed). With ``shuffle`` the order changes every epoch;
    with a ``seed`` too (``seed=0`` is a seed), the orders are the same on every run: two loaders
    made with the same seed serve the same orders, even used side by side, and even when other
    code draws from torch's global RNG in between.

    >>> loader = make_loader(torch.arange(5.0), torch.arange(5) * 10, batch_size=2)
    >>> [tuple(x.tolist()) for x, y in loader]
    [(0.0, 1.0), (2.0, 3.0), (4.0,)]
    """
    raise NotImplementedError("make_loader(): not implemented yet (kata loops/batching)")
