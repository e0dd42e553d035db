"""Named mistakes of kata loops/batching."""

import torch
from torch.utils.data import DataLoader, Dataset, Sampler, TensorDataset

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


# Written blind, from the stub alone (red team, 2026-12)


def _generator(seed):
    return None if seed is None else torch.Generator().manual_seed(seed)


@mistake("forgot to pass drop_last on to the DataLoader", replaces="make_loader")
def loader_ignores_drop_last(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      generator=_generator(seed))


@mistake("forgot to pass shuffle on to the DataLoader", replaces="make_loader")
def loader_ignores_shuffle(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, drop_last=drop_last,
                      generator=_generator(seed))


@mistake("never used the seed: shuffled orders differ from run to run", replaces="make_loader")
def loader_ignores_seed(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)


@mistake("seeded torch's global RNG with torch.manual_seed(seed) instead of giving the loader its own Generator",
         replaces="make_loader")
def loader_global_manual_seed(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last)


@mistake("wrote `if seed:` so seed=0 is treated like no seed at all", replaces="make_loader")
def loader_seed_zero_ignored(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    generator = torch.Generator().manual_seed(seed) if seed else None
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=generator)


@mistake("shuffled the tensors once up front and gave the loader shuffle=False: every epoch has the same order",
         replaces="make_loader")
def loader_shuffled_once(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if shuffle:
        order = torch.randperm(len(features), generator=_generator(seed))
        features, targets = features[order], targets[order]
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, drop_last=drop_last)


@mistake("made a sampler that re-seeds its Generator at every epoch, so every epoch repeats the same order",
         replaces="make_loader")
def loader_reseeded_every_epoch(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    class ReseededSampler(Sampler):
        def __init__(self, n):
            self.n = n

        def __len__(self):
            return self.n

        def __iter__(self):
            generator = torch.Generator().manual_seed(0 if seed is None else seed)
            return iter(torch.randperm(self.n, generator=generator).tolist())

    dataset = TensorDataset(features, targets)
    if not shuffle:
        return DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
    return DataLoader(dataset, batch_size=batch_size, drop_last=drop_last, sampler=ReseededSampler(len(dataset)))


@mistake("put the targets first: TensorDataset(targets, features)", replaces="make_loader")
def loader_swapped_pair(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(targets, features), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=_generator(seed))


@mistake("converted the targets to float so both tensors match (integer class labels become floats)",
         replaces="make_loader")
def loader_float_targets(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features.float(), targets.float()), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=_generator(seed))


@mistake("returned list(loader): the batches are cut once and replayed, never reshuffled, and it is no DataLoader",
         replaces="make_loader")
def loader_as_list(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return list(DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                           drop_last=drop_last, generator=_generator(seed)))


@mistake("cut the batches by hand with range(0, n - batch_size, batch_size): the last batch goes missing",
         replaces="make_loader")
def loader_manual_off_by_one(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    class Batches(Sampler):
        def __iter__(self):
            n = len(features)
            order = torch.randperm(n, generator=_generator(seed)) if shuffle else torch.arange(n)
            for start in range(0, n - batch_size, batch_size):
                yield order[start:start + batch_size].tolist()

        def __len__(self):
            return len(range(0, len(features) - batch_size, batch_size))

    return DataLoader(TensorDataset(features, targets), batch_sampler=Batches())


@mistake("always drops the short last batch (drop_last=True hard-coded to be 'safe')", replaces="make_loader")
def loader_always_drops_last(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=True, generator=_generator(seed))


@mistake("a Dataset that returns (features[i], targets[i]) but counts len() from the targets' last dim",
         replaces="make_loader")
def loader_wrong_len(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    class Pairs(Dataset):
        def __len__(self):
            return targets.shape[-1]

        def __getitem__(self, i):
            return features[i], targets[i]

    return DataLoader(Pairs(), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=_generator(seed))


_SHARED_GENERATOR = torch.Generator()


@mistake("kept one module-level Generator and re-seeded it per call: loaders made earlier share its stream",
         replaces="make_loader")
def loader_shared_generator(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if seed is not None:
        _SHARED_GENERATOR.manual_seed(seed)
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle,
                      drop_last=drop_last, generator=_SHARED_GENERATOR if seed is not None else None)


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("without a seed, shuffled the tensors once up front: every epoch repeats that order", replaces="make_loader")
def unseeded_shuffled_once(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    if shuffle and seed is None:
        order = torch.randperm(len(features))
        features, targets, shuffle = features[order], targets[order], False
    return DataLoader(TensorDataset(features, targets), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                      generator=_generator(seed))


@mistake("built a BatchSampler for the shuffled case and forgot drop_last there", replaces="make_loader")
def shuffled_batches_keep_the_short_one(features, targets, batch_size, *, shuffle=False, drop_last=False, seed=None):
    from torch.utils.data import BatchSampler, RandomSampler

    dataset = TensorDataset(features, targets)
    if shuffle:
        sampler = BatchSampler(RandomSampler(dataset, generator=_generator(seed)), batch_size, drop_last=False)
        return DataLoader(dataset, batch_sampler=sampler)
    return DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
