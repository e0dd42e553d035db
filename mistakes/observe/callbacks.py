"""Named mistakes of kata observe/callbacks."""

import keras
import torch
from torch import nn

from katas._support.mistakes import mistake


def _fit(model, x, y, x_val, y_val, max_epochs, callback):
    return model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x), verbose=0,
                     callbacks=[callback])


def _epoch(model, optimizer, x, y, batch_size, after_each_step=None):
    for start in range(0, len(x), batch_size):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x[start:start + batch_size]), y[start:start + batch_size]).backward()
        optimizer.step()
        if after_each_step is not None:
            after_each_step()


@mistake("forgot restore_best_weights=True: the model keeps the last epoch's weights", replaces="fit_with_early_stopping")
def no_restore(model, x, y, x_val, y_val, patience, max_epochs):
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    return len(_fit(model, x, y, x_val, y_val, max_epochs, stop).epoch)


@mistake("returns EarlyStopping.stopped_epoch + 1, which is 1 when training ran all max_epochs",
         replaces="fit_with_early_stopping")
def stopped_epoch_plus_one(model, x, y, x_val, y_val, patience, max_epochs):
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    _fit(model, x, y, x_val, y_val, max_epochs, stop)
    return stop.stopped_epoch + 1


@mistake("calls scheduler.step() at the start of each epoch, before its optimizer steps: every epoch trains "
         "at the next epoch's rate", replaces="train_with_step_decay")
def scheduler_before(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
        _epoch(model, optimizer, x, y, batch_size)
    return rates


@mistake("calls scheduler.step() after every optimizer.step(), so the rate decays per mini-batch",
         replaces="train_with_step_decay")
def scheduler_per_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        _epoch(model, optimizer, x, y, batch_size, after_each_step=scheduler.step)
    return rates
