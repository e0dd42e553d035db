"""Blind red team: correct answers in other styles for kata loops/epochs."""
import torch
from torch import nn
from torch.utils.data import DataLoader

from katas._support.mistakes import alternative


@alternative("keeps (loss, batch size) pairs and weights them in a comprehension at the end", replaces="train_epoch")
def train_epoch_pairs(model, loader, optimizer, loss_fn):
    record = []
    for inputs, targets in loader:
        optimizer.zero_grad()
        prediction = model(inputs)
        loss = loss_fn(prediction, targets)
        loss.backward()
        optimizer.step()
        record.append((loss.item(), targets.shape[0]))
    served = sum(k for _, k in record)
    return sum(l * k for l, k in record) / served


@alternative("accumulates detached float64 tensors and converts once with float() at the end; "
             "zero_grad(set_to_none=False)", replaces="train_epoch")
def train_epoch_tensor_accumulator(model, loader, optimizer, loss_fn):
    total = torch.zeros((), dtype=torch.float64)
    count = 0
    for batch in loader:
        x, y = batch
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.detach().double() * x.size(0)
        count += x.size(0)
    return float(total / count)


@alternative("running (incremental) mean updated per batch, model.train() first", replaces="train_epoch")
def train_epoch_running_mean(model, loader, optimizer, loss_fn):
    model.train()
    mean, seen = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        b = len(y)
        seen += b
        mean += (loss.item() - mean) * b / seen
    return mean


@alternative("concatenates all predictions under no_grad and calls loss_fn once on everything",
             replaces="evaluate")
def evaluate_one_big_batch(model, loader, loss_fn):
    with torch.no_grad():
        preds, targets = [], []
        for x, y in loader:
            preds.append(model(x))
            targets.append(y)
        return loss_fn(torch.cat(preds), torch.cat(targets)).item()


@alternative("torch.no_grad() used as a decorator on an inner helper, sum with a generator", replaces="evaluate")
def evaluate_decorated(model, loader, loss_fn):
    @torch.no_grad()
    def batch_terms():
        return [(loss_fn(model(x), y).item() * len(x), len(x)) for x, y in loader]

    terms = batch_terms()
    return sum(t for t, _ in terms) / sum(k for _, k in terms)


@alternative("running mean with float64 tensor accumulation inside one with-block", replaces="evaluate")
def evaluate_tensor_sum(model, loader, loss_fn):
    total = torch.tensor(0.0, dtype=torch.float64)
    n = 0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).double() * y.shape[0]
            n += y.shape[0]
    return total.item() / n
