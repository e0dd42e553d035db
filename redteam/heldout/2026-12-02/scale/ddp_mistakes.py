"""Blind red team: wrong answers for kata scale/ddp."""
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DistributedSampler

from katas._support.mistakes import mistake


# --------------------------------------------------------------------------- shard


@mistake("built the sampler but forgot set_epoch(epoch), so every epoch gets the epoch-0 shuffle",
         replaces="shard")
def shard_ignores_epoch(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=seed)
    return list(sampler)


@mistake("wrote the sampler by hand with torch.randperm and returned list(tensor): a list of 0-dim "
         "tensors, not Python ints", replaces="shard")
def shard_list_of_tensors(num_samples, rank, world_size, epoch, seed):
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(num_samples, generator=g)
    per_rank = -(-num_samples // world_size)
    total = per_rank * world_size
    if total > num_samples:
        indices = torch.cat([indices, indices[: total - num_samples]])
    return list(indices[rank:total:world_size])


@mistake("forgot to pass seed=seed to the sampler, so it always shuffles with its default seed 0",
         replaces="shard")
def shard_ignores_seed(num_samples, rank, world_size, epoch, seed):
    sampler = DistributedSampler(range(num_samples), num_replicas=world_size, rank=rank, shuffle=True)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


# --------------------------------------------------------------------------- ddp_step


@mistake("every rank trains on the whole batch instead of its share (the weights still come out "
         "right, but the loss is not this rank's loss on its share)", replaces="ddp_step")
def ddp_step_whole_batch(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
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
        return loss.item(), dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("split the batch into contiguous slices x[rank*n:(rank+1)*n] instead of the rows shard() "
         "gives", replaces="ddp_step")
def ddp_step_contiguous_slices(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        n = len(x) // world_size
        x_share, y_share = x[rank * n:(rank + 1) * n], y[rank * n:(rank + 1) * n]
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x_share), y_share)
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("averaged the gradients by hand with all_reduce but forgot to divide by world_size "
         "(all_reduce sums)", replaces="ddp_step")
def ddp_step_all_reduce_sum(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        loss = nn.functional.mse_loss(model(x[idx]), y[idx])
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                dist.all_reduce(p.grad, op=dist.ReduceOp.SUM)
                p -= lr * p.grad
        if rank == 0:
            torch.save(model.state_dict(), checkpoint_path)
        return loss.item(), model.state_dict()
    finally:
        dist.destroy_process_group()


@mistake("used reduction='sum' in mse_loss (thought DDP would take care of the averaging)",
         replaces="ddp_step")
def ddp_step_sum_loss(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx], reduction="sum")
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("saved the DDP wrapper's state_dict, so the checkpoint keys are 'module.weight' and "
         "'module.bias'", replaces="ddp_step")
def ddp_step_saves_wrapper_keys(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.state_dict(), checkpoint_path)
        return loss.item(), dict(model.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("every rank saves the checkpoint (forgot the `if rank == 0`)", replaces="ddp_step")
def ddp_step_every_rank_saves(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("returned the loss measured after the optimizer step (recomputed it for logging)",
         replaces="ddp_step")
def ddp_step_loss_after_step(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        nn.functional.mse_loss(ddp_model(x[idx]), y[idx]).backward()
        optimizer.step()
        with torch.no_grad():
            loss = nn.functional.mse_loss(model(x[idx]), y[idx]).item()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss, dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("returned dict(named_parameters()): nn.Parameter objects that require grad",
         replaces="ddp_step")
def ddp_step_returns_parameters(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        model = nn.Linear(in_features, out_features)
        model.load_state_dict(state)
        ddp_model = DistributedDataParallel(model)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(model.named_parameters())
    finally:
        dist.destroy_process_group()


@mistake("loaded state on rank 0 only, but after wrapping in DDP, so the broadcast had already "
         "happened and the other ranks keep their random init", replaces="ddp_step")
def ddp_step_loads_after_wrap(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    try:
        out_features, in_features = state["weight"].shape
        ddp_model = DistributedDataParallel(nn.Linear(in_features, out_features))
        if rank == 0:
            ddp_model.module.load_state_dict(state)
        sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                     shuffle=True, seed=0)
        sampler.set_epoch(0)
        idx = list(sampler)
        optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        if rank == 0:
            torch.save(ddp_model.module.state_dict(), checkpoint_path)
        return loss.item(), dict(ddp_model.module.state_dict())
    finally:
        dist.destroy_process_group()


@mistake("no try/finally and no destroy_process_group(): the group is left initialized",
         replaces="ddp_step")
def ddp_step_no_destroy(rank, world_size, address, port, state, x, y, lr, checkpoint_path):
    dist.init_process_group("gloo", init_method=f"tcp://{address}:{port}", rank=rank,
                            world_size=world_size)
    out_features, in_features = state["weight"].shape
    model = nn.Linear(in_features, out_features)
    model.load_state_dict(state)
    ddp_model = DistributedDataParallel(model)
    sampler = DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank,
                                 shuffle=True, seed=0)
    sampler.set_epoch(0)
    idx = list(sampler)
    optimizer = torch.optim.SGD(ddp_model.parameters(), lr=lr)
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(ddp_model(x[idx]), y[idx])
    loss.backward()
    optimizer.step()
    if rank == 0:
        torch.save(ddp_model.module.state_dict(), checkpoint_path)
    return loss.item(), dict(ddp_model.module.state_dict())
