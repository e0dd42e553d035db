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


@mistake("cleared the gradients at the end of each batch (after optimizer.step()) instead of first: gradients "
         "left in .grad by earlier code leak into the first batch's step", replaces="train_epoch")
def zero_grad_after_step(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        total += loss.item() * len(x)
        count += len(x)
    return total / count


# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- train_epoch

@mistake("averaged the batch losses plainly, so the short last batch counts as much as a full one",
         replaces="train_epoch")
def train_epoch_plain_mean(model, loader, optimizer, loss_fn):
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)


@mistake("divided by len(loader.dataset): wrong when drop_last skips samples that were never trained on",
         replaces="train_epoch")
def train_epoch_divides_by_dataset(model, loader, optimizer, loss_fn):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
    return total / len(loader.dataset)


@mistake("divided by batch_size * number of batches, as if the last batch were full", replaces="train_epoch")
def train_epoch_assumes_full_batches(model, loader, optimizer, loss_fn):
    total, batches = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        batches += 1
    return total / (loader.batch_size * batches)


@mistake("weighted by the batch's number of features (x.shape[-1]) instead of its number of samples",
         replaces="train_epoch")
def train_epoch_weights_by_last_dim(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * x.shape[-1]
        count += x.shape[-1]
    return total / count


@mistake("forgot optimizer.zero_grad(): gradients pile up from batch to batch", replaces="train_epoch")
def train_epoch_no_zero_grad(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        count += len(x)
    return total / count


@mistake("stepped only once at the end of the epoch (gradients of all batches summed)", replaces="train_epoch")
def train_epoch_one_step(model, loader, optimizer, loss_fn):
    optimizer.zero_grad()
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        total += loss.item() * len(x)
        count += len(x)
    optimizer.step()
    return total / count


@mistake("passed loss_fn(y, prediction): target and prediction swapped", replaces="train_epoch")
def train_epoch_swapped_args(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(y, model(x))
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        count += len(x)
    return total / count


@mistake("returned a tensor: summed the loss tensors and divided, without .item()", replaces="train_epoch")
def train_epoch_returns_tensor(model, loader, optimizer, loss_fn):
    total, count = 0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total = total + loss.detach() * len(x)
        count += len(x)
    return total / count


@mistake("returned the last batch's loss instead of the epoch's mean", replaces="train_epoch")
def train_epoch_last_loss(model, loader, optimizer, loss_fn):
    loss = None
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()


@mistake("measured each batch's loss again after the step, not the loss computed on the way",
         replaces="train_epoch")
def train_epoch_loss_after_step(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()
        with torch.no_grad():
            total += loss_fn(model(x), y).item() * len(x)
        count += len(x)
    return total / count


@mistake("summed the weighted batch losses but forgot to divide by the number of samples", replaces="train_epoch")
def train_epoch_sum_not_mean(model, loader, optimizer, loss_fn):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
    return total


# ---------------------------------------------------------------- evaluate

@mistake("averaged the batch losses plainly (short last batch over-weighted)", replaces="evaluate")
def evaluate_plain_mean(model, loader, loss_fn):
    with torch.no_grad():
        losses = [loss_fn(model(x), y).item() for x, y in loader]
    return sum(losses) / len(losses)


@mistake("forgot torch.no_grad(): a graph is recorded for every batch", replaces="evaluate")
def evaluate_records_graph(model, loader, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        total += loss_fn(model(x), y).item() * len(x)
        count += len(x)
    return total / count


@mistake("switched grad mode off with torch.set_grad_enabled(False) and never switched it back on",
         replaces="evaluate")
def evaluate_leaks_grad_mode(model, loader, loss_fn):
    torch.set_grad_enabled(False)
    total, count = 0.0, 0
    for x, y in loader:
        total += loss_fn(model(x), y).item() * len(x)
        count += len(x)
    return total / count


@mistake("called loss.backward() while evaluating, filling the parameters' .grad", replaces="evaluate")
def evaluate_backward(model, loader, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        total += loss.item() * len(x)
        count += len(x)
    return total / count


@mistake("divided by len(loader.dataset), which is wrong when the loader drops its last batch",
         replaces="evaluate")
def evaluate_divides_by_dataset(model, loader, loss_fn):
    total = 0.0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * len(x)
    return total / len(loader.dataset)


@mistake("only looked at the first batch", replaces="evaluate")
def evaluate_first_batch(model, loader, loss_fn):
    with torch.no_grad():
        x, y = next(iter(loader))
        return loss_fn(model(x), y).item()


@mistake("returned a 0-d tensor instead of a float", replaces="evaluate")
def evaluate_returns_tensor(model, loader, loss_fn):
    total, count = torch.tensor(0.0), 0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y) * len(x)
            count += len(x)
    return total / count


@mistake("loss_fn(y, prediction): arguments swapped", replaces="evaluate")
def evaluate_swapped_args(model, loader, loss_fn):
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(y, model(x)).item() * len(x)
            count += len(x)
    return total / count


@mistake("divided by loader.batch_size * len(loader), as if every batch were full", replaces="evaluate")
def evaluate_assumes_full_batches(model, loader, loss_fn):
    total = 0.0
    with torch.no_grad():
        for x, y in loader:
            total += loss_fn(model(x), y).item() * len(x)
    return total / (loader.batch_size * len(loader))


@mistake("weighted each batch by len(y[0]) (the target's width) instead of the batch size", replaces="evaluate")
def evaluate_weights_by_width(model, loader, loss_fn):
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            n = len(y[0]) if y.dim() > 1 else len(y)
            total += loss_fn(model(x), y).item() * n
            count += n
    return total / count


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("called model.forward(x) directly, without torch.no_grad(): every batch records a graph", replaces="evaluate")
def evaluate_forward_with_a_graph(model, loader, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        total += loss_fn(model.forward(x), y).item() * len(x)
        count += len(x)
    return total / count
