"""Blind red team: correct answers in other styles for kata loops/batching."""
import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, SequentialSampler, TensorDataset
from katas._support.mistakes import alternative


@alternative("explicit RandomSampler(generator=...) / SequentialSampler inside a BatchSampler",
             replaces="make_loader")
def batch_sampler_style(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    dataset = TensorDataset(features, targets)
    if shuffle:
        generator = None
        if seed is not None:
            generator = torch.Generator()
            generator.manual_seed(seed)
        sampler = RandomSampler(dataset, generator=generator)
    else:
        sampler = SequentialSampler(dataset)
    return DataLoader(dataset, batch_sampler=BatchSampler(sampler, batch_size, drop_last))


@alternative("dataset as a list of (feature, target) tuples; a generator whenever a seed is given",
             replaces="make_loader")
def list_of_pairs(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    pairs = list(zip(features, targets))
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(pairs, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=generator)


@alternative("collate_fn that stacks each batch into a tuple (features, targets)",
             replaces="make_loader")
def tuple_collate(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if shuffle and seed is not None:
        generator = torch.Generator()
        generator.manual_seed(seed)

    def collate(batch):
        xs, ys = zip(*batch)
        return torch.stack(xs), torch.stack(ys)

    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator, collate_fn=collate)
