"""Tests of kata scale/ddp: DistributedSampler's shares, and one DDP step on two real processes.

``shard`` is pure: it runs in the test's own process against ``DistributedSampler`` itself (the
oracle), for every rank of a world at once, so coverage and overlap can be judged too.

``ddp_step`` runs in two fresh Python processes started together (``fresh.call_in_parallel_processes``,
a free port on 127.0.0.1): one start per target, seconds each, so there is one such test. The
first rank to fail stops the other and its error is reported; a rank that waits forever for the
other is stopped after ``WAIT`` seconds. Either way both processes are killed and reaped, so no
process and no bound port is left behind. The test compares each rank's loss with the loss on the
share DistributedSampler deals it, both ranks' new weights with one single-process SGD step on
the whole batch, and reads the checkpoint folders: only rank 0's holds a file.
"""

import math

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.utils.data.distributed import DistributedSampler

from katas._support import fresh
from katas._support.checks import KataMismatch, check_equal, check_tensor, describe, error_line, fail

pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny tensors: one math thread (conftest.py)

WAIT = 20.0  # seconds the two ranks get together; the solution needs a few
#: What the two ranks' processes start with (forked from a zygote that imported it once, not
#: seconds in every process). Not torch._dynamo, which DistributedDataParallel imports: forked
#: after it, a rank sometimes hung for good in native code.
PRELOAD = ("torch",)


def sampled(num_samples, rank, world_size, epoch, seed, **options):
    """What DistributedSampler yields for that rank and epoch (options: shuffle, drop_last)."""
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank, seed=seed,
                                 **{"shuffle": True, **options})
    sampler.set_epoch(epoch)
    return list(sampler)


SAMPLER = ("list(sampler) of DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank, "
           "shuffle=True, seed=seed) after sampler.set_epoch(epoch)")


def shard_misconception(got, num_samples, rank, world_size, epoch, seed):
    """The likely mistake behind a wrong share, from the wrong answers it matches."""
    look_alikes = [
        (sampled(num_samples, rank, world_size, 0, seed), "no sampler.set_epoch(epoch): every epoch repeats "
         "epoch 0's shuffle"),
        (sampled(num_samples, rank, world_size, epoch, 0), "the seed is part of the shuffle: pass seed=seed"),
        (sampled(num_samples, rank, world_size, epoch, seed, shuffle=False), "shuffle=True: the sampler "
         "shuffles the indices before dealing them out (rank::world_size of the unshuffled range is shuffle=False)"),
        (list(range(num_samples))[rank::world_size], "shuffle=True: the sampler shuffles the indices before "
         "dealing them out, and pads them to a multiple of world_size"),
        (sampled(num_samples, world_size - 1 - rank, world_size, epoch, seed), "this is another rank's share: "
         "pass rank=rank"),
    ]
    return next((why for wrong, why in look_alikes if got == wrong), SAMPLER)


@settings(max_examples=15)
@given(num_samples=st.integers(1, 23), world_size=st.integers(1, 4), epoch=st.integers(0, 5),
       seed=st.integers(0, 99))
