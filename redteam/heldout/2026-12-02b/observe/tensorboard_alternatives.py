"""Blind red team: correct answers in other styles for kata observe/tensorboard."""
import keras
import numpy as np
import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- train_and_log

@alternative("explicit writer closed in finally, keyword arguments (tag=, scalar_value=, global_step=), "
             "histogram values as detached numpy arrays, float(loss)", replaces="train_and_log")
def explicit_close_keywords(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(log_dir=logdir)
    losses = []
    try:
        for epoch in range(epochs):
            optimizer.zero_grad()
            prediction = model(x)
            loss = torch.nn.functional.mse_loss(prediction, y, reduction="mean")
            loss.backward()
            optimizer.step()
            value = float(loss)
            losses.append(value)
            writer.add_scalar(tag="loss", scalar_value=value, global_step=epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(tag=name, values=param.detach().cpu().numpy(), global_step=epoch)
    finally:
        writer.close()
    return losses


@alternative("logs the loss right after backward (before the step), histograms after the step, plus extra tags "
             "(an 'lr' scalar and gradient histograms under 'grad/<name>')", replaces="train_and_log")
def extra_tags_and_early_loss(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(x), y)
            loss.backward()
            losses.append(loss.item())
            writer.add_scalar("loss", losses[-1], epoch)
            optimizer.step()
            writer.add_scalar("lr", float(optimizer.param_groups[0]["lr"]), epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
                if param.grad is not None:
                    writer.add_histogram("grad/" + name, param.grad, epoch)
    return losses


@alternative("zero_grad(set_to_none=True), loss via nn.MSELoss(), losses collected with detach().item(), "
             "histograms from a dict of named parameters, writer flushed then closed", replaces="train_and_log")
def mse_module_and_dict(model, optimizer, x, y, epochs, logdir):
    criterion = nn.MSELoss()
    writer = SummaryWriter(logdir)
    history = []
    for step in range(epochs):
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        history.append(loss.detach().item())
        writer.add_scalar("loss", history[-1], step)
        params = dict(model.named_parameters())
        for tag in params:
            writer.add_histogram(tag, params[tag].data, step)
    writer.flush()
    writer.close()
    return history


# ---------------------------------------------------------------- fit_and_log

@alternative("one fit per epoch, each told where it starts (initial_epoch=e, epochs=e + 1), a fresh callback per "
             "fit", replaces="fit_and_log")
def fit_per_epoch_with_initial_epoch(model, x, y, epochs, batch_size, logdir):
    losses = []
    for epoch in range(epochs):
        callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
        history = model.fit(x, y, batch_size=batch_size, initial_epoch=epoch, epochs=epoch + 1,
                            shuffle=False, callbacks=[callback], verbose=0)
        losses.extend(float(v) for v in history.history["loss"])
    return losses


@alternative("log_dir passed positionally, write_graph=False, all fit arguments by keyword, list(map(float, ...))",
             replaces="fit_and_log")
def positional_logdir_no_graph(model, x, y, epochs, batch_size, logdir):
    board = keras.callbacks.TensorBoard(logdir, histogram_freq=1, write_graph=False)
    history = model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs, verbose=0,
                        callbacks=[board], shuffle=False)
    return list(map(float, history.history["loss"]))


@alternative("extra callback output (write_steps_per_second=True), verbose left on, update_freq='epoch' spelled out",
             replaces="fit_and_log")
def extras_and_explicit_update_freq(model, x, y, epochs, batch_size, logdir):
    board = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1, update_freq="epoch",
                                        write_steps_per_second=True)
    history = model.fit(np.asarray(x), np.asarray(y), epochs=epochs, batch_size=batch_size,
                        shuffle=False, callbacks=[board])
    return [float(loss) for loss in history.history["loss"]]
