"""Named mistakes of kata scale/ddp."""

import math
from datetime import timedelta

import numpy as np

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler

from katas._support.mistakes import mistake


@mistake("never calls set_epoch: every epoch deals out epoch 0's shuffle again", replaces="shard")
def no_set_epoch(num_samples, rank, world_size, epoch, seed):
    return list(DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank, shuffle=True, seed=seed))


def _step(rank, world_size, address, port, state, x, y, lr, checkpoint_path, *, whole_batch=False,
          every_rank_saves=False, destroy=True):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size,
                            timeout=timedelta(seconds=30))
    try:
        model = nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
        model.load_state_dict(state)
        ddp = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        share = list(range(len(x))) if whole_batch else list(sampler)
        optimizer = torch.optim.SGD(ddp.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp(x[share]), y[share])
        loss.backward()
        optimizer.step()
        if rank == 0 or every_rank_saves:
            torch.save(ddp.module.state_dict(), checkpoint_path)
        return loss.item(), {name: value.detach().clone() for name, value in ddp.module.state_dict().items()}
    finally:
        if destroy:
            dist.destroy_process_group()


@mistake("every rank saves the checkpoint, not rank 0 only", replaces="ddp_step")
def every_rank_saves(*args):
    return _step(*args, every_rank_saves=True)


@mistake("both ranks train on the whole batch (the new weights are right: the mean over the batch twice, "
         "averaged; but each rank does the whole epoch's work)", replaces="ddp_step")
def whole_batch_on_every_rank(*args):
    return _step(*args, whole_batch=True)


@mistake("never calls destroy_process_group()", replaces="ddp_step")
def process_group_left_behind(*args):
    return _step(*args, destroy=False)


# Written blind, from the stub alone (red team, 2026-12)
# ----------------------------------------------------------------------------------------------
# shard
# ----------------------------------------------------------------------------------------------



@mistake("called set_epoch after I had already iterated the sampler, so the epoch never counts",
         replaces="shard")
