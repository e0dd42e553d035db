"""Correct alternatives of kata observe/callbacks: other styles the tests must accept."""

import keras
import numpy as np
import torch
from torch import nn

from katas._support.mistakes import alternative


@alternative("its own loop: one-epoch fits, evaluate, keep the best weights, put them back at the end",
             replaces="fit_with_early_stopping")
def own_loop(model, x, y, x_val, y_val, patience, max_epochs):
    best, wait, best_weights, ran = np.inf, 0, None, 0
    for _ in range(max_epochs):
        model.fit(x, y, batch_size=len(x), epochs=1, verbose=0, shuffle=False)
        ran += 1
        val_loss = model.evaluate(x_val, y_val, batch_size=len(x_val), verbose=0)
        if val_loss < best:
            best, wait, best_weights = val_loss, 0, model.get_weights()
        else:
            wait += 1
            if wait >= patience:
                break
    model.set_weights(best_weights)
    return ran


@alternative("LambdaLR over a DataLoader, the rate read from get_last_lr()", replaces="train_with_step_decay")
def lambda_lr(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: gamma ** (epoch // step_size))
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    rates = []
    for _ in range(epochs):
        rates.append(float(scheduler.get_last_lr()[0]))
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()
        scheduler.step()
    return rates


@alternative("sets the param group's lr by hand each epoch", replaces="train_with_step_decay")
def by_hand(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    start = optimizer.param_groups[0]["lr"]
    rates = []
    for epoch in range(epochs):
        rate = start * gamma ** (epoch // step_size)
        for group in optimizer.param_groups:
            group["lr"] = rate
        rates.append(rate)
        for xb, yb in zip(x.split(batch_size), y.split(batch_size)):
            optimizer.zero_grad()
            loss = ((model(xb) - yb) ** 2).mean()
            loss.backward()
            optimizer.step()
    return rates


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- fit_with_early_stopping

@alternative("every EarlyStopping default spelled out (mode='min', min_delta=0, baseline=None), shuffle=False, "
             "count from history.history['val_loss']", replaces="fit_with_early_stopping")
def es_explicit_defaults(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", min_delta=0.0, patience=patience,
                                            baseline=None, restore_best_weights=True, verbose=0)
    history = model.fit(x=x, y=y, batch_size=x.shape[0], epochs=max_epochs, verbose=0,
                        callbacks=[stopper], validation_data=(x_val, y_val), shuffle=False)
    return len(history.history["val_loss"])


@alternative("ignores fit's return value and reads model.history.epoch afterwards", replaces="fit_with_early_stopping")
def es_model_history(model, x, y, x_val, y_val, patience, max_epochs):
    model.fit(x, y, epochs=max_epochs, batch_size=len(x), verbose=0,
              validation_data=(x_val, y_val),
              callbacks=[keras.callbacks.EarlyStopping("val_loss", patience=patience,
                                                       restore_best_weights=True)])
    return int(len(model.history.epoch))


@alternative("counts epochs with an extra LambdaCallback and validation_batch_size=len(x_val)",
             replaces="fit_with_early_stopping")
def es_counting_callback(model, x, y, x_val, y_val, patience, max_epochs):
    ran = []
    counter = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: ran.append(epoch))
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, batch_size=len(x), epochs=max_epochs, verbose=0, validation_data=(x_val, y_val),
              validation_batch_size=len(x_val), callbacks=[counter, stopper])
    return len(ran)


@alternative("derives the count from stopped_epoch: stopped_epoch + 1 if it stopped, else max_epochs",
             replaces="fit_with_early_stopping")
def es_from_stopped_epoch(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, batch_size=len(x), epochs=max_epochs, verbose=0, validation_data=(x_val, y_val),
              callbacks=[stopper])
    return stopper.stopped_epoch + 1 if model.stop_training else max_epochs


# ---------------------------------------------------------------- train_with_step_decay

@alternative("LambdaLR with gamma ** (epoch // step_size), torch.split for the batches, lr read from get_last_lr()",
             replaces="train_with_step_decay")
def sd_lambdalr_split(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: gamma ** (epoch // step_size))
    rates = []
    for _ in range(epochs):
        rates.append(float(scheduler.get_last_lr()[0]))
        for xb, yb in zip(torch.split(x, batch_size), torch.split(y, batch_size)):
            optimizer.zero_grad(set_to_none=False)
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
    return rates


@alternative("sets param_groups[0]['lr'] by the closed form each epoch; loss written as ((pred - yb) ** 2).mean()",
             replaces="train_with_step_decay")
def sd_manual_closed_form(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    base = optimizer.param_groups[0]["lr"]
    rates = [base * gamma ** (e // step_size) for e in range(epochs)]
    for lr in rates:
        for group in optimizer.param_groups:
            group["lr"] = lr
        start = 0
        while start < len(x):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            ((model(xb) - yb) ** 2).mean().backward()
            optimizer.step()
            start += batch_size
    return rates


@alternative("MultiStepLR with milestones every step_size epochs, DataLoader(shuffle=False), "
             "mse_loss(target, pred) (symmetric)", replaces="train_with_step_decay")
def sd_multistep_dataloader(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    from torch.utils.data import DataLoader, TensorDataset
    milestones = list(range(step_size, max(epochs, step_size) + 1, step_size))
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=milestones, gamma=gamma)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    rates = []
    for epoch in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.mse_loss(yb, model(xb)).backward()
            optimizer.step()
        scheduler.step()
    return rates


@alternative("StepLR with keyword arguments, the rate list filled after training from each epoch's recorded "
             "rate as np.float64 (a float subclass)", replaces="train_with_step_decay")
def sd_steplr_kwargs_np(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer=optimizer, step_size=step_size, gamma=gamma)
    seen = {}
    n = x.shape[0]
    for epoch in range(epochs):
        for i in range(0, n, batch_size):
            optimizer.zero_grad()
            out = model(x[i:i + batch_size])
            loss = torch.nn.functional.mse_loss(out, y[i:i + batch_size], reduction="mean")
            loss.backward()
            seen[epoch] = optimizer.param_groups[0]["lr"]
            optimizer.step()
        scheduler.step()
    return [np.float64(seen[e]) for e in range(epochs)]


# Added while strengthening the tests (2026-12)

@alternative("StepLR, then puts the optimizer's starting rate back after training", replaces="train_with_step_decay")
def restores_the_rate(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    start = optimizer.param_groups[0]["lr"]
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(scheduler.get_last_lr()[0])
        for xb, yb in zip(x.split(batch_size), y.split(batch_size)):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()
        scheduler.step()
    optimizer.param_groups[0]["lr"] = start
    return rates
