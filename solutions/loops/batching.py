"""Reference answer of kata loops/batching."""

import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(features: torch.Tensor, targets: torch.Tensor, batch_size: int, *, shuffle: bool = False,
                drop_last: bool = False, seed: int | None = None) -> DataLoader:
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)
