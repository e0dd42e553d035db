"""Tests of kata loops/batching: every sample once per epoch, the remainder batch, seeded shuffles.

The samples carry their own id (features[i] starts with i, targets[i] is 10 * i), so each test
can read which samples a batch holds and whether each target still belongs with its features.
"""

import torch
from hypothesis import example, given
from hypothesis import strategies as st
from torch.utils.data import DataLoader

from katas._support.checks import check_equal, fail

sizes = st.integers(1, 60)
batch_sizes = st.integers(1, 16)

PAIRS = "DataLoader(TensorDataset(features, targets), ...): the i-th feature row with the i-th target, dtypes kept"


def dataset(n, wide):
    """(features, targets): 1-D float32 ids and int64 targets as in the docstring, or (when
    ``wide``) float64 rows (n, 3) and int64 targets (n, 1)."""
    ids = torch.arange(n)
    if wide:
        return torch.stack([ids, -ids, ids * 2], dim=1).double(), (ids * 10).unsqueeze(1)
    return ids.float(), ids * 10


def describe(n, wide):
    return f"features ({n}, 3) float64, targets ({n}, 1) int64" if wide else f"features ({n},) float32, targets ({n},) int64"


def make(kata, n, batch_size, wide=False, **options):
    features, targets = dataset(n, wide)
    loader = kata.make_loader(features, targets, batch_size, **options)
    if not isinstance(loader, DataLoader):
        settings = "".join(f", {key}={value}" for key, value in options.items())
        fail(f"make_loader({describe(n, wide)}, batch_size={batch_size}{settings})", "type", "a DataLoader",
             type(loader).__name__, "return DataLoader(...) itself: a list of batches is cut once and never reshuffled")
    return loader


def epoch(loader, call):
    """(the sample ids in the order served, the batch sizes) of one pass over the loader."""
    ids, lengths = [], []
    for batch in loader:
        check_equal(len(batch), 2, call=f"{call}: iterating the loader", what="items in each batch",
                    misconception=PAIRS)
        features, targets = batch
        wide = features.dim() == 2
        want = (torch.float64, torch.int64) if wide else (torch.float32, torch.int64)
        check_equal((str(features.dtype), str(targets.dtype)), tuple(map(str, want)), call=f"{call}: a batch",
                    what="dtypes of (features, targets)", misconception=PAIRS)
        check_equal((tuple(features.shape[1:]), tuple(targets.shape[1:])), ((3,), (1,)) if wide else ((), ()),
                    call=f"{call}: a batch", what="shape of one (features, targets) pair, batch dimension left out",
                    misconception=PAIRS)
        first = features[:, 0] if wide else features
        check_equal(torch.equal(targets.reshape(-1), (first * 10).long()), True, call=f"{call}: a batch",
                    what="pairing (targets[i] belongs with features[i])", misconception=PAIRS)
        ids += first.long().tolist()
        lengths.append(len(features))
    return ids, lengths


@given(n=sizes, batch_size=batch_sizes, shuffle=st.booleans(), seed=st.none() | st.integers(0, 2**32 - 1),
       wide=st.booleans())
@example(n=5, batch_size=2, shuffle=False, seed=None, wide=False)  # the docstring's example
@example(n=7, batch_size=3, shuffle=False, seed=5, wide=True)  # a seed without shuffle: still in order
@example(n=9, batch_size=4, shuffle=True, seed=0, wide=True)
def test_every_sample_once_per_epoch_and_the_last_batch_is_the_remainder(kata, n, batch_size, shuffle, seed, wide):
    call = f"make_loader({describe(n, wide)}, batch_size={batch_size}, shuffle={shuffle}, seed={seed})"
    ids, lengths = epoch(make(kata, n, batch_size, wide, shuffle=shuffle, seed=seed), call)
    check_equal(sorted(ids), list(range(n)), call=call, what="samples served in one epoch (sorted)",
                misconception="every sample exactly once per epoch (the dataset has len(features) samples); "
                "drop_last only when asked")
    expected = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
    check_equal(lengths, expected, call=call, what="batch sizes",
                misconception="DataLoader(..., batch_size=batch_size): full batches, then the remainder")
    if not shuffle:
        check_equal(ids, list(range(n)), call=call, what="order of the samples",
                    misconception="without shuffle the order is 0, 1, 2, ..., whatever the seed")


@given(n=sizes, batch_size=batch_sizes, wide=st.booleans(), shuffle=st.booleans())
@example(n=7, batch_size=3, wide=False, shuffle=False)
@example(n=8, batch_size=4, wide=True, shuffle=False)  # nothing to drop
@example(n=7, batch_size=3, wide=False, shuffle=True)  # shuffled too: the short batch is still dropped
def test_drop_last_drops_only_the_short_batch(kata, n, batch_size, wide, shuffle):
    call = f"make_loader({describe(n, wide)}, batch_size={batch_size}, shuffle={shuffle}, drop_last=True)"
    ids, lengths = epoch(make(kata, n, batch_size, wide, shuffle=shuffle, drop_last=True), call)
    check_equal(lengths, [batch_size] * (n // batch_size), call=call, what="batch sizes",
                misconception="DataLoader(..., drop_last=drop_last), shuffled or not")
    if shuffle:
        check_equal(len(set(ids)), len(ids), call=call, what="distinct samples served in one epoch",
                    misconception="every sample at most once per epoch")
    else:
        check_equal(ids, list(range(n // batch_size * batch_size)), call=call, what="samples in order")


@given(n=st.integers(20, 60), batch_size=batch_sizes, seed=st.none() | st.integers(0, 2**32 - 1))
@example(n=20, batch_size=3, seed=0)  # seed=0 is a seed too (`if seed:` forgets it)
@example(n=31, batch_size=8, seed=12345)
@example(n=20, batch_size=3, seed=None)  # no seed: the order still changes every epoch
def test_seeded_shuffle_is_reproducible_whatever_else_uses_the_rng(kata, n, batch_size, seed):
    call = f"make_loader({describe(n, False)}, batch_size={batch_size}, shuffle=True, seed={seed})"
    # two loaders made with the same seed, used side by side, while other code draws random numbers
    first = make(kata, n, batch_size, shuffle=True, seed=seed)
    torch.rand(3)
    second = make(kata, n, batch_size, shuffle=True, seed=seed)
    orders = {"first": [], "second": []}
    for other_work in (1, 7):
        torch.rand(other_work)  # another part of the program draws from torch's global RNG
        orders["first"].append(epoch(first, call)[0])
        orders["second"].append(epoch(second, call)[0])
    if orders["first"][0] == list(range(n)):
        fail(call, "order", "shuffled", "0, 1, 2, ... in order", "DataLoader(..., shuffle=shuffle)")
    if orders["first"][1] == orders["first"][0]:
        fail(call, "order of the second epoch", "a new order (shuffle changes the order every epoch)",
             "the same order as the first epoch",
             "DataLoader(shuffle=True) draws a new order on every pass; shuffling the tensors once, or seeding a "
             "new generator at each epoch, repeats one order")
    if seed is None:
        return  # two unseeded loaders need not agree
    check_equal(orders["second"], orders["first"], call=call,
                what="orders of two epochs of a second loader with the same seed, used side by side with the first",
                misconception="pass generator=torch.Generator().manual_seed(seed), a new generator for each loader: "
                "seeding torch's global RNG (or sharing one generator, or `if seed:` that forgets seed=0) lets other "
                "code that draws random numbers change the order")
