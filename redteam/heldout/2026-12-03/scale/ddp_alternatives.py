"""Blind red team: correct answers in other styles for kata scale/ddp."""
import math
import os

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from katas._support.mistakes import alternative


# ---------------------------------------------------------------- shard


@alternative("DistributedSampler's algorithm written out by hand: a generator seeded with "
             "seed + epoch, randperm, padding with the first indices repeated, then every "
             "world_size-th index from rank", replaces="shard")
def sampler_by_hand(num_samples, rank, world_size, epoch, seed):
    generator = torch.Generator()
    generator.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=generator).tolist()
    per_rank = math.ceil(num_samples / world_size)
    total = per_rank * world_size
    padding = total - num_samples
    if padding <= len(indices):
        indices += indices[:padding]
    else:
        indices += (indices * math.ceil(padding / len(indices)))[:padding]
    return indices[rank:total:world_size]


@alternative("the sampler over a list dataset, positional num_replicas/rank, list(iter(...)) "
             "after set_epoch", replaces="shard")
def sampler_positional(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(list(range(num_samples)), world_size, rank, True, seed)
    sampler.set_epoch(epoch)
    return list(iter(sampler))


# ---------------------------------------------------------------- ddp_step


@alternative("init_method='env://' with MASTER_ADDR/MASTER_PORT; state loaded on rank 0 only "
             "(DDP's constructor broadcasts it); the share as the one batch of a DataLoader "
             "over a DistributedSampler (one batch = the share); weights returned as "
             "detached clones of .weight/.bias", replaces="ddp_step")
def env_init_rank0_load_dataloader(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    os.environ["MASTER_ADDR"] = str(address)
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group(backend="gloo", init_method="env://", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        if dist.get_rank() == 0:
            model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(TensorDataset(x, y), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        loader = DataLoader(TensorDataset(x, y), batch_size=len(x) // world_size, sampler=sampler)
        x_share, y_share = next(iter(loader))
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x_share), y_share)
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(model.state_dict(), str(checkpoint_path))
        weights = {"weight": model.weight.detach().clone(), "bias": model.bias.detach().clone()}
        return float(loss), weights
    finally:
        dist.destroy_process_group()


@alternative("no DDP and no optimizer: all_reduce each .grad, divide by world_size, and write "
             "the SGD update by hand under no_grad; shares by index_select", replaces="ddp_step")
def manual_all_reduce_and_update(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        weight = state["weight"]
        model = nn.Linear(weight.shape[1], weight.shape[0])
        model.load_state_dict(state)
        sampler = DistributedSampler(range(x.shape[0]), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(0)
        index = torch.tensor(list(sampler), dtype=torch.long)
        x_share = x.index_select(0, index)
        y_share = y.index_select(0, index)
        loss = nn.functional.mse_loss(model(x_share), y_share)
        loss.backward()
        with torch.no_grad():
            for param in model.parameters():
                dist.all_reduce(param.grad, op=dist.ReduceOp.SUM)
                param.grad /= world_size
                param -= lr * param.grad
        if rank == 0:
            torch.save(model.state_dict(), checkpoint_path)
        return loss.item(), model.state_dict()
    finally:
        dist.destroy_process_group()
