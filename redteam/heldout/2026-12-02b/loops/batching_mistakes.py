"""Blind red team: wrong answers for kata loops/batching."""
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset
from katas._support.mistakes import mistake


@mistake("seeds with torch.manual_seed(seed) and lets the loader shuffle from the global RNG",
         replaces="make_loader")
def global_manual_seed(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)


@mistake("passes shuffle but never uses the seed", replaces="make_loader")
def seed_ignored(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)


@mistake("checks `if seed:` so seed=0 counts as no seed", replaces="make_loader")
def seed_zero_is_falsy(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed:
        generator = torch.Generator()
        generator.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("shuffles the indices once with the seeded generator and serves that fixed order "
         "every epoch", replaces="make_loader")
def shuffled_once(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    dataset = TensorDataset(features, targets)
    if shuffle:
        generator = torch.Generator()
        if seed is not None:
            generator.manual_seed(seed)
        else:
            generator.seed()
        order = torch.randperm(len(dataset), generator=generator).tolist()
        dataset = Subset(dataset, order)
    return DataLoader(dataset, batch_size=batch_size, shuffle=False, drop_last=drop_last)


@mistake("forgot to pass drop_last on to the DataLoader", replaces="make_loader")
def drop_last_not_passed(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed is not None:
        generator = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      generator=generator)


@mistake("a seed means shuffling, so seed given -> shuffle even when shuffle=False",
         replaces="make_loader")
def seed_turns_on_shuffle(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed is not None:
        shuffle = True
        generator = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("converted features and targets to float for the model (integer targets come out float)",
         replaces="make_loader")
def casts_to_float(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed is not None:
        generator = torch.Generator().manual_seed(seed)
    dataset = TensorDataset(features.float(), targets.float())
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=generator)


_SHARED_GENERATOR = torch.Generator()


@mistake("one module-level generator, re-seeded and shared by every loader (side by side they "
         "steal each other's draws)", replaces="make_loader")
def shared_module_generator(features, targets, batch_size, *, shuffle=False, drop_last=False,
                            seed=None):
    generator = None
    if seed is not None:
        _SHARED_GENERATOR.manual_seed(seed)
        generator = _SHARED_GENERATOR
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("generator = torch.manual_seed(seed): that is torch's global generator, not a private one",
         replaces="make_loader")
def manual_seed_returned_generator(features, targets, batch_size, *, shuffle=False, drop_last=False,
                                   seed=None):
    generator = None
    if seed is not None:
        generator = torch.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("made targets a column with unsqueeze(1) so they match the model's output",
         replaces="make_loader")
def targets_as_column(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed is not None:
        generator = torch.Generator().manual_seed(seed)
    dataset = TensorDataset(features, targets.unsqueeze(1))
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=generator)


@mistake("seeded Python's random and numpy, which DataLoader shuffling does not use",
         replaces="make_loader")
def seeds_numpy_and_random(features, targets, batch_size, *, shuffle=False, drop_last=False,
                           seed=None):
    if seed is not None:
        random.seed(seed)
        np.random.seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)