@example(num_samples=10, world_size=3, epoch=1, seed=0)  # padding, and an epoch other than 0
@example(num_samples=2, world_size=3, epoch=2, seed=7)  # fewer samples than ranks: padding beyond the data
@example(num_samples=1, world_size=4, epoch=0, seed=3)  # padding longer than the data: its indices repeat
@example(num_samples=8, world_size=2, epoch=0, seed=5)  # a seed other than 0 in epoch 0
@example(num_samples=6, world_size=1, epoch=3, seed=1)  # one rank: the whole shuffled epoch
def test_shard_deals_out_distributed_samplers_shuffle(kata, num_samples, world_size, epoch, seed):
    shard = kata.shard
    size = math.ceil(num_samples / world_size)
    shares = []
    for rank in range(world_size):
        call = f"shard({num_samples}, {rank}, {world_size}, epoch={epoch}, seed={seed})"
        try:
            got = shard(num_samples, rank, world_size, epoch, seed)
        except (RuntimeError, ValueError) as error:
            if "process group" not in str(error):
                raise
            fail(call, "behaviour", "the share, without any process group", f"{type(error).__name__}: {error}",
                 "pass num_replicas=world_size and rank=rank to DistributedSampler: without them it asks "
                 "the default process group, and shard() runs without one")
        if not isinstance(got, list) or not all(type(i) is int for i in got):
            kinds = sorted({type(i).__name__ for i in got}) if isinstance(got, (list, tuple)) else []
            fail(call, "type", "a list of Python ints", f"{describe(got)}" + (f" of {', '.join(kinds)}" if kinds else ""),
                 "list(sampler): iterating a DistributedSampler yields Python ints (no tensor, no NumPy array, "
                 "no .tolist() of a tensor of floats)")
        check_equal(len(got), size, call=call, what="number of indices",
                    misconception=f"every rank gets ceil(num_samples / world_size) = {size} indices: the sampler "
                                  "pads the shuffled indices with their own first ones, repeated as often as needed (drop_last=False, its default)")
        shares.append(got)
    every = f"shard({num_samples}, rank, {world_size}, epoch={epoch}, seed={seed}) for rank in range({world_size})"
    missing = sorted(set(range(num_samples)) - {i for share in shares for i in share})
    check_equal(missing, [], call=every, what="indices no rank gets",
                misconception="together the ranks' shares hold the whole epoch: every index goes to some rank")
    outside = sorted({i for share in shares for i in share} - set(range(num_samples)))
    check_equal(outside, [], call=every, what="indices outside range(num_samples)",
                misconception="the shares are indices of the dataset, 0 to num_samples - 1")
    if num_samples % world_size == 0:
        twice = sorted({i for i in range(num_samples) if sum(share.count(i) for share in shares) > 1})
        check_equal(twice, [], call=every, what="indices dealt out more than once",
                    misconception="num_samples is a multiple of world_size: the shares are disjoint, no padding")
    for rank, got in enumerate(shares):
        call = f"shard({num_samples}, {rank}, {world_size}, epoch={epoch}, seed={seed})"
        expected = sampled(num_samples, rank, world_size, epoch, seed)
        check_equal(got, expected, call=call, what="indices, in order",
                    misconception=shard_misconception(got, num_samples, rank, world_size, epoch, seed))


def test_shard_reads_every_argument_on_every_call(kata):
    """"The same arguments give the same list": and other arguments another list, however many
    calls came before. One argument changes at a time, then all come back to the first call's."""
    calls = [(10, 0, 3, 0, 0), (10, 0, 3, 0, 1), (10, 0, 3, 2, 1), (10, 1, 3, 2, 1), (10, 1, 2, 2, 1),
             (11, 1, 2, 2, 1), (10, 0, 3, 0, 0)]
    for num_samples, rank, world_size, epoch, seed in calls:
        call = (f"shard({num_samples}, {rank}, {world_size}, epoch={epoch}, seed={seed}), in the sequence of calls "
                + ", ".join(f"shard{args}" for args in calls))
        check_equal(kata.shard(num_samples, rank, world_size, epoch, seed),
                    sampled(num_samples, rank, world_size, epoch, seed), call=call, what="indices, in order",
                    misconception="a new DistributedSampler on every call, from this call's arguments: nothing "
                                  "kept from an earlier call (a cached sampler keeps its first seed)")


# --- one DDP step on two processes ------------------------------------------------------------------

N, IN, OUT, LR = 8, 3, 2, 0.5
STEP = ("init_process_group('gloo', init_method=f'tcp://{address}:{port}', rank=rank, world_size=world_size); "
        "ddp = DistributedDataParallel(model); the share x[shard(N, rank, world_size, 0, 0)]; "
        "loss = mse_loss(ddp(x_share), y_share); loss.backward() (DDP averages the gradients); optimizer.step()")


def problem():
    """The initial weights, the batch, and what one process does with it."""
    generator = torch.Generator().manual_seed(2024)
    model = nn.Linear(IN, OUT)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))
    state = {name: value.clone() for name, value in model.state_dict().items()}
    x = torch.randn(N, IN, generator=generator)
    y = torch.randn(N, OUT, generator=generator)
    return state, x, y


