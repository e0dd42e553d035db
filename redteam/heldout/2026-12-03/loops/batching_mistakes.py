"""Blind red team: wrong answers for kata loops/batching."""
import torch
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import mistake


@mistake("I wrote 'if seed:' to decide whether to seed: seed=0 is falsy, so seed 0 gives an unseeded, "
         "different order on every run; the docstring says seed=0 is a seed", replaces="make_loader")
def seed_zero_is_falsy(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed:
        generator = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("I seeded with torch.manual_seed(seed) at creation instead of giving the loader its own "
         "generator: other code drawing from the global RNG, or a second loader iterated side by side, "
         "changes the order (and I reset everyone's global RNG)", replaces="make_loader")
def seeds_global_rng(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)


@mistake("I drew one permutation with torch.randperm when the loader is made and passed it as the "
         "sampler: every epoch serves that same order, but the docstring says with shuffle the order "
         "changes every epoch", replaces="make_loader")
def permutation_drawn_once(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    dataset = TensorDataset(features, targets)
    if not shuffle:
        return DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    order = torch.randperm(len(dataset), generator=generator).tolist()
    return DataLoader(dataset, batch_size=batch_size, sampler=order, drop_last=drop_last)


@mistake("I never passed drop_last to the DataLoader: the short last batch is always served",
         replaces="make_loader")
def drop_last_ignored(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      generator=generator)


@mistake("I took 'a seed was given' to mean shuffling (shuffle=shuffle or seed is not None): the "
         "docstring says without shuffle the order is 0, 1, 2, ... whatever the seed",
         replaces="make_loader")
def seed_turns_on_shuffle(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size,
                      shuffle=shuffle or seed is not None, drop_last=drop_last, generator=generator)


@mistake("I converted both tensors with .float() 'because models want floats': integer targets come "
         "out as float32; the docstring says the tensors' dtypes are kept", replaces="make_loader")
def casts_to_float(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features.float(), targets.float()), batch_size=batch_size,
                      shuffle=shuffle, drop_last=drop_last, generator=generator)


_SHARED_GENERATOR = torch.Generator()


@mistake("I kept one module-level torch.Generator and re-seeded it in each call: two loaders made "
         "with the same seed share it, so used side by side they draw from one stream and serve "
         "different orders", replaces="make_loader")
def shared_module_generator(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = None
    if seed is not None:
        _SHARED_GENERATOR.manual_seed(seed)
        generator = _SHARED_GENERATOR
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("I turned 1-D features into a column with unsqueeze(1) 'as models expect': each batch's "
         "features are (B, 1), not the rows features[i] the docstring pairs", replaces="make_loader")
def features_made_a_column(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if features.dim() == 1:
        features = features.unsqueeze(1)
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("I built the dataset as list(zip(features.tolist(), targets.tolist())): the default collate "
         "turns Python floats into float64 (float32 features change dtype) and turns 2-D rows into "
         "lists of columns; the example's output looks right", replaces="make_loader")
def python_lists_dataset(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    pairs = list(zip(features.tolist(), targets.tolist()))
    generator = None if seed is None else torch.Generator().manual_seed(seed)
    return DataLoader(pairs, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=generator)


@mistake("I passed shuffle but forgot to use the seed at all: two loaders made with the same seed "
         "serve different orders", replaces="make_loader")
def seed_never_used(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)
