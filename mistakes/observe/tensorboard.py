"""Named mistakes of kata observe/tensorboard."""

import keras
import torch
from torch.nn import functional as F
from torch.utils.tensorboard import SummaryWriter

from katas._support.mistakes import mistake


@mistake("records the loss re-computed after the epoch's step (the next epoch's loss), not the one it stepped on",
         replaces="train_and_log")
def loss_after_the_step(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            F.mse_loss(model(x), y).backward()
            optimizer.step()
            with torch.no_grad():
                losses.append(F.mse_loss(model(x), y).item())
            writer.add_scalar("loss", losses[-1], epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
    return losses


@mistake("logs the histograms at the top of the epoch, before the step, so step e shows the weights of e - 1",
         replaces="train_and_log")
def histograms_before_the_step(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", losses[-1], epoch)
    return losses


@mistake("flushes the writer but never closes it: the files are complete, the writer's thread runs on",
         replaces="train_and_log")
def flushed_not_closed(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(logdir)
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        writer.add_scalar("loss", losses[-1], epoch)
        for name, param in model.named_parameters():
            writer.add_histogram(name, param, epoch)
    writer.flush()
    return losses


@mistake("update_freq='batch': the callback also logs batch_loss at every batch", replaces="fit_and_log")
def logs_every_batch(model, x, y, epochs, batch_size, logdir):
    board = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1, update_freq="batch")
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0, callbacks=[board])
    return history.history["loss"]
