"""Kata scale/ddp: data-parallel training with torch.distributed, on two processes.

Data parallelism runs one process per worker (a *rank*, numbered 0 to ``world_size - 1``), each
with a full copy of the model. Every rank joins one process group
(``torch.distributed.init_process_group``; the ``"gloo"`` backend works on CPUs, ``"nccl"`` needs
GPUs), all meeting at one address and port. Each rank trains on its own share of the data:
``DistributedSampler`` shuffles the indices the same way on every rank (the seed plus the epoch
set with ``set_epoch``) and deals them out, so the shares are disjoint and together make the
epoch. ``DistributedDataParallel`` wraps the model; during ``backward()`` it averages the
gradients over the ranks, so every rank takes the same optimizer step and the copies stay equal.
With a loss that is a mean over its samples and shares of equal size, that step is exactly the
step one process would take on the whole batch. All ranks hold the same weights, so one of them,
rank 0, writes the checkpoint; ``destroy_process_group()`` (in a ``finally``) ends the group.
"""

from pathlib import Path

import torch


def shard(num_samples: int, rank: int, world_size: int, epoch: int, seed: int) -> list[int]:
    """The dataset indices rank ``rank`` of ``world_size`` trains on in epoch ``epoch``: exactly
    what ``DistributedSampler`` yields for a dataset of ``num_samples`` items with
    ``num_replicas=world_size``, ``rank=rank``, ``shuffle=True``, ``seed=seed`` (other arguments at
    their defaults) after ``set_epoch(epoch)``, in that order, as a list of Python ints.

    Runs without a process group (pass ``num_replicas`` and ``rank`` to the sampler: without them
    it asks the process group). ``num_samples >= 1``, ``world_size >= 1``, ``0 <= rank < world_size``,
    ``epoch >= 0``, ``seed >= 0``.

    So every rank gets ``ceil(num_samples / world_size)`` indices; the ranks' shares are disjoint
    and together hold every index once, except that when ``num_samples`` is not a multiple of
    ``world_size`` the shuffled order is padded at its end with its own first indices (repeated
    as often as needed when there are fewer indices than padding), which so go to more than one
    rank. The same arguments give the same list; another epoch, another shuffle.

    >>> shard(10, 0, 3, epoch=0, seed=0), shard(10, 1, 3, epoch=0, seed=0), shard(10, 2, 3, epoch=0, seed=0)
    ([4, 5, 0, 2], [1, 3, 8, 4], [7, 9, 6, 1])
    """
    raise NotImplementedError("shard(): not implemented yet (kata scale/ddp)")


def ddp_step(rank: int, world_size: int, address: str, port: int, state: dict[str, torch.Tensor], x: torch.Tensor,
             y: torch.Tensor, lr: float, checkpoint_path: str | Path) -> tuple[float, dict[str, torch.Tensor]]:
    """One data-parallel SGD step, run by every rank at once, each in its own process (the test
    starts ``world_size`` processes and calls this in each, on the same arguments but ``rank`` and
    ``checkpoint_path``).

    1. Join the process group: ``init_process_group("gloo", init_method=f"tcp://{address}:{port}",
       rank=rank, world_size=world_size)`` (``init_method="env://"`` with ``MASTER_ADDR`` and
       ``MASTER_PORT`` set to ``address`` and ``port`` meets at the same place and is fine too).
    2. The model: ``nn.Linear(in_features, out_features)`` (sizes from ``state["weight"]``, of
       shape ``(out_features, in_features)``) loaded with ``state`` (``"weight"``, ``"bias"``,
       float32), wrapped in ``DistributedDataParallel``. Load ``state`` on every rank (the plain
       way), or on rank 0 only: DDP's constructor broadcasts rank 0's parameters to every rank, so
       both end with the same weights. Each rank gets its own copy of ``state`` (the test pickles
       the arguments), so whether your code changes its tensors in place is not checked
       (``load_state_dict`` copies them, and leaves them as they were).
    3. This rank's share of the batch: the rows of ``x`` (float32, ``(N, in_features)``) and ``y``
       (float32, ``(N, out_features)``) at the indices ``shard(N, rank, world_size, epoch=0,
       seed=0)`` gives (``N`` is a multiple of ``world_size``: the shares are disjoint, of equal
       size, and together the whole batch).
    4. One step of ``torch.optim.SGD(params, lr=lr)`` (plain SGD: new = old - lr * grad; no
       weight decay, no nesterov; momentum would not change this first step, so it is not
       checked) on the loss ``nn.functional.mse_loss(prediction, y_share)``: the mean over this
       rank's share, so the averaged gradients are the gradient of the mean over the whole batch,
       and the new weights equal those of one ordinary (single-process) SGD step on all of ``x``
       and ``y``. The test checks these numbers, not how you get them: averaging the gradients
       yourself (``dist.all_reduce`` of each ``.grad``, then ``/ world_size``) and writing the
       update by hand gives the same numbers and passes too; DDP and SGD are the short way.
    5. After the step, rank 0 only saves the weights: ``torch.save`` of the Linear's own
       ``state_dict()`` (``ddp_model.module``: keys ``"weight"`` and ``"bias"``, not
       ``"module.weight"``) to ``checkpoint_path`` (its folder exists), readable by
       ``torch.load(path, weights_only=True)``. The other ranks write no file (the test gives each
       rank a path in a folder of its own and checks that only rank 0's exists).
    6. Leave the process group destroyed when returning (``destroy_process_group()``).

    Returns ``(loss, weights)``: this rank's loss on its share before the step, as a Python
    float, and the Linear's weights after the step, ``{"weight": ..., "bias": ...}`` as float32
    tensors that do not require grad (as ``state_dict()`` gives them; not the ``nn.Parameter``
    objects of ``named_parameters()``), the same on every rank. Copying them (``.clone()``) is
    allowed, not needed: whether they share memory with the model is not checked.

    >>> loss, weights = ddp_step(0, 2, "127.0.0.1", 29500, torch.nn.Linear(3, 2).state_dict(),
    ...                          torch.randn(4, 3), torch.randn(4, 2), 0.1, "rank0/checkpoint.pt")
    >>> sorted(weights), torch.load("rank0/checkpoint.pt", weights_only=True)["bias"].shape
    (['bias', 'weight'], torch.Size([2]))
    """
    raise NotImplementedError("ddp_step(): not implemented yet (kata scale/ddp)")
