"""Named mistakes of kata loops/epochs."""

import torch

from katas._support.mistakes import mistake


@mistake("averaged the batch means: a short last batch counts as much as a full one", replaces="evaluate")
def mean_of_batch_means(model, loader, loss_fn):
    with torch.no_grad():
        losses = [loss_fn(model(x), y).item() for x, y in loader]
    return sum(losses) / len(losses)


@mistake("summed the batch losses instead of averaging", replaces="train_epoch")
def summed(model, loader, optimizer, loss_fn):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total


@mistake("measured the loss after the step, on a second forward pass", replaces="train_epoch")
def loss_after_step(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()
        with torch.no_grad():
            total += loss_fn(model(x), y).item() * len(x)
        count += len(x)
    return total / count
