"""Blind red team: correct answers in other styles for kata observe/callbacks."""
import keras
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import alternative


# ----------------------------------------------------------------------------- fit_with_early_stopping

@alternative("EarlyStopping with every relevant option spelled out, shuffle=False, count from history.epoch[-1] + 1",
             replaces="fit_with_early_stopping")
def explicit_early_stopping_options(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", min_delta=0, patience=patience,
                                            restore_best_weights=True, verbose=0)
    history = model.fit(x, y, batch_size=x.shape[0], epochs=max_epochs, validation_data=(x_val, y_val),
                        shuffle=False, callbacks=[stopper], verbose=0)
    return int(history.epoch[-1]) + 1


@alternative("hand-written loop: one fit(epochs=1) per epoch, strict < improvement, best weights kept with "
             "get_weights and put back at the end", replaces="fit_with_early_stopping")
def hand_written_loop(model, x, y, x_val, y_val, patience, max_epochs):
    best, best_weights, wait, ran = np.inf, None, 0, 0
    for _ in range(max_epochs):
        history = model.fit(x, y, epochs=1, batch_size=len(x), validation_data=(x_val, y_val),
                            shuffle=False, verbose=0)
        ran += 1
        val_loss = history.history["val_loss"][-1]
        if val_loss < best:
            best, best_weights, wait = val_loss, model.get_weights(), 0
        else:
            wait += 1
            if wait >= patience:
                break
    if best_weights is not None:
        model.set_weights(best_weights)
    return ran


@alternative("a custom keras.callbacks.Callback doing EarlyStopping's job; epochs counted from history.history",
             replaces="fit_with_early_stopping")
def custom_callback(model, x, y, x_val, y_val, patience, max_epochs):
    class BestWeightsStopper(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.best = np.inf
            self.wait = 0
            self.best_weights = None

        def on_epoch_end(self, epoch, logs=None):
            current = logs["val_loss"]
            if current < self.best:
                self.best = current
                self.wait = 0
                self.best_weights = self.model.get_weights()
            else:
                self.wait += 1
                if self.wait >= patience:
                    self.model.stop_training = True

        def on_train_end(self, logs=None):
            if self.best_weights is not None:
                self.model.set_weights(self.best_weights)

    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[BestWeightsStopper()], verbose=0)
    return len(history.history["loss"])


# ----------------------------------------------------------------------------- train_with_step_decay

@alternative("no scheduler: closed form lr * gamma ** (e // step_size) written into every param group",
             replaces="train_with_step_decay")
def closed_form_param_group(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    base_lr = optimizer.param_groups[0]["lr"]
    rates = []
    for epoch in range(epochs):
        rate = base_lr * gamma ** (epoch // step_size)
        for group in optimizer.param_groups:
            group["lr"] = rate
        for start in range(0, x.shape[0], batch_size):
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(x[start:start + batch_size]), y[start:start + batch_size])
            loss.backward()
            optimizer.step()
        rates.append(rate)
    return rates


@alternative("MultiplicativeLR whose factor is gamma on every step_size-th epoch and 1 otherwise; "
             "batches via torch.split", replaces="train_with_step_decay")
def multiplicative_lr(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.MultiplicativeLR(
        optimizer, lr_lambda=lambda e: gamma if e % step_size == 0 else 1.0)
    rates = []
    for _ in range(epochs):
        rates.append(float(optimizer.param_groups[0]["lr"]))
        for xb, yb in zip(torch.split(x, batch_size), torch.split(y, batch_size)):
            optimizer.zero_grad(set_to_none=True)
            nn.functional.mse_loss(model(xb), yb, reduction="mean").backward()
            optimizer.step()
        scheduler.step()
    return rates


@alternative("StepLR with a DataLoader(shuffle=False) and the rate read from scheduler.get_last_lr()[0]",
             replaces="train_with_step_decay")
def steplr_dataloader(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
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
