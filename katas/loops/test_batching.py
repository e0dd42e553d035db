"""Tests of kata loops/batching: every sample once per epoch, the remainder batch, seeded shuffles."""

import torch
from hypothesis import given
from hypothesis import strategies as st

from katas._support.checks import check_equal, fail

sizes = st.integers(1, 60)
batch_sizes = st.integers(1, 16)


def epoch(loader):
    """(the sample ids in the order served, the batch sizes); features are the ids, targets 10x them."""
    ids, lengths = [], []
    for features, targets in loader:
        check_equal(torch.equal(targets, features * 10), True, call="iterating the loader",
                    what="pairing (targets[i] belongs with features[i])", misconception="TensorDataset(features, targets)")
        ids += features.tolist()
        lengths.append(len(features))
    return ids, lengths


def make(kata, n, batch_size, **options):
    ids = torch.arange(n)
    return kata.make_loader(ids, ids * 10, batch_size, **options)


@given(n=sizes, batch_size=batch_sizes, shuffle=st.booleans())
def test_every_sample_once_per_epoch_and_the_last_batch_is_the_remainder(kata, n, batch_size, shuffle):
    call = f"make_loader({n} samples, batch_size={batch_size}, shuffle={shuffle})"
    ids, lengths = epoch(make(kata, n, batch_size, shuffle=shuffle, seed=0))
    check_equal(sorted(ids), list(range(n)), call=call, what="samples served in one epoch (sorted)",
                misconception="every sample exactly once per epoch; drop_last only when asked")
    expected = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
    check_equal(lengths, expected, call=call, what="batch sizes", misconception="DataLoader(..., batch_size=batch_size)")


@given(n=sizes, batch_size=batch_sizes)
def test_drop_last_drops_only_the_short_batch(kata, n, batch_size):
    call = f"make_loader({n} samples, batch_size={batch_size}, drop_last=True)"
    ids, lengths = epoch(make(kata, n, batch_size, drop_last=True))
    check_equal(lengths, [batch_size] * (n // batch_size), call=call, what="batch sizes",
                misconception="DataLoader(..., drop_last=drop_last)")
    check_equal(ids, list(range(n // batch_size * batch_size)), call=call, what="samples in order")


@given(n=st.integers(20, 60), batch_size=batch_sizes, seed=st.integers(0, 2**32 - 1))
def test_seeded_shuffle_is_reproducible_whatever_else_uses_the_rng(kata, n, batch_size, seed):
    call = f"make_loader({n} samples, batch_size={batch_size}, shuffle=True, seed={seed})"
    orders = []
    for other_work in (1, 7):
        loader = make(kata, n, batch_size, shuffle=True, seed=seed)
        torch.rand(other_work)  # another part of the program draws from torch's global RNG
        orders.append([epoch(loader)[0] for _ in range(2)])
    if orders[0][0] == list(range(n)):
        fail(call, "order", "shuffled", "0, 1, 2, ... in order", "DataLoader(..., shuffle=shuffle)")
    check_equal(orders[1], orders[0], call=call, what="orders of two epochs, built again after other RNG use",
                misconception="pass generator=torch.Generator().manual_seed(seed): seeding the global RNG "
                "does not protect the order from other code that draws random numbers")