def stepped(state, x, y, *, loss_scale=1.0):
    """The weights after one plain SGD step on mse_loss(model(x), y) * loss_scale, and that loss."""
    model = nn.Linear(IN, OUT)
    model.load_state_dict(state)
    loss = nn.functional.mse_loss(model(x), y) * loss_scale
    torch.optim.SGD(model.parameters(), lr=LR).zero_grad()
    loss.backward()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter -= LR * parameter.grad
    return {name: value.detach().clone() for name, value in model.state_dict().items()}, loss.item()


def same(a, b):
    return (isinstance(a, dict) and sorted(a) == sorted(b) and all(
        torch.is_tensor(a[k]) and a[k].shape == b[k].shape and torch.allclose(a[k].float(), b[k], rtol=1e-5, atol=1e-6)
        for k in b))


def weights_misconception(got, state, x, y, shares, rank):
    look_alikes = [
        (state, "the weights after optimizer.step(): one SGD step was taken (lr=lr, zero_grad before backward)"),
        (stepped(state, x[shares[rank]], y[shares[rank]])[0], "the forward pass must go through the "
         "DistributedDataParallel wrapper (ddp(x_share), not the bare model): only then does backward() average "
         "the gradients over the ranks"),
        (stepped(state, x, y, loss_scale=N // 2 * OUT)[0], "mse_loss with its default reduction='mean': a sum over the "
         "share makes DDP's average of the ranks' gradients a sum over the batch, not its mean"),
        (stepped(state, x, y, loss_scale=2.0)[0], "DDP already averages the gradients over the ranks: no "
         "scaling of the loss by world_size"),
    ]
    return next((why for wrong, why in look_alikes if same(got, wrong)), STEP)


def test_a_ddp_step_on_two_processes_equals_one_full_batch_step(kata, tmp_path):
    state, x, y = problem()
    shares = [sampled(N, rank, 2, 0, 0) for rank in range(2)]
    expected, _ = stepped(state, x, y)
    folders = [tmp_path / f"rank{rank}" for rank in range(2)]
    for folder in folders:
        folder.mkdir()
    port = fresh.free_port()
    call = (f"ddp_step(rank, 2, '127.0.0.1', port, state of nn.Linear({IN}, {OUT}), x {tuple(x.shape)}, "
            f"y {tuple(y.shape)}, {LR}, 'rank<rank>/checkpoint.pt') in two processes, rank 0 and rank 1")
    calls = [(rank, 2, "127.0.0.1", port, state, x, y, LR, str(folders[rank] / "checkpoint.pt")) for rank in range(2)]
    try:
        answers = fresh.call_in_parallel_processes(kata, "ddp_step", calls, labels=["rank 0", "rank 1"],
                                                   timeout=WAIT, preload=PRELOAD)
    except fresh.FreshProcessError as error:
        if "did not return within" in str(error):
            fail(call, "behaviour", f"both ranks return within {WAIT:g} s", str(error),
                 "one rank waits for the other: both must join init_process_group with the same address, port and "
                 "world_size and their own rank, and run the same forward and backward through the DDP model")
        raise KataMismatch(f"{error}\n    in: {call}") from None
    for rank, answer in enumerate(answers):
        here = call.replace("rank, 2,", f"{rank}, 2,").replace("'rank<rank>/", f"'rank{rank}/") + f": rank {rank}"
        result = answer["result"]
        if not (isinstance(result, tuple) and len(result) == 2):
            fail(here, "result", "a tuple (loss, weights)", describe(result), "return loss.item(), weights")
        loss, weights = result
        if not isinstance(loss, float):
            fail(here, "loss type", "a Python float", describe(loss), "loss.item(): the loss as a Python float")
        share = shares[rank]
        share_loss = nn.functional.mse_loss(nn.functional.linear(x[share], state["weight"], state["bias"]),
                                            y[share]).item()
        if not math.isclose(loss, share_loss, rel_tol=1e-5, abs_tol=1e-6):
            whole = stepped(state, x, y)[1]
            strided = nn.functional.mse_loss(nn.functional.linear(x[rank::2], state["weight"], state["bias"]),
                                             y[rank::2]).item()
            why = ("each rank trains on its share only, x[shard(len(x), rank, world_size, epoch=0, seed=0)], not "
                   "the whole batch" if math.isclose(loss, whole, rel_tol=1e-5) else
                   "the share is what DistributedSampler deals out: shuffled, not x[rank::world_size]"
                   if math.isclose(loss, strided, rel_tol=1e-5) else
                   f"the loss of this rank's share x[{share}] before the step: mse_loss with reduction='mean'")
            fail(here, "loss", f"{share_loss!r} (mse_loss on the rows {share} of x, before the step)", repr(loss), why)
        if not isinstance(weights, dict):
            fail(here, "weights type", "a dict {'weight': tensor, 'bias': tensor}", describe(weights),
                 "return ddp.module.state_dict() (or a copy of it)")
        check_equal(sorted(weights), ["bias", "weight"], call=here, what="names in the weights",
                    misconception="the Linear's own names: ddp.module.state_dict(), not ddp.state_dict() (which "
                                  "prefixes every name with 'module.')")
        for name in ("weight", "bias"):
            check_tensor(weights[name], expected[name], framework="torch", call=f"{here}: weights[{name!r}]",
                         rtol=1e-5, atol=1e-6, misconception=weights_misconception(weights, state, x, y, shares, rank))
            if weights[name].requires_grad:
                fail(f"{here}: weights[{name!r}]", "requires_grad", "False: a plain tensor, as state_dict() gives it",
                     f"True ({type(weights[name]).__name__})", "return ddp.module.state_dict() (or {name: "
                     "p.detach().clone()}): named_parameters() gives the nn.Parameter objects, which require grad")
        check_equal(answer["joined"], True, call=here, what="init_process_group called (joined the process group)",
                    misconception="step 1: join the process group, then let DistributedDataParallel average the "
                                  "gradients across the ranks: " + STEP)
        check_equal(answer["process_group"], False, call=here, what="process group still initialized after ddp_step() returned",
                    misconception="end with torch.distributed.destroy_process_group(), in a finally so that an "
                                  "error does not leave the group behind either")
    written = {rank: sorted(p.name for p in folder.iterdir()) for rank, folder in enumerate(folders)}
    check_equal(written[1], [], call=call, what="files rank 1 wrote into its folder rank1/",
                misconception="every rank holds the same weights: only rank 0 saves (if rank == 0: torch.save(...))")
    check_equal(written[0], ["checkpoint.pt"], call=call, what="files rank 0 wrote into its folder rank0/",
                misconception="rank 0 saves to checkpoint_path exactly as given")
    saved_call = f"torch.load('rank0/checkpoint.pt', weights_only=True) after {call}"
    try:
        saved = torch.load(folders[0] / "checkpoint.pt", weights_only=True)
    except Exception as error:  # noqa: BLE001 - a file of the wrong kind is the learner's to fix
        fail(saved_call, "file", "the Linear's state_dict (tensors only)", error_line(error, None),
             "torch.save(ddp.module.state_dict(), checkpoint_path): the weights, not the model object")
    if not isinstance(saved, dict):
        fail(saved_call, "file content", "a dict {'weight': tensor, 'bias': tensor}", describe(saved),
             "torch.save(ddp.module.state_dict(), checkpoint_path)")
    check_equal(sorted(saved), ["bias", "weight"], call=saved_call, what="names in the file",
                misconception="save ddp.module.state_dict(): ddp.state_dict() prefixes every name with 'module.'")
    for name in ("weight", "bias"):
        check_tensor(saved[name], expected[name], framework="torch", call=f"{saved_call}: [{name!r}]", rtol=1e-5,
                     atol=1e-6, misconception="save after optimizer.step(): the checkpoint holds the new weights"
                     if same(saved, state) else "torch.save(ddp.module.state_dict(), checkpoint_path) after the step")
