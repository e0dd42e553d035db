"""Blind red team: correct answers in other styles for kata observe/tensorboard."""
import keras
import torch
from torch.nn import functional as F
from torch.utils.tensorboard import SummaryWriter

from katas._support.mistakes import alternative


# ---------------------------------------------------------------- train_and_log


@alternative("explicit writer closed in try/finally, global_step= keyword, NumPy values for the "
             "histograms with numpy's bins='auto', float(loss) instead of loss.item()",
             replaces="train_and_log")
def try_finally_numpy_histograms(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(log_dir=logdir)
    losses = []
    try:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            value = float(loss)
            losses.append(value)
            writer.add_scalar("loss", value, global_step=epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach().cpu().numpy(), global_step=epoch, bins="auto")
    finally:
        writer.close()
    return losses


@alternative("trains first, keeping a copy of the parameters after each epoch's step, then "
             "opens ONE writer and writes all the scalars, then all the histograms",
             replaces="train_and_log")
def train_then_write_everything(model, optimizer, x, y, epochs, logdir):
    losses = []
    snapshots = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        snapshots.append({name: p.detach().clone() for name, p in model.named_parameters()})
    with SummaryWriter(logdir) as writer:
        for step, value in enumerate(losses):
            writer.add_scalar("loss", value, step)
        for step, snapshot in enumerate(snapshots):
            for name, values in snapshot.items():
                writer.add_histogram(name, values, step)
    return losses


@alternative("model.train(), writer with a large queue and short flush_secs, an explicit "
             "flush() before close(), an extra (unchecked) 'lr' scalar, and the loss value "
             "read with loss.detach().item()", replaces="train_and_log")
def flush_then_close_with_extra_tag(model, optimizer, x, y, epochs, logdir):
    model.train()
    writer = SummaryWriter(logdir, max_queue=1000, flush_secs=1)
    losses = []
    step = 0
    while step < epochs:
        optimizer.zero_grad(set_to_none=True)
        prediction = model(x)
        loss = F.mse_loss(prediction, y, reduction="mean")
        loss.backward()
        optimizer.step()
        losses.append(loss.detach().item())
        writer.add_scalar("loss", losses[-1], step)
        writer.add_scalar("lr", optimizer.param_groups[0]["lr"], step)
        for name, param in dict(model.named_parameters()).items():
            writer.add_histogram(name, param.data, step)
        step += 1
    writer.flush()
    writer.close()
    return losses


# ---------------------------------------------------------------- fit_and_log


@alternative("callback options spelled out (update_freq='epoch', write_graph=False, "
             "profile_batch=0), keyword x=/y=, list(...) of the history", replaces="fit_and_log")
def explicit_callback_options(model, x, y, epochs, batch_size, logdir):
    tensorboard = keras.callbacks.TensorBoard(
        log_dir=logdir, histogram_freq=1, write_graph=False, write_images=False,
        update_freq="epoch", profile_batch=0)
    history = model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs, verbose=0,
                        callbacks=[tensorboard], shuffle=False)
    return list(history.history["loss"])


@alternative("one fit per epoch, each told where it starts (initial_epoch=e, epochs=e + 1), "
             "a new TensorBoard callback for each fit", replaces="fit_and_log")
def one_fit_per_epoch_with_initial_epoch(model, x, y, epochs, batch_size, logdir):
    losses = []
    for e in range(epochs):
        callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
        history = model.fit(x, y, batch_size=batch_size, initial_epoch=e, epochs=e + 1,
                            shuffle=False, callbacks=[callback], verbose=0)
        losses.extend(float(v) for v in history.history["loss"])
    return losses
