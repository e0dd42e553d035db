"""Correct alternatives of kata loops/batching: other styles the tests must accept."""
import random

import torch
from torch.utils.data import BatchSampler, DataLoader, Dataset, RandomSampler, Sampler, SequentialSampler

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("a plain list(zip(features, targets)) as the dataset; a Generator always made, seeded from "
             "entropy when there is no seed", replaces="make_loader")
def loader_zip_list(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    pairs = list(zip(features, targets))
    generator = torch.Generator()
    if seed is None:
        generator.seed()
    else:
        generator.manual_seed(seed)
    return DataLoader(pairs, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, generator=generator)


@alternative("explicit RandomSampler/SequentialSampler wrapped in a BatchSampler, passed as batch_sampler",
             replaces="make_loader")
def loader_batch_sampler(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    from torch.utils.data import TensorDataset

    dataset = TensorDataset(features, targets)
    if shuffle:
        generator = None
        if seed is not None:
            generator = torch.Generator()
            generator.manual_seed(seed)
        sampler = RandomSampler(dataset, generator=generator)
    else:
        sampler = SequentialSampler(dataset)
    return DataLoader(dataset, batch_sampler=BatchSampler(sampler, batch_size=batch_size, drop_last=drop_last))


@alternative("own Dataset class and own Sampler shuffling with Python's random.Random(seed), made once, "
             "reshuffled each epoch (other orders than torch's, still reproducible)", replaces="make_loader")
def loader_python_random(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    class Pairs(Dataset):
        def __len__(self):
            return len(features)

        def __getitem__(self, i):
            return features[i], targets[i]

    class PyShuffle(Sampler):
        def __init__(self, n, rng):
            self.n, self.rng = n, rng

        def __len__(self):
            return self.n

        def __iter__(self):
            order = list(range(self.n))
            self.rng.shuffle(order)
            return iter(order)

    dataset = Pairs()
    sampler = PyShuffle(len(dataset), random.Random(seed)) if shuffle else None
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, drop_last=drop_last)


@alternative("keyword arguments collected in a dict; generator only added when shuffling with a seed",
             replaces="make_loader")
def loader_kwargs(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    from torch.utils.data import TensorDataset

    options = {"batch_size": batch_size, "shuffle": shuffle, "drop_last": drop_last}
    if shuffle and seed is not None:
        options["generator"] = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), **options)
