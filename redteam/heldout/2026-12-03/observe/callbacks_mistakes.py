"""Blind red team: wrong answers for kata observe/callbacks."""
import keras
import numpy as np
import torch
from torch import nn

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- fit_with_early_stopping


@mistake("I forgot restore_best_weights=True: the model keeps the weights of the last epoch, "
         "not those of its best epoch", replaces="fit_with_early_stopping")
def last_weights_kept(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("I monitored 'loss' (the training loss; I thought it was the usual choice) "
         "instead of val_loss", replaces="fit_with_early_stopping")
def watches_training_loss(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("I used validation_split=0.2 instead of validating on (x_val, y_val): it trains on "
         "less data and watches a loss on part of x", replaces="fit_with_early_stopping")
def validation_split_instead_of_val_data(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_split=0.2, epochs=max_epochs, batch_size=len(x),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("I left batch_size at fit's default (32): with more than 32 samples an epoch takes "
         "several steps, not one full batch", replaces="fit_with_early_stopping")
def default_batch_size(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("I returned history.epoch[-1], the 0-based index of the last epoch, instead of the "
         "number of epochs that ran: one too few", replaces="fit_with_early_stopping")
def zero_based_last_epoch(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), callbacks=[stopper], verbose=0)
    return history.epoch[-1]


@mistake("my hand-written loop puts the best weights back only when it stops early; when it "
         "runs all max_epochs it keeps the last epoch's weights (old Keras 2 behaviour)",
         replaces="fit_with_early_stopping")
def restores_only_on_early_stop(model, x, y, x_val, y_val, patience, max_epochs):
    best = np.inf
    best_weights = None
    wait = 0
    epochs_run = 0
    for _ in range(max_epochs):
        history = model.fit(x, y, validation_data=(x_val, y_val), epochs=1, batch_size=len(x), verbose=0)
        epochs_run += 1
        current = float(history.history["val_loss"][-1])
        if current < best:
            best = current
            best_weights = model.get_weights()
            wait = 0
        else:
            wait += 1
            if wait >= patience:
                model.set_weights(best_weights)
                break
    return epochs_run


# ---------------------------------------------------------------- train_with_step_decay


@mistake("I called scheduler.step() at the START of each epoch, before its optimizer steps: "
         "every epoch trains at the next epoch's rate", replaces="train_with_step_decay")
def scheduler_stepped_before_the_epoch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
    return rates


@mistake("I put scheduler.step() inside the batch loop, next to optimizer.step(): the rate "
         "decays every step_size BATCHES, not epochs", replaces="train_with_step_decay")
def scheduler_stepped_per_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
            scheduler.step()
    return rates


@mistake("I recorded the rate after scheduler.step(), i.e. the NEXT epoch's rate: the training "
         "is right but the returned list is shifted by one epoch", replaces="train_with_step_decay")
def records_rate_after_scheduler_step(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
        rates.append(scheduler.get_last_lr()[0])
    return rates


@mistake("closed form with true division, gamma ** (e / step_size): a smooth decay instead of "
         "steps (I forgot the floor)", replaces="train_with_step_decay")
def smooth_decay_without_floor(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    base_lr = optimizer.param_groups[0]["lr"]
    rates = []
    for e in range(epochs):
        rate = base_lr * gamma ** (e / step_size)
        for group in optimizer.param_groups:
            group["lr"] = rate
        rates.append(rate)
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
    return rates


@mistake("I set the rate myself from the group's CURRENT lr each epoch (lr = lr * gamma ** "
         "(e // step_size)): the decays compound, the rate falls faster than StepLR's",
         replaces="train_with_step_decay")
def compounding_manual_decay(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    rates = []
    for e in range(epochs):
        group = optimizer.param_groups[0]
        group["lr"] = group["lr"] * gamma ** (e // step_size)
        rates.append(group["lr"])
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
    return rates


@mistake("I looped over len(x) // batch_size full batches only: the last, smaller batch is "
         "never trained on", replaces="train_with_step_decay")
def drops_the_last_partial_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        for b in range(len(x) // batch_size):
            xb = x[b * batch_size:(b + 1) * batch_size]
            yb = y[b * batch_size:(b + 1) * batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
    return rates
