"""Blind red team: correct answers in other styles for kata loops/batching."""
import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, SequentialSampler, TensorDataset

from katas._support.mistakes import alternative


@alternative("a plain list of (features[i], targets[i]) tensor pairs as the dataset (default collate "
             "stacks them, dtypes kept); generator given only when seeded", replaces="make_loader")
def list_of_tensor_pairs(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    pairs = list(zip(features, targets))
    kwargs = {}
    if seed is not None:
        generator = torch.Generator()
        generator.manual_seed(seed)
        kwargs["generator"] = generator
    return DataLoader(pairs, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, **kwargs)


@alternative("explicit samplers: RandomSampler with its own seeded generator when shuffling, "
             "SequentialSampler otherwise, passed as sampler=", replaces="make_loader")
def explicit_sampler(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    dataset = TensorDataset(features, targets)
    if shuffle:
        generator = None if seed is None else torch.Generator().manual_seed(seed)
        sampler = RandomSampler(dataset, generator=generator)
    else:
        sampler = SequentialSampler(dataset)
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, drop_last=drop_last)


@alternative("a BatchSampler passed as batch_sampler= (batch size and drop_last live in it)",
             replaces="make_loader")
def explicit_batch_sampler(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    dataset = TensorDataset(features, targets)
    if shuffle:
        generator = torch.Generator().manual_seed(seed) if seed is not None else None
        base = RandomSampler(dataset, generator=generator)
    else:
        base = SequentialSampler(dataset)
    return DataLoader(dataset, batch_sampler=BatchSampler(base, batch_size=batch_size, drop_last=drop_last))


@alternative("TensorDataset with a seeded generator passed whenever a seed is given, shuffle or not "
             "(without shuffle the order stays sequential)", replaces="make_loader")
def generator_always_when_seeded(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(TensorDataset(features, targets), batch_size, shuffle, drop_last=drop_last,
                      generator=generator)
