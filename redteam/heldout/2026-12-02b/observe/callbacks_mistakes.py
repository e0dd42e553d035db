"""Blind red team: wrong answers for kata observe/callbacks."""
import keras
import numpy as np
import torch
from torch import nn

from katas._support.mistakes import mistake


# ----------------------------------------------------------------------------- fit_with_early_stopping

@mistake("monitors the training loss (monitor='loss') instead of val_loss", replaces="fit_with_early_stopping")
def monitors_training_loss(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("forgets restore_best_weights=True, so the model keeps the last epoch's weights",
         replaces="fit_with_early_stopping")
def keeps_last_weights(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("validates with validation_split=0.2 of x instead of on (x_val, y_val)", replaces="fit_with_early_stopping")
def validation_split_instead_of_val_data(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_split=0.2,
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("leaves fit's default batch_size (32), so an x with more than 32 samples takes several steps per epoch",
         replaces="fit_with_early_stopping")
def default_batch_size(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, validation_data=(x_val, y_val), callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("returns stopper.stopped_epoch + 1, which is 1 when training ran all max_epochs without stopping",
         replaces="fit_with_early_stopping")
def stopped_epoch_plus_one(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
              callbacks=[stopper], verbose=0)
    return int(stopper.stopped_epoch) + 1


@mistake("copies min_delta=0.001 from a tutorial, so small drops of val_loss don't count as improvements",
         replaces="fit_with_early_stopping")
def tutorial_min_delta(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, min_delta=0.001,
                                            restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


@mistake("hand-written loop that counts an equal val_loss as an improvement (<= instead of <)",
         replaces="fit_with_early_stopping")
def hand_loop_ties_count_as_improvement(model, x, y, x_val, y_val, patience, max_epochs):
    best, best_weights, wait, ran = np.inf, None, 0, 0
    for _ in range(max_epochs):
        history = model.fit(x, y, epochs=1, batch_size=len(x), validation_data=(x_val, y_val), verbose=0)
        ran += 1
        val_loss = history.history["val_loss"][-1]
        if val_loss <= best:
            best, best_weights, wait = val_loss, model.get_weights(), 0
        else:
            wait += 1
            if wait >= patience:
                break
    if best_weights is not None:
        model.set_weights(best_weights)
    return ran


@mistake("re-compiles the model with its own optimizer and loss before fitting, 'to be safe'",
         replaces="fit_with_early_stopping")
def recompiles_before_fit(model, x, y, x_val, y_val, patience, max_epochs):
    model.compile(optimizer=model.optimizer, loss=model.loss)
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)


# ----------------------------------------------------------------------------- train_with_step_decay

@mistake("calls scheduler.step() after every optimizer.step() (per batch) instead of once per epoch",
         replaces="train_with_step_decay")
def scheduler_step_per_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
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


@mistake("calls scheduler.step() at the start of each epoch, before that epoch's optimizer steps",
         replaces="train_with_step_decay")
def scheduler_step_before_epoch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
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


@mistake("trains at the right rates but records the rate after scheduler.step(), i.e. the next epoch's",
         replaces="train_with_step_decay")
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
        rates.append(optimizer.param_groups[0]["lr"])
    return rates


@mistake("closed form with true division: lr * gamma ** (e / step_size) decays smoothly instead of in steps",
         replaces="train_with_step_decay")
def true_division_in_exponent(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    base_lr = optimizer.param_groups[0]["lr"]
    rates = []
    for epoch in range(epochs):
        rate = base_lr * gamma ** (epoch / step_size)
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


@mistake("records scheduler.get_last_lr(), a one-element list per epoch, instead of the float",
         replaces="train_with_step_decay")
def records_get_last_lr_lists(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(scheduler.get_last_lr())
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
    return rates


@mistake("iterates over len(x) // batch_size batches, so the smaller last batch is never trained on",
         replaces="train_with_step_decay")
def drops_short_last_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
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


@mistake("makes its own SGD at the given optimizer's rate and schedules that one; the given optimizer never steps",
         replaces="train_with_step_decay")
def makes_new_optimizer(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    own = torch.optim.SGD(model.parameters(), lr=optimizer.param_groups[0]["lr"])
    scheduler = torch.optim.lr_scheduler.StepLR(own, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(own.param_groups[0]["lr"])
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            own.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            own.step()
        scheduler.step()
    return rates
