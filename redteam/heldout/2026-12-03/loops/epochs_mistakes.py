"""Blind red team: wrong answers for kata loops/epochs."""
import torch
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- train_epoch


@mistake(
    "I averaged the batch losses (sum / number of batches), so a short last batch weighs as much "
    "as a full one; the docstring asks for the mean over the samples served",
    replaces="train_epoch",
)
def train_epoch_plain_batch_mean(model, loader, optimizer, loss_fn):
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)


@mistake(
    "I put zero_grad at the end of each batch (after step), so the first step uses gradients "
    "left in .grad by earlier code; the docstring says zero_grad comes first in each batch",
    replaces="train_epoch",
)
def train_epoch_zero_grad_last(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        n = len(x)
        total += loss.item() * n
        count += n
    return total / count


@mistake(
    "I called zero_grad once before the loop instead of in every batch, so gradients pile up "
    "from batch to batch",
    replaces="train_epoch",
)
def train_epoch_zero_grad_once(model, loader, optimizer, loss_fn):
    optimizer.zero_grad()
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        n = len(x)
        total += loss.item() * n
        count += n
    return total / count


@mistake(
    "I called loss_fn(y, prediction): target first, which only looks right for symmetric "
    "losses like MSE; the docstring says prediction first",
    replaces="train_epoch",
)
def train_epoch_swapped_loss_args(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(y, model(x))
        loss.backward()
        optimizer.step()
        n = len(x)
        total += loss.item() * n
        count += n
    return total / count


@mistake(
    "I divided by len(loader.dataset), which counts the samples drop_last=True throws away; "
    "only the samples served count",
    replaces="train_epoch",
)
def train_epoch_divides_by_dataset_size(model, loader, optimizer, loss_fn):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
    return total / len(loader.dataset)


@mistake(
    "I reported each batch's loss measured again after optimizer.step(), not the loss computed "
    "on the way (the one that was backpropagated)",
    replaces="train_epoch",
)
def train_epoch_loss_after_step(model, loader, optimizer, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            after = loss_fn(model(x), y)
        n = len(x)
        total += after.item() * n
        count += n
    return total / count


# ---------------------------------------------------------------- evaluate


@mistake(
    "I forgot torch.no_grad(): the forward passes record a graph, which the docstring rules out",
    replaces="evaluate",
)
def evaluate_records_graph(model, loader, loss_fn):
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        n = len(x)
        total += loss.item() * n
        count += n
    return total / count


@mistake(
    "I switched recording off with torch.set_grad_enabled(False) as a plain call and never "
    "switched it back, so recording is still off after evaluate returns",
    replaces="evaluate",
)
def evaluate_grad_mode_left_off(model, loader, loss_fn):
    torch.set_grad_enabled(False)
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        n = len(x)
        total += loss.item() * n
        count += n
    return total / count


@mistake(
    "I averaged the batch losses, so a short last batch is over-weighted; it should equal the "
    "loss of all served samples in one batch",
    replaces="evaluate",
)
def evaluate_plain_batch_mean(model, loader, loss_fn):
    losses = []
    with torch.no_grad():
        for x, y in loader:
            losses.append(loss_fn(model(x), y).item())
    return sum(losses) / len(losses)


@mistake(
    "I returned the mean as a 0-d tensor, not a Python float",
    replaces="evaluate",
)
def evaluate_returns_tensor(model, loader, loss_fn):
    total = torch.zeros((), dtype=torch.float64)
    count = 0
    with torch.no_grad():
        for x, y in loader:
            loss = loss_fn(model(x), y)
            n = len(x)
            total = total + loss.double() * n
            count += n
    return total / count


@mistake(
    "I read 'the loss of the served samples in one batch' as 'the loss of one batch' and only "
    "evaluated the loader's first batch",
    replaces="evaluate",
)
def evaluate_first_batch_only(model, loader, loss_fn):
    x, y = next(iter(loader))
    with torch.no_grad():
        return loss_fn(model(x), y).item()


@mistake(
    "I called model.zero_grad() first to start clean, which wipes the .grad the docstring says "
    "must be left as it was",
    replaces="evaluate",
)
def evaluate_wipes_grads(model, loader, loss_fn):
    model.zero_grad()
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            loss = loss_fn(model(x), y)
            n = len(x)
            total += loss.item() * n
            count += n
    return total / count
