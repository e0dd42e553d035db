"""Blind red team: correct answers in other styles for kata scale/ddp."""
import os
from pathlib import Path

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from katas._support.mistakes import alternative


@alternative("DistributedSampler by hand: torch.Generator seeded with seed + epoch, randperm, pad "
             "with the first indices, take every world_size-th from rank", replaces="shard")
def shard_by_hand(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    order = torch.randperm(num_samples, generator=g).tolist()
    per_rank = (num_samples + world_size - 1) // world_size
    padding = per_rank * world_size - num_samples
    while padding > 0:  # padding can exceed num_samples when world_size > num_samples
        order += order[:padding]
        padding = per_rank * world_size - len(order)
    return order[rank::world_size][:per_rank]


@alternative("sampler over a list dataset, seed=seed + epoch instead of set_epoch (the sampler "
             "seeds its generator with seed + epoch), iterated in a comprehension", replaces="shard")
def shard_seed_plus_epoch(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler([None] * num_samples, num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed + epoch)
    return [index for index in sampler]


@alternative("env:// rendezvous, state loaded on rank 0 only before the DDP broadcast, share taken "
             "through a DataLoader over a DistributedSampler that asks the process group, "
             "state_dict returned without cloning", replaces="ddp_step")
def ddp_step_env_dataloader(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    os.environ["MASTER_ADDR"] = address
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group(backend="gloo", init_method="env://", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        if dist.get_rank() == 0:
            model.load_state_dict(state)
        ddp_model = DDP(model)  # broadcasts rank 0's parameters
        dataset = TensorDataset(x, y)
        sampler = DistributedSampler(dataset, shuffle=True, seed=0)
        sampler.set_epoch(0)
        loader = DataLoader(dataset, batch_size=len(dataset) // world_size, sampler=sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        x_share, y_share = next(iter(loader))
        optimizer.zero_grad()
        loss = nn.MSELoss()(ddp_model(x_share), y_share)
        loss.backward()
        optimizer.step()
        if dist.get_rank() == 0:
            torch.save(ddp_model.module.state_dict(), Path(checkpoint_path))
        return float(loss.detach()), ddp_model.module.state_dict()
    finally:
        dist.destroy_process_group()


@alternative("no DDP, no optimizer: all_reduce each .grad, divide by world_size, update by hand "
             "under no_grad; functional linear; weights returned as detached clones",
             replaces="ddp_step")
def ddp_step_manual_all_reduce(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        weight = state["weight"].detach().clone().float().requires_grad_(True)
        bias = state["bias"].detach().clone().float().requires_grad_(True)
        sampler = DistributedSampler(range(x.shape[0]), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = torch.tensor(list(sampler))
        x_share, y_share = x.index_select(0, idx), y.index_select(0, idx)
        loss = nn.functional.mse_loss(nn.functional.linear(x_share, weight, bias), y_share)
        loss.backward()
        with torch.no_grad():
            for p in (weight, bias):
                dist.all_reduce(p.grad, op=dist.ReduceOp.SUM)
                p.grad /= world_size
                p.sub_(lr * p.grad)
        weights = {"weight": weight.detach().clone(), "bias": bias.detach().clone()}
        if rank == 0:
            torch.save(weights, str(checkpoint_path))
        return loss.item(), weights
    finally:
        dist.destroy_process_group()


@alternative("DDP + SGD with momentum (not checked on a first step), plain list of indices, "
             "barrier before destroy, weights copied with a comprehension", replaces="ddp_step")
def ddp_step_momentum_barrier(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DDP(model)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr, momentum=0.9)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, seed=0)
        sampler.set_epoch(0)
        indices = list(sampler)
        prediction = ddp_model(x[indices])
        loss = nn.functional.mse_loss(prediction, y[indices])
        loss_value = loss.item()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        weights = {name: t.detach().clone() for name, t in ddp_model.module.state_dict().items()}
        if rank == 0:
            torch.save(weights, checkpoint_path)
        dist.barrier()
        return loss_value, weights
    finally:
        dist.destroy_process_group()
