"""Blind red team: wrong answers for kata scale/ddp."""
import math

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DistributedSampler

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- shard


@mistake("I gave each rank a contiguous block of the shuffled order (rank r gets positions "
         "r*n .. r*n+n-1) instead of every world_size-th index starting at r, as the sampler deals them",
         replaces="shard")
def contiguous_blocks(num_samples, rank, world_size, epoch, seed):
    generator = torch.Generator()
    generator.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=generator).tolist()
    per_rank = math.ceil(num_samples / world_size)
    total = per_rank * world_size
    indices += (indices * math.ceil(total / num_samples))[:total - num_samples]
    return indices[rank * per_rank:(rank + 1) * per_rank]


@mistake("I forgot sampler.set_epoch(epoch): every epoch gets epoch 0's shuffle",
         replaces="shard")
def epoch_never_set(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    return [int(i) for i in sampler]


@mistake("I passed drop_last=True so the shares never repeat an index: with num_samples not a "
         "multiple of world_size each rank gets floor(n / world_size) indices, not the ceiling",
         replaces="shard")
def tail_dropped(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed, drop_last=True)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


@mistake("re-implemented by hand, I padded the shuffled order with its LAST indices instead of "
         "its first ones", replaces="shard")
def padded_with_the_tail(num_samples, rank, world_size, epoch, seed):
    generator = torch.Generator()
    generator.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=generator).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    padding = total - num_samples
    while len(indices) < total:
        indices += indices[num_samples - min(padding, num_samples):num_samples][:total - len(indices)]
    return indices[rank:total:world_size]


@mistake("re-implemented by hand, I padded once with indices[:padding]: when there are fewer "
         "indices than padding (e.g. 1 sample on 3 ranks) the list stays too short and some rank "
         "gets fewer indices", replaces="shard")
def padded_only_once(num_samples, rank, world_size, epoch, seed):
    generator = torch.Generator()
    generator.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=generator).tolist()
    total = math.ceil(num_samples / world_size) * world_size
    indices += indices[:total - num_samples]
    return indices[rank:total:world_size]


# ---------------------------------------------------------------- ddp_step


@mistake("every rank trains on the WHOLE batch (I thought DDP splits it for me): the weights "
         "come out right, but the returned loss is the whole batch's, not this rank's share's",
         replaces="ddp_step")
def whole_batch_on_every_rank(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x), y)
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in ddp_model.module.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("I gave each rank a contiguous slice x[rank*n:(rank+1)*n] instead of the shard() "
         "indices: the averaged step is the same, but each rank's loss is on the wrong rows",
         replaces="ddp_step")
def contiguous_slices(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        per_rank = len(x) // world_size
        x_share = x[rank * per_rank:(rank + 1) * per_rank]
        y_share = y[rank * per_rank:(rank + 1) * per_rank]
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x_share), y_share)
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in ddp_model.module.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("every rank saves the checkpoint (they all hold the same weights, so why not): the "
         "other ranks write a file too", replaces="ddp_step")
def every_rank_saves(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(0)
        indices = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[indices]), y[indices])
        loss.backward()
        optimizer.step()
        torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in ddp_model.module.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("rank 0 saved ddp_model.state_dict() (the wrapper's): the keys come out as "
         "'module.weight' and 'module.bias'", replaces="ddp_step")
def wrapper_keys_saved(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(0)
        indices = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[indices]), y[indices])
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in model.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("no try/finally and no destroy_process_group(): the process group is still "
         "initialised when the function returns", replaces="ddp_step")
def group_left_open(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    out_features, in_features = state["weight"].shape
    model = nn.Linear(in_features, out_features)
    model.load_state_dict(state)
    ddp_model = DistributedDataParallel(model)
    sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
    sampler.set_epoch(0)
    indices = list(sampler)
    optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(ddp_model(x[indices]), y[indices])
    loss.backward()
    optimizer.step()
    if rank == 0:
        torch.save(ddp_model.module.state_dict(), checkpoint_path)
    return loss.item(), {k: v.detach().clone() for k, v in ddp_model.module.state_dict().items()}


@mistake("averaging by hand, I all_reduce'd each .grad (a SUM) but forgot to divide by "
         "world_size: the step is world_size times too large", replaces="ddp_step")
def gradients_summed_not_averaged(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(0)
        indices = list(sampler)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x[indices]), y[indices])
        loss.backward()
        for param in model.parameters():
            dist.all_reduce(param.grad)
        optimizer.step()
        if rank == 0:
            torch.save(model.state_dict(), checkpoint_path)
        return loss.item(), {k: v.detach().clone() for k, v in model.state_dict().items()}
    finally:
        dist.destroy_process_group()


@mistake("rank 0 saves the checkpoint right after wrapping the model, before the optimizer "
         "step: the file holds the old weights", replaces="ddp_step")
def checkpoint_before_the_step(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank, world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank, shuffle=True, seed=0)
        sampler.set_epoch(0)
        indices = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[indices]), y[indices])
        loss.backward()
        optimizer.step()
        return loss.item(), {k: v.detach().clone() for k, v in ddp_model.module.state_dict().items()}
    finally:
        dist.destroy_process_group()
