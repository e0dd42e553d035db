"""Blind red team: correct answers in other styles for kata observe/callbacks."""
import keras
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import alternative


# ---------------------------------------------------------------- fit_with_early_stopping


@alternative("EarlyStopping with every relevant default spelled out (mode='min', min_delta=0.0, "
             "verbose=0, baseline=None), shuffle=False, and the count as "
             "int(len(history.history['loss']))", replaces="fit_with_early_stopping")
def early_stopping_spelled_out(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(
        monitor="val_loss", mode="min", min_delta=0.0, patience=patience, verbose=0,
        baseline=None, restore_best_weights=True)
    history = model.fit(
        x, y, batch_size=len(x), epochs=max_epochs, validation_data=(x_val, y_val),
        shuffle=False, callbacks=[stopper], verbose=0)
    return int(len(history.history["loss"]))


@alternative("a hand-written keras.callbacks.Callback that behaves like EarlyStopping "
             "(strict improvement, stop after `patience` epochs without, best weights put back "
             "at the end of training in every case)", replaces="fit_with_early_stopping")
def hand_written_callback(model, x, y, x_val, y_val, patience, max_epochs):
    class BestWeightsStopper(keras.callbacks.Callback):
        def __init__(self, patience):
            super().__init__()
            self.patience = patience

        def on_train_begin(self, logs=None):
            self.best = np.inf
            self.wait = 0
            self.best_weights = None

        def on_epoch_end(self, epoch, logs=None):
            current = float(logs["val_loss"])
            if current < self.best:
                self.best = current
                self.wait = 0
                self.best_weights = self.model.get_weights()
            else:
                self.wait += 1
                if self.wait >= self.patience:
                    self.model.stop_training = True

        def on_train_end(self, logs=None):
            if self.best_weights is not None:
                self.model.set_weights(self.best_weights)

    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x),
                        callbacks=[BestWeightsStopper(patience)], verbose=0)
    return len(history.epoch)


# ---------------------------------------------------------------- train_with_step_decay


@alternative("no scheduler: the closed form lr * gamma ** (e // step_size) written into every "
             "param group before the epoch, the starting rate put back at the end",
             replaces="train_with_step_decay")
def closed_form_by_hand(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    base_lr = optimizer.param_groups[0]["lr"]
    rates = []
    for epoch in range(epochs):
        rate = base_lr * gamma ** (epoch // step_size)
        for group in optimizer.param_groups:
            group["lr"] = rate
        rates.append(rate)
        for start in range(0, x.shape[0], batch_size):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(x[start:start + batch_size]), y[start:start + batch_size])
            loss.backward()
            optimizer.step()
    for group in optimizer.param_groups:
        group["lr"] = base_lr
    return rates


@alternative("MultiplicativeLR that multiplies by gamma on every step_size-th epoch (another "
             "scheduler, same rates), batches from torch.split", replaces="train_with_step_decay")
def multiplicative_scheduler(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.MultiplicativeLR(
        optimizer, lr_lambda=lambda epoch: gamma if epoch % step_size == 0 else 1.0)
    rates = []
    for _ in range(epochs):
        rates.append(float(optimizer.param_groups[0]["lr"]))
        for xb, yb in zip(torch.split(x, batch_size), torch.split(y, batch_size)):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()
        scheduler.step()
    return rates


@alternative("StepLR with keyword arguments, an unshuffled DataLoader over a TensorDataset, "
             "and the rate read with scheduler.get_last_lr()[0]", replaces="train_with_step_decay")
def dataloader_and_get_last_lr(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(scheduler.get_last_lr()[0])
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
    return rates
