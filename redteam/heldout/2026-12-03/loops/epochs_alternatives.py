"""Blind red team: correct answers in other styles for kata loops/epochs."""
import torch
from katas._support.mistakes import alternative


@alternative(
    "keeps (loss, batch size) pairs in a list and divides the weighted sum by the summed sizes "
    "at the end; zero_grad(set_to_none=False) and y.shape[0] for the batch size",
    replaces="train_epoch",
)
def train_epoch_pairs(model, loader, optimizer, loss_fn):
    seen = []
    for inputs, targets in loader:
        optimizer.zero_grad(set_to_none=False)
        prediction = model(inputs)
        loss = loss_fn(prediction, targets)
        loss.backward()
        optimizer.step()
        seen.append((loss.item(), targets.shape[0]))
    weighted = sum(value * size for value, size in seen)
    samples = sum(size for _, size in seen)
    return weighted / samples


@alternative(
    "accumulates the weighted losses in a float64 tensor (detached) and converts with float() "
    "once at the end",
    replaces="train_epoch",
)
def train_epoch_tensor_accumulator(model, loader, optimizer, loss_fn):
    total = torch.zeros((), dtype=torch.float64)
    samples = 0
    for batch in loader:
        x, y = batch
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.detach().to(torch.float64) * len(x)
        samples += len(x)
    return float(total / samples)


@alternative(
    "collects every prediction and target under no_grad, concatenates them and calls loss_fn "
    "once on all the served samples (the docstring says the two are equal)",
    replaces="evaluate",
)
def evaluate_one_big_batch(model, loader, loss_fn):
    predictions, targets = [], []
    with torch.no_grad():
        for x, y in loader:
            predictions.append(model(x))
            targets.append(y)
        loss = loss_fn(torch.cat(predictions), torch.cat(targets))
    return float(loss)


@alternative(
    "uses `with torch.set_grad_enabled(False):` (a context manager, restored on exit) instead "
    "of torch.no_grad(), and a running sum with y.size(0)",
    replaces="evaluate",
)
def evaluate_set_grad_enabled_context(model, loader, loss_fn):
    total = 0.0
    samples = 0
    with torch.set_grad_enabled(False):
        for x, y in loader:
            batch = y.size(0)
            total += loss_fn(model(x), y).item() * batch
            samples += batch
    return total / samples
