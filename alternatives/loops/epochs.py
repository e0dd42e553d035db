"""Correct alternatives of kata loops/epochs: other styles the tests must accept."""
import math

import torch

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- train_epoch

@alternative("loss * batch size accumulated as a detached tensor, y.size(0) as the count, float() at the end",
             replaces="train_epoch")
def train_epoch_tensor_accumulator(model, loader, optimizer, loss_fn):
    total = torch.zeros((), dtype=torch.float64)
    seen = 0
    for features, targets in loader:
        optimizer.zero_grad()
        prediction = model(features)
        loss = loss_fn(prediction, targets)
        loss.backward()
        optimizer.step()
        total += loss.detach().double() * targets.size(0)
        seen += targets.size(0)
    return float(total / seen)


@alternative("(loss, n) pairs collected in a list, then a weighted average with math.fsum", replaces="train_epoch")
def train_epoch_pairs_fsum(model, loader, optimizer, loss_fn):
    records = []
    for batch in loader:
        x, y = batch
        model.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        records.append((loss.item(), x.shape[0]))
    return math.fsum(value * n for value, n in records) / sum(n for _, n in records)


@alternative("running mean updated batch by batch: mean += (loss - mean) * n / seen", replaces="train_epoch")
def train_epoch_running_mean(model, loader, optimizer, loss_fn):
    mean, seen = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        n = len(x)
        seen += n
        mean += (loss.item() - mean) * n / seen
    return mean


# ---------------------------------------------------------------- evaluate

@alternative("all predictions and targets concatenated, one loss_fn call on the whole dataset",
             replaces="evaluate")
def evaluate_concatenated(model, loader, loss_fn):
    with torch.no_grad():
        predictions, targets = [], []
        for x, y in loader:
            predictions.append(model(x))
            targets.append(y)
        return loss_fn(torch.cat(predictions), torch.cat(targets)).item()


@alternative("inner helper decorated with @torch.no_grad(), weighted sum in a generator expression",
             replaces="evaluate")
def evaluate_decorated(model, loader, loss_fn):
    @torch.no_grad()
    def batch_total(x, y):
        return loss_fn(model(x), y).item() * len(x)

    totals, counts = zip(*((batch_total(x, y), len(x)) for x, y in loader))
    return sum(totals) / sum(counts)


@alternative("torch.inference_mode() instead of torch.no_grad() (records no graph either)", replaces="evaluate")
def evaluate_inference_mode(model, loader, loss_fn):
    total, count = 0.0, 0
    with torch.inference_mode():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * x.shape[0]
            count += x.shape[0]
    return total / count


@alternative("torch.set_grad_enabled(False) as a context manager, running sum of float64 losses",
             replaces="evaluate")
def evaluate_set_grad_enabled(model, loader, loss_fn):
    total = 0.0
    count = 0
    with torch.set_grad_enabled(False):
        for x, y in loader:
            batch_loss = loss_fn(model(x), y).double()
            total += float(batch_loss) * len(y)
            count += len(y)
    return total / count
