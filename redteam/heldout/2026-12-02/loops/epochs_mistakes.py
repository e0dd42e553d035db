"""Blind red team: wrong answers for kata loops/epochs."""
import torch
from torch import nn
from torch.utils.data import DataLoader

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- train_epoch


@mistake("averaged the batch losses, forgetting the short last batch counts less", replaces="train_epoch")
def plain_mean_of_batch_losses(model, loader, optimizer, loss_fn):
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)


@mistake("divided by len(loader.dataset), so samples dropped by drop_last still count", replaces="train_epoch")
def divides_by_dataset_length(model, loader, optimizer, loss_fn):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
    return total / len(loader.dataset)


@mistake("zeroed the gradients at the end of each batch, so stale .grad left before the call counts in the first step",
         replaces="train_epoch")
def zero_grad_after_step(model, loader, optimizer, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        total += loss.item() * len(x)
        n += len(x)
    return total / n


@mistake("forgot zero_grad, gradients pile up across batches", replaces="train_epoch")
def no_zero_grad(model, loader, optimizer, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        n += len(x)
    return total / n


@mistake("called loss_fn(y, prediction), target first", replaces="train_epoch")
def target_first_loss(model, loader, optimizer, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(y, model(x))
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        n += len(x)
    return total / n


@mistake("accumulated the loss tensors and returned the tensor, not a float", replaces="train_epoch")
def returns_loss_tensor(model, loader, optimizer, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total = total + loss.detach() * len(x)
        n += len(x)
    return total / n


@mistake("stepped the optimizer once after the loop instead of once per batch", replaces="train_epoch")
def step_once_after_loop(model, loader, optimizer, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        total += loss.item() * len(x)
        n += len(x)
    optimizer.step()
    return total / n


@mistake("trained the epoch, then reported the loss of a fresh pass with the updated model", replaces="train_epoch")
def reports_loss_after_training(model, loader, optimizer, loss_fn):
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    total, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * len(x)
            n += len(x)
    return total / n


# ---------------------------------------------------------------- evaluate


@mistake("evaluate averages the batch losses, over-weighting the short last batch", replaces="evaluate")
def evaluate_plain_mean(model, loader, loss_fn):
    losses = []
    with torch.no_grad():
        for x, y in loader:
            losses.append(loss_fn(model(x), y).item())
    return sum(losses) / len(losses)


@mistake("evaluate skips no_grad, thinking .item() is enough not to record a graph", replaces="evaluate")
def evaluate_without_no_grad(model, loader, loss_fn):
    total, n = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        total += loss.item() * len(x)
        n += len(x)
    return total / n


@mistake("turned recording off with torch.set_grad_enabled(False) and never turned it back on", replaces="evaluate")
def evaluate_grad_left_disabled(model, loader, loss_fn):
    torch.set_grad_enabled(False)
    total, n = 0.0, 0
    for x, y in loader:
        total += loss_fn(model(x), y).item() * len(x)
        n += len(x)
    return total / n


@mistake("evaluate starts with model.zero_grad() out of habit, wiping the caller's .grad", replaces="evaluate")
def evaluate_zeroes_grads(model, loader, loss_fn):
    model.zero_grad()
    total, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * len(x)
            n += len(x)
    return total / n


@mistake("divided by len(loader) * batch_size, as if every batch were full", replaces="evaluate")
def evaluate_assumes_full_batches(model, loader, loss_fn):
    total = 0.0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * len(x)
    return total / (len(loader) * loader.batch_size)
