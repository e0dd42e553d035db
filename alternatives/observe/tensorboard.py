"""Correct alternatives of kata observe/tensorboard: other styles the tests must accept."""

import keras
import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.tensorboard import SummaryWriter

from katas._support.mistakes import alternative


@alternative("writer closed in try/finally, the loss logged as a tensor in the new style (a tensor event), "
             "histograms from NumPy copies", replaces="train_and_log")
def new_style_scalars(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(log_dir=logdir)
    losses = []
    try:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            writer.add_scalar("loss", loss.detach(), global_step=epoch, new_style=True)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach().cpu().numpy(), global_step=epoch)
            losses.append(loss.item())
    finally:
        writer.close()
    return losses


@alternative("a Keras fit per epoch (initial_epoch), each with its own callback, and no graph written",
             replaces="fit_and_log")
def fit_per_epoch(model, x, y, epochs, batch_size, logdir):
    losses = []
    for epoch in range(epochs):
        board = keras.callbacks.TensorBoard(logdir, histogram_freq=1, write_graph=False)
        history = model.fit(x=x, y=y, batch_size=batch_size, epochs=epoch + 1, initial_epoch=epoch, shuffle=False,
                            verbose=0, callbacks=[board])
        losses += [float(v) for v in history.history["loss"]]
    return losses


# Written blind, from the stub alone (red team, 2026-12)


@alternative("explicit writer + try/finally close; keyword global_step; numpy values for histograms",
             replaces="train_and_log")
def explicit_close_numpy_hist(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(log_dir=logdir)
    losses = []
    try:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            value = float(loss)
            losses.append(value)
            writer.add_scalar(tag="loss", scalar_value=value, global_step=epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach().cpu().numpy(), global_step=epoch)
    finally:
        writer.flush()
        writer.close()
    return losses


@alternative("histograms written before the scalar; loss tensor passed to add_scalar; extra tags "
             "(gradient histograms, learning rate) which the docstring says are not checked",
             replaces="train_and_log")
def extra_tags_other_order(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir, flush_secs=1, max_queue=1000) as writer:
        for e in range(epochs):
            optimizer.zero_grad(set_to_none=True)
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            for name, p in model.named_parameters():
                writer.add_histogram(f"grad/{name}", p.grad, e)
            optimizer.step()
            for name, p in model.named_parameters():
                writer.add_histogram(name, p.data, e)
            writer.add_scalar("lr", optimizer.param_groups[0]["lr"], e)
            writer.add_scalar("loss", loss.detach(), e)
            losses.append(loss.item())
    return losses


@alternative("all epochs trained first with snapshots, then everything logged afterwards in one go",
             replaces="train_and_log")
def log_after_training(model, optimizer, x, y, epochs, logdir):
    losses, snapshots = [], []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        snapshots.append({n: p.detach().clone() for n, p in model.named_parameters()})
    with SummaryWriter(logdir) as writer:
        for step, (value, snap) in enumerate(zip(losses, snapshots)):
            writer.add_scalar("loss", value, step)
            for name, tensor in snap.items():
                writer.add_histogram(name, tensor, step)
    return losses


@alternative("callback built first, TensorBoard(logdir, histogram_freq=1) positionally, "
             "defaults spelled out, verbose=2, explicit float conversion", replaces="fit_and_log")
def explicit_defaults(model, x, y, epochs, batch_size, logdir):
    tensorboard = keras.callbacks.TensorBoard(logdir, histogram_freq=1, write_graph=True,
                                              update_freq="epoch")
    history = model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs, verbose=2,
                        callbacks=[tensorboard], validation_data=None, shuffle=False)
    return [float(v) for v in history.history["loss"]]


@alternative("float64 inputs converted to float32 first; history read through model.history",
             replaces="fit_and_log")
def float32_inputs_model_history(model, x, y, epochs, batch_size, logdir):
    x = np.asarray(x, dtype="float32")
    y = np.asarray(y, dtype="float32")
    model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
              callbacks=[keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)])
    return list(model.history.history["loss"])


@alternative("a callback list object with the TensorBoard callback in it, copied list returned",
             replaces="fit_and_log")
def callbacks_list(model, x, y, epochs, batch_size, logdir):
    callbacks = []
    callbacks.append(keras.callbacks.TensorBoard(log_dir=str(logdir), histogram_freq=1))
    hist = model.fit(x, y, batch_size, epochs, 0, callbacks, shuffle=False)
    return hist.history["loss"][:]


# Added after the red team's notes: what the docstring now says is up to the learner

@alternative("histograms with bins='auto' (the buckets differ; count, min, max and sum do not)",
             replaces="train_and_log")
def histogram_bins_auto(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", losses[-1], epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch, bins="auto")
    return losses


@alternative("a fit per epoch (initial_epoch=e, epochs=e + 1) sharing one TensorBoard callback",
             replaces="fit_and_log")
def fit_per_epoch_shared_callback(model, x, y, epochs, batch_size, logdir):
    board = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    losses = []
    for epoch in range(epochs):
        history = model.fit(x, y, batch_size=batch_size, initial_epoch=epoch, epochs=epoch + 1, shuffle=False,
                            verbose=0, callbacks=[board])
        losses.extend(float(v) for v in history.history["loss"])
    return losses


@alternative("extras switched: no graph, steps per second logged (epoch_steps_per_second), still per epoch",
             replaces="fit_and_log")
def extra_keras_options(model, x, y, epochs, batch_size, logdir):
    board = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1, write_graph=False,
                                        write_steps_per_second=True)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0, callbacks=[board])
    return [float(v) for v in history.history["loss"]]
