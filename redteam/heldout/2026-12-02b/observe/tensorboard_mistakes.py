"""Blind red team: wrong answers for kata observe/tensorboard."""
import os

import keras
import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.tensorboard import SummaryWriter
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- train_and_log

@mistake("logs the parameter histograms at the start of the epoch, before the optimizer step",
         replaces="train_and_log")
def histograms_before_step(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            writer.add_scalar("loss", loss.item(), epoch)
            losses.append(loss.item())
    return losses


@mistake("numbers the steps from 1 (epoch 1, 2, ...) like a human counts epochs", replaces="train_and_log")
def steps_start_at_one(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), global_step=epoch + 1)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, global_step=epoch + 1)
    return losses


@mistake("never closes (or flushes) the writer, so buffered events may not reach the file",
         replaces="train_and_log")
def writer_never_closed(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(logdir)
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        writer.add_scalar("loss", loss.item(), epoch)
        for name, param in model.named_parameters():
            writer.add_histogram(name, param, epoch)
    return losses


@mistake("opens a new SummaryWriter inside the epoch loop, so each epoch gets its own event file",
         replaces="train_and_log")
def writer_per_epoch(model, optimizer, x, y, epochs, logdir):
    losses = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        with SummaryWriter(logdir) as writer:
            writer.add_scalar("loss", loss.item(), epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
    return losses


@mistake("logs the loss with add_scalars('loss', {'train': ...}) to get a nicer grouped chart",
         replaces="train_and_log")
def loss_with_add_scalars(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalars("loss", {"train": loss.item()}, epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param, epoch)
    return losses


@mistake("turns the dots of parameter names into slashes ('0/weight') so TensorBoard groups them",
         replaces="train_and_log")
def slashes_in_histogram_tags(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), epoch)
            for name, param in model.named_parameters():
                writer.add_histogram(name.replace(".", "/"), param, epoch)
    return losses


# ---------------------------------------------------------------- fit_and_log

@mistake("compiles the model again (adam + mse) before fitting, to be sure it is ready", replaces="fit_and_log")
def recompiles_model(model, x, y, epochs, batch_size, logdir):
    model.compile(optimizer="adam", loss="mse")
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("left shuffle at fit's default (True)", replaces="fit_and_log")
def shuffles_batches(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("set update_freq='batch' to see the curve in more detail", replaces="fit_and_log")
def logs_every_batch(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1, update_freq="batch")
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("kept the callback's default histogram_freq (0), so no weight histograms are written",
         replaces="fit_and_log")
def no_histograms(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("fits one epoch at a time with fit(epochs=1) in a loop, so every epoch is logged at step 0",
         replaces="fit_and_log")
def one_epoch_fits_without_initial_epoch(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    losses = []
    for _ in range(epochs):
        history = model.fit(x, y, epochs=1, batch_size=batch_size, shuffle=False,
                            callbacks=[callback], verbose=0)
        losses.extend(float(v) for v in history.history["loss"])
    return losses


@mistake("forgot batch_size=, so fit uses its default of 32", replaces="fit_and_log")
def default_batch_size(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, shuffle=False, callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("pointed the callback at <logdir>/train itself, so Keras writes into <logdir>/train/train",
         replaces="fit_and_log")
def logs_into_train_subfolder(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=os.path.join(logdir, "train"), histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]
