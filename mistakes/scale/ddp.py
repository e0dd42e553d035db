"""Named mistakes of kata scale/ddp."""

from datetime import timedelta

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
