"""Named mistakes of kata loops/batching."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import mistake


@mistake("seeded torch's global RNG once instead of giving the loader its own generator", replaces="make_loader")
def global_seed(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


@mistake("always dropped the short last batch", replaces="make_loader")
def always_drop_last(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle, drop_last=True,
                      generator=generator)


@mistake("ignored shuffle", replaces="make_loader")
def never_shuffled(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, drop_last=drop_last)