def shard_set_epoch_too_late(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    indices = [int(i) for i in sampler]
    sampler.set_epoch(epoch)
    return indices


@mistake("forgot to pass seed= to the sampler (the default 0 happens to match the example)",
         replaces="shard")
def shard_seed_ignored(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank, shuffle=True)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


@mistake("set shuffle=False because I wanted the same shares every time",
         replaces="shard")
def shard_no_shuffle(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=False, seed=seed)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


@mistake("used drop_last=True so no index is seen twice", replaces="shard")
def shard_drop_last(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed, drop_last=True)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


@mistake("sorted the share so it reads nicely; the sampler's order is lost", replaces="shard")
def shard_sorted(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    sampler.set_epoch(epoch)
    return sorted(int(i) for i in sampler)


@mistake("returned the sampler's iterator instead of a list", replaces="shard")
def shard_returns_iterator(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    sampler.set_epoch(epoch)
    return iter(sampler)


@mistake("returned a LongTensor of the indices instead of a list of Python ints", replaces="shard")
def shard_returns_tensor(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    sampler.set_epoch(epoch)
    return torch.tensor(list(sampler))


@mistake("went through numpy, so the list holds numpy int64s, not Python ints", replaces="shard")
def shard_numpy_ints(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    sampler.set_epoch(epoch)
    return list(np.asarray(list(sampler), dtype=np.int64))


@mistake("by hand: shuffled, padded, then gave each rank a contiguous block instead of every "
         "world_size-th index", replaces="shard")
def shard_contiguous_blocks(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=g).tolist()
    per_rank = math.ceil(num_samples / world_size)
    total = per_rank * world_size
    indices += (indices * math.ceil(total / len(indices)))[: total - len(indices)]
    return indices[rank * per_rank:(rank + 1) * per_rank]


@mistake("by hand: padded with the LAST indices of the shuffle instead of the first", replaces="shard")
def shard_pad_with_last(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=g).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    pad = total - len(indices)
    if pad:
        indices += (indices * math.ceil(pad / len(indices)))[-pad:]
    return indices[rank:total:world_size]


@mistake("by hand: padded with indices[:pad], which is too short when there are fewer samples than "
         "ranks (some ranks then get fewer than ceil(N / world_size) indices)", replaces="shard")
def shard_pad_once(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=g).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    indices += indices[: total - len(indices)]
    return indices[rank:len(indices):world_size]


@mistake("by hand: seeded the generator with the seed only, the epoch never enters the shuffle",
         replaces="shard")
def shard_hand_seed_only(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed)
    indices = torch.randperm(num_samples, generator=g).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    pad = total - len(indices)
    indices += (indices * math.ceil(pad / len(indices)))[:pad] if pad else []
    return indices[rank:total:world_size]


@mistake("by hand: per-rank count as num_samples // world_size + 1 (one too many when it divides)",
         replaces="shard")
def shard_hand_bad_ceil(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=g).tolist()
    total = (num_samples // world_size + 1) * world_size
    pad = total - len(indices)
    indices += (indices * math.ceil(pad / len(indices)))[:pad]
    return indices[rank:total:world_size]


@mistake("shuffled with numpy's generator seeded with seed + epoch instead of torch's randperm",
         replaces="shard")
def shard_numpy_shuffle(num_samples, rank, world_size, epoch, seed):
    rng = np.random.default_rng(seed + epoch)
    indices = [int(i) for i in rng.permutation(num_samples)]
    total = math.ceil(num_samples / world_size) * world_size
    pad = total - len(indices)
    indices += (indices * math.ceil(pad / len(indices)))[:pad] if pad else []
    return indices[rank:total:world_size]


@mistake("dealt range(N)[rank::world_size] first and shuffled each rank's share afterwards",
         replaces="shard")
def shard_deal_then_shuffle(num_samples, rank, world_size, epoch, seed):
    total = math.ceil(num_samples / world_size) * world_size
    indices = list(range(num_samples))
    indices += (indices * math.ceil(total / num_samples))[: total - num_samples]
    mine = indices[rank:total:world_size]
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    return [mine[i] for i in torch.randperm(len(mine), generator=g).tolist()]


_SAMPLERS = {}


@mistake("cached one sampler per (N, rank, world_size) to save work; the seed of the first call "
         "sticks", replaces="shard")
def shard_cached_sampler(num_samples, rank, world_size, epoch, seed):
    key = (num_samples, rank, world_size)
    if key not in _SAMPLERS:
        _SAMPLERS[key] = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                            shuffle=True, seed=seed)
    sampler = _SAMPLERS[key]
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


@mistake("counted epochs from 1, so set_epoch(epoch + 1)", replaces="shard")
def shard_epoch_off_by_one(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    sampler.set_epoch(epoch + 1)
    return [int(i) for i in sampler]


# ----------------------------------------------------------------------------------------------
# ddp_step
# ----------------------------------------------------------------------------------------------

def _join(rank, world_size, address, port):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)


def _linear(state):
    out_features, in_features = state["weight"].shape
    model = nn.Linear(in_features, out_features)
    model.load_state_dict(state)
    return model


def _my_share(n, rank, world_size):
    sampler = DistributedSampler(range(n), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
    sampler.set_epoch(0)
    return [int(i) for i in sampler]


def _weights(module):
    return {k: v.detach().clone() for k, v in module.state_dict().items()}




@mistake("split the batch into contiguous halves x[rank*n:(rank+1)*n] instead of the shard() indices",
         replaces="ddp_step")
def ddp_contiguous_split(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        n = x.shape[0] // world_size
        xs, ys = x[rank * n:(rank + 1) * n], y[rank * n:(rank + 1) * n]
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(xs), ys)
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("seeded the shard with the rank so the ranks 'see different data' (shares overlap)",
         replaces="ddp_step")
def ddp_shard_seed_rank(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        sampler = DistributedSampler(range(x.shape[0]), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=rank)
        idx = list(sampler)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("used reduction='sum' in the loss", replaces="ddp_step")
def ddp_sum_loss(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx], reduction="sum")
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("divided the loss by world_size because I thought DDP sums the gradients", replaces="ddp_step")
def ddp_loss_over_world(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        (loss / world_size).backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("scaled the learning rate by world_size (the 'linear scaling rule')", replaces="ddp_step")
def ddp_scaled_lr(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr * world_size)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("forgot to wrap in DistributedDataParallel: each rank steps on its own gradients and the "
         "copies drift apart", replaces="ddp_step")
def ddp_no_wrap(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        model = _linear(state)
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(model.state_dict(), checkpoint_path)
        return loss.item(), _weights(model)
    finally:
        dist.destroy_process_group()


@mistake("wrapped in DDP and ALSO all_reduced the gradients myself (SUM), so they are averaged then "
         "summed again", replaces="ddp_step")
def ddp_double_allreduce(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        for p in ddp_model.parameters():
            dist.all_reduce(p.grad, op=dist.ReduceOp.SUM)
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("forgot load_state_dict: the Linear keeps its random init (DDP broadcasts rank 0's random "
         "weights, so the ranks agree, but not with state)", replaces="ddp_step")
def ddp_state_not_loaded(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        out_features, in_features = state["weight"].shape
        ddp_model = DistributedDataParallel(nn.Linear(in_features, out_features))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("read the weight shape as (in_features, out_features): only works for square layers",
         replaces="ddp_step")
def ddp_swapped_features(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        in_features, out_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("returned the loss recomputed after the step instead of the loss before it",
         replaces="ddp_step")
def ddp_loss_after_step(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        nn.functional.mse_loss(ddp_model(x[idx]), y[idx]).backward()
        opt.step()
        with torch.no_grad():
            loss = nn.functional.mse_loss(ddp_model.module(x[idx]), y[idx])
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("all_reduced the loss so every rank reports the batch-average loss, not its own share's",
         replaces="ddp_step")
def ddp_averaged_loss(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        reported = loss.detach().clone()
        dist.all_reduce(reported, op=dist.ReduceOp.SUM)
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return reported.item() / world_size, _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("returned the loss tensor itself instead of a Python float", replaces="ddp_step")
def ddp_loss_tensor(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.detach(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("saved ddp_model.state_dict(), so the checkpoint's keys are 'module.weight'/'module.bias'",
         replaces="ddp_step")
def ddp_saves_wrapper_keys(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("returned ddp_model.state_dict() as the weights ('module.weight' keys)", replaces="ddp_step")
def ddp_returns_wrapper_keys(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in ddp_model.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("torch.save'd the whole module, which torch.load(weights_only=True) refuses",
         replaces="ddp_step")
def ddp_saves_module(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module, checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()




@mistake("the last rank (world_size - 1) writes the checkpoint instead of rank 0", replaces="ddp_step")
def ddp_last_rank_saves(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == world_size - 1:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("rank 0 saves the checkpoint before the optimizer step (old weights on disk)",
         replaces="ddp_step")
def ddp_saves_before_step(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        opt.step()
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("took the weights snapshot before calling opt.step()", replaces="ddp_step")
def ddp_weights_before_step(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        weights = _weights(ddp_model.module)
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), weights
    finally:
        dist.destroy_process_group()




@mistake("ran the model in float64 for precision, so the returned weights are float64",
         replaces="ddp_step")
def ddp_float64(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state).double())
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx].double()), y[idx].double())
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("added weight_decay to the SGD optimizer", replaces="ddp_step")
def ddp_weight_decay(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr, weight_decay=1e-2)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


@mistake("used the shard of epoch 1 (the 'first' epoch) instead of epoch=0", replaces="ddp_step")
def ddp_shard_epoch_one(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        sampler = DistributedSampler(range(x.shape[0]), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(1)
        idx = list(sampler)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), _weights(ddp_model.module)
    finally:
        dist.destroy_process_group()


# Added while merging the red team's answers: a rule their notes found unstated (now in the docstring)
@mistake("returns dict(named_parameters()): the nn.Parameter objects, which still require grad",
         replaces="ddp_step")
def ddp_returns_parameters(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    _join(rank, world_size, address, port)
    try:
        ddp_model = DistributedDataParallel(_linear(state))
        idx = _my_share(x.shape[0], rank, world_size)
        opt = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        opt.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(ddp_model.module.named_parameters())
    finally:
        dist.destroy_process_group()


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("never joined a process group: took the whole batch's step locally and reported its own share's loss",
         replaces="ddp_step")
def never_joined(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    model = nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
    model.load_state_dict(state)
    share = list(DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0))
    with torch.no_grad():
        loss = nn.functional.mse_loss(model(x[share]), y[share]).item()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    if rank == 0:
        torch.save(model.state_dict(), checkpoint_path)
    return loss, {name: value.detach().clone() for name, value in model.state_dict().items()}
