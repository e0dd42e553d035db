"""Correct alternatives of kata scale/ddp: other styles the tests must accept."""

import copy
import io
import itertools
import math
import os
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)
# ----------------------------------------------------------------------------------------------
# shard
# ----------------------------------------------------------------------------------------------

@alternative("re-implements the sampler by hand: torch.Generator seeded with seed + epoch, randperm, "
             "pad with the first indices (repeated if needed), then every world_size-th from rank",
             replaces="shard")
def shard_by_hand(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    order = torch.randperm(num_samples, generator=g).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    padded = list(itertools.islice(itertools.cycle(order), total))
    return padded[rank:total:world_size]


@alternative("sampler over a tensor dataset, unpacked with [*sampler] and map(int)", replaces="shard")
def shard_tensor_dataset(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(torch.zeros(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed, drop_last=False)
    sampler.set_epoch(epoch)
    return list(map(int, [*sampler]))


@alternative("keyword-free DistributedSampler over a list of Nones, indices collected in a loop",
             replaces="shard")
def shard_loop(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler([None] * num_samples, world_size, rank, True, seed)
    sampler.set_epoch(epoch)
    out = []
    for i in sampler:
        out.append(int(i))
    return out


# ----------------------------------------------------------------------------------------------
# ddp_step
# ----------------------------------------------------------------------------------------------

def _shard(n, rank, world_size):
    sampler = DistributedSampler(range(n), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
    sampler.set_epoch(0)
    return [int(i) for i in sampler]


@alternative("DataLoader over a TensorDataset with the DistributedSampler and batch_size = the share, "
             "optimizer built on the Linear before wrapping, loss written as ((p - y) ** 2).mean(), "
             "float(loss)", replaces="ddp_step")
def ddp_dataloader(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        linear = nn.Linear(state["weight"].size(1), state["weight"].size(0))
        linear.load_state_dict(state)
        optimizer = torch.optim.SGD(linear.parameters(), lr=lr, momentum=0.0)
        model = DDP(linear)
        sampler = DistributedSampler(TensorDataset(x, y), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        loader = DataLoader(TensorDataset(x, y), batch_size=x.shape[0] // world_size,
                            sampler=sampler)
        (xb, yb), = list(loader)
        optimizer.zero_grad(set_to_none=True)
        loss = ((model(xb) - yb) ** 2).mean()
        loss.backward()
        optimizer.step()
        if rank == 0:
            with open(checkpoint_path, "wb") as f:
                torch.save(linear.state_dict(), f)
        weights = copy.deepcopy(linear.state_dict())
        return float(loss), dict(weights)
    finally:
        dist.barrier()
        dist.destroy_process_group()


@alternative("index_select with a LongTensor of the share, named_parameters copied as the weights, "
             "checkpoint built as a plain dict, DDP options gradient_as_bucket_view/broadcast_buffers",
             replaces="ddp_step")
def ddp_index_select(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group(backend="gloo", init_method=f"tcp://{address}:{port}",
                            world_size=world_size, rank=rank)
    try:
        out_features, in_features = state["weight"].shape
        model = DDP(nn.Linear(in_features, out_features).requires_grad_(True),
                    gradient_as_bucket_view=True, broadcast_buffers=False)
        model.module.load_state_dict({k: v.clone() for k, v in state.items()})
        idx = torch.as_tensor(_shard(len(x), rank, world_size), dtype=torch.long)
        xs, ys = x.index_select(0, idx), y.index_select(0, idx)
        sgd = torch.optim.SGD(model.parameters(), lr)
        loss = F.mse_loss(model(xs), ys, reduction="mean")
        sgd.zero_grad()
        loss.backward()
        sgd.step()
        weights = {name: p.detach().clone() for name, p in model.module.named_parameters()}
        if rank == 0:
            torch.save({"weight": weights["weight"], "bias": weights["bias"]}, Path(checkpoint_path))
        return loss.item(), weights
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()


@alternative("loads state only on rank 0 and lets DDP's constructor broadcast rank 0's weights; "
             "boolean-mask-free fancy indexing with a list; checkpoint written through a BytesIO",
             replaces="ddp_step")
def ddp_broadcast_init(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        linear = nn.Linear(*reversed(state["weight"].shape))
        if rank == 0:
            linear.load_state_dict(state)
        ddp_model = DDP(linear)
        idx = _shard(x.size(0), rank, world_size)
        opt = torch.optim.SGD(params=ddp_model.parameters(), lr=lr)
        pred = ddp_model(x[idx])
        loss = nn.MSELoss()(pred, y[idx])
        loss.backward()
        opt.step()
        opt.zero_grad()
        if rank == 0:
            buf = io.BytesIO()
            torch.save(ddp_model.module.state_dict(), buf)
            Path(checkpoint_path).write_bytes(buf.getvalue())
        return loss.detach().item(), {k: v.detach().clone().to(torch.float32)
                                      for k, v in ddp_model.module.state_dict().items()}
    finally:
        dist.destroy_process_group()


@alternative("no DDP wrapper: all_reduce(SUM) of each gradient divided by world_size by hand, and the "
             "SGD update written by hand (the docstring allows it: the same numbers)", replaces="ddp_step")
def ddp_by_hand(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        model = nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
        model.load_state_dict(state)
        idx = _shard(len(x), rank, world_size)
        loss = F.mse_loss(model(x[idx]), y[idx])
        loss.backward()
        with torch.no_grad():
            for parameter in model.parameters():
                dist.all_reduce(parameter.grad, op=dist.ReduceOp.SUM)
                parameter -= lr * parameter.grad / world_size
        if rank == 0:
            torch.save(model.state_dict(), checkpoint_path)
        return loss.item(), {name: value.clone() for name, value in model.state_dict().items()}
    finally:
        dist.destroy_process_group()


@alternative("env:// rendezvous (MASTER_ADDR and MASTER_PORT set to address and port), SGD with momentum "
             "(the same first step), state loaded into parameters that share its memory", replaces="ddp_step")
def ddp_env_init(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    os.environ["MASTER_ADDR"], os.environ["MASTER_PORT"] = address, str(port)
    dist.init_process_group("gloo", init_method="env://", rank=rank, world_size=world_size)
    try:
        linear = nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
        linear.weight, linear.bias = nn.Parameter(state["weight"]), nn.Parameter(state["bias"])
        model = DDP(linear)
        idx = _shard(len(x), rank, world_size)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
        loss = F.mse_loss(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(linear.state_dict(), checkpoint_path)
        return loss.item(), linear.state_dict()
    finally:
        dist.destroy_process_group()
