"""Named mistakes of kata observe/callbacks."""

import keras
import numpy as np
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


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- fit_with_early_stopping

@mistake("gave EarlyStopping patience + 1, thinking it counts the best epoch too",
         replaces="fit_with_early_stopping")
def es_patience_plus_one(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience + 1, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("gave EarlyStopping patience - 1 (off by one the other way)", replaces="fit_with_early_stopping")
def es_patience_minus_one(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=max(patience - 1, 0),
                                       restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("monitored the training loss 'loss' instead of 'val_loss'", replaces="fit_with_early_stopping")
def es_monitor_train_loss(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("set mode='max' on EarlyStopping, so a higher val_loss counts as better", replaces="fit_with_early_stopping")
def es_mode_max(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", mode="max", patience=patience,
                                       restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("added min_delta=0.01 to ignore tiny improvements", replaces="fit_with_early_stopping")
def es_min_delta(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, min_delta=0.01,
                                       restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("returned history.epoch[-1], the 0-based index of the last epoch", replaces="fit_with_early_stopping")
def es_return_zero_based(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return history.epoch[-1]


@mistake("returned the best epoch's number instead of the number of epochs that ran",
         replaces="fit_with_early_stopping")
def es_return_best_epoch(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
              batch_size=len(x), verbose=0, callbacks=[es])
    return es.best_epoch + 1


@mistake("computed the epochs as best epoch + patience, too many when training ran to max_epochs",
         replaces="fit_with_early_stopping")
def es_return_best_plus_patience(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
              batch_size=len(x), verbose=0, callbacks=[es])
    return es.best_epoch + 1 + patience


@mistake("returned len() of a numpy array of epochs as np.int64, not a Python int",
         replaces="fit_with_early_stopping")
def es_return_numpy_int(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return np.max(np.asarray(history.epoch)) + 1


@mistake("left fit's default batch_size (32), so several batches per epoch", replaces="fit_with_early_stopping")
def es_default_batch_size(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("used validation_split=0.2 instead of the given validation data", replaces="fit_with_early_stopping")
def es_validation_split(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_split=0.2, epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("compiled the model again with adam + mse to be safe", replaces="fit_with_early_stopping")
def es_recompile(model, x, y, x_val, y_val, patience, max_epochs):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("left verbose at its default, so fit prints a progress bar", replaces="fit_with_early_stopping")
def es_verbose(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True,
                                       verbose=1)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=2, callbacks=[es])
    return len(history.epoch)


@mistake("passed epochs=max_epochs - 1, thinking epochs counts from 0", replaces="fit_with_early_stopping")
def es_epochs_minus_one(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs - 1,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("fit a clone of the model so the caller's model is not touched", replaces="fit_with_early_stopping")
def es_fit_clone(model, x, y, x_val, y_val, patience, max_epochs):
    clone = keras.models.clone_model(model)
    clone.set_weights(model.get_weights())
    clone.compile(optimizer=model.optimizer.__class__.from_config(model.optimizer.get_config()),
                  loss=model.loss)
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = clone.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


@mistake("looped fit(epochs=1) with the EarlyStopping callback, which resets every call and never stops",
         replaces="fit_with_early_stopping")
def es_loop_fit_one_epoch(model, x, y, x_val, y_val, patience, max_epochs):
    es = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    epochs = 0
    for _ in range(max_epochs):
        model.fit(x, y, validation_data=(x_val, y_val), epochs=1,
                  batch_size=len(x), verbose=0, callbacks=[es])
        epochs += 1
        if model.stop_training:
            break
    return epochs


class _StopAndRestoreOnlyWhenStopping(keras.callbacks.Callback):
    def __init__(self, patience):
        super().__init__()
        self.patience = patience

    def on_train_begin(self, logs=None):
        self.best, self.wait, self.best_weights = np.inf, 0, None

    def on_epoch_end(self, epoch, logs=None):
        current = logs["val_loss"]
        if current < self.best:
            self.best, self.wait = current, 0
            self.best_weights = self.model.get_weights()
        else:
            self.wait += 1
            if self.wait >= self.patience:
                self.model.stop_training = True
                self.model.set_weights(self.best_weights)


@mistake("wrote my own callback that restores the best weights only when it stops early",
         replaces="fit_with_early_stopping")
def es_restore_only_when_stopped(model, x, y, x_val, y_val, patience, max_epochs):
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x),
                        verbose=0, callbacks=[_StopAndRestoreOnlyWhenStopping(patience)])
    return len(history.epoch)


class _CompareToPrevious(keras.callbacks.Callback):
    def __init__(self, patience):
        super().__init__()
        self.patience = patience

    def on_train_begin(self, logs=None):
        self.prev, self.best, self.wait, self.best_weights = np.inf, np.inf, 0, None

    def on_epoch_end(self, epoch, logs=None):
        current = logs["val_loss"]
        if current < self.best:
            self.best = current
            self.best_weights = self.model.get_weights()
        if current < self.prev:
            self.wait = 0
        else:
            self.wait += 1
        self.prev = current
        if self.wait >= self.patience:
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        self.model.set_weights(self.best_weights)


@mistake("counted an epoch as improving when its val_loss beat the previous epoch, not the best so far",
         replaces="fit_with_early_stopping")
def es_compare_to_previous(model, x, y, x_val, y_val, patience, max_epochs):
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x),
                        verbose=0, callbacks=[_CompareToPrevious(patience)])
    return len(history.epoch)


class _TieImproves(keras.callbacks.EarlyStopping):
    def _is_improvement(self, monitor_value, reference_value):
        return reference_value is None or monitor_value <= reference_value


@mistake("treated an equal val_loss (<= best) as an improvement", replaces="fit_with_early_stopping")
def es_tie_counts_as_improvement(model, x, y, x_val, y_val, patience, max_epochs):
    es = _TieImproves(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs,
                        batch_size=len(x), verbose=0, callbacks=[es])
    return len(history.epoch)


# ---------------------------------------------------------------- train_with_step_decay

def _batches(x, y, batch_size):
    for i in range(0, len(x), batch_size):
        yield x[i:i + batch_size], y[i:i + batch_size]


def _train_step(model, optimizer, xb, yb):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(xb), yb)
    loss.backward()
    optimizer.step()


@mistake("recorded the rate after scheduler.step(), i.e. the next epoch's rate", replaces="train_with_step_decay")
def sd_record_after_step(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
        lrs.append(optimizer.param_groups[0]["lr"])
    return lrs


@mistake("recorded scheduler.get_lr() (not get_last_lr()), which is already decayed at the step boundaries",
         replaces="train_with_step_decay")
def sd_record_get_lr(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    import warnings
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lrs.append(float(scheduler.get_lr()[0]))
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("decayed whenever e % step_size == 0, so epoch 0 already runs at lr * gamma",
         replaces="train_with_step_decay")
def sd_decay_at_epoch_zero(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    lrs = []
    for e in range(epochs):
        if e % step_size == 0:
            for g in optimizer.param_groups:
                g["lr"] *= gamma
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
    return lrs


@mistake("used (e + 1) // step_size for the exponent (1-based epochs)", replaces="train_with_step_decay")
def sd_one_based_exponent(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    lr0 = optimizer.param_groups[0]["lr"]
    lrs = []
    for e in range(epochs):
        lr = lr0 * gamma ** ((e + 1) // step_size)
        optimizer.param_groups[0]["lr"] = lr
        lrs.append(lr)
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
    return lrs


@mistake("used ExponentialLR, decaying every epoch and ignoring step_size", replaces="train_with_step_decay")
def sd_exponential(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("used MultiStepLR with milestones=[step_size], so the rate decays only once",
         replaces="train_with_step_decay")
def sd_multistep_once(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[step_size], gamma=gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("made a fresh SGD optimizer at the given optimizer's lr instead of using the one passed in",
         replaces="train_with_step_decay")
def sd_new_optimizer(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    opt = torch.optim.SGD(model.parameters(), lr=optimizer.param_groups[0]["lr"])
    scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(opt.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, opt, xb, yb)
        scheduler.step()
    return lrs


@mistake("changed optimizer.defaults['lr'], which the param group never reads", replaces="train_with_step_decay")
def sd_set_defaults(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    lr0 = optimizer.defaults["lr"]
    lrs = []
    for e in range(epochs):
        optimizer.defaults["lr"] = lr0 * gamma ** (e // step_size)
        lrs.append(optimizer.defaults["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
    return lrs


@mistake("forgot optimizer.zero_grad(), so gradients pile up across batches", replaces="train_with_step_decay")
def sd_no_zero_grad(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()
        scheduler.step()
    return lrs


@mistake("used mse_loss(reduction='sum') instead of the mean", replaces="train_with_step_decay")
def sd_sum_loss(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb, reduction="sum").backward()
            optimizer.step()
        scheduler.step()
    return lrs


@mistake("dropped the last smaller batch (only full batches)", replaces="train_with_step_decay")
def sd_drop_last(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for b in range(len(x) // batch_size):
            sl = slice(b * batch_size, (b + 1) * batch_size)
            _train_step(model, optimizer, x[sl], y[sl])
        scheduler.step()
    return lrs


@mistake("shuffled the samples every epoch with randperm", replaces="train_with_step_decay")
def sd_shuffled(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        perm = torch.randperm(len(x))
        for xb, yb in _batches(x[perm], y[perm], batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("trained on the whole data at once, ignoring batch_size", replaces="train_with_step_decay")
def sd_full_batch(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        _train_step(model, optimizer, x, y)
        scheduler.step()
    return lrs


@mistake("slices x[i:i + batch_size - 1], one sample short per batch", replaces="train_with_step_decay")
def sd_slice_off_by_one(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for i in range(0, len(x), batch_size):
            _train_step(model, optimizer, x[i:i + batch_size - 1], y[i:i + batch_size - 1])
        scheduler.step()
    return lrs


@mistake("returned the rates as 0-d tensors instead of Python floats", replaces="train_with_step_decay")
def sd_tensor_rates(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(torch.tensor(optimizer.param_groups[0]["lr"]))
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("appended scheduler.get_last_lr() itself, giving a list of one-element lists",
         replaces="train_with_step_decay")
def sd_list_of_lists(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(epochs):
        lrs.append(scheduler.get_last_lr())
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("ran range(1, epochs), one epoch short", replaces="train_with_step_decay")
def sd_one_epoch_short(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    lrs = []
    for _ in range(1, epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("returned the closed-form rates but never changed the optimizer's rate", replaces="train_with_step_decay")
def sd_rates_not_applied(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    lr0 = optimizer.param_groups[0]["lr"]
    lrs = []
    for e in range(epochs):
        lrs.append(lr0 * gamma ** (e // step_size))
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
    return lrs


@mistake("passed StepLR(optimizer, gamma, step_size), swapping the two positional arguments",
         replaces="train_with_step_decay")
def sd_steplr_args_swapped(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, gamma, step_size)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
        scheduler.step()
    return lrs


@mistake("used true division e / step_size in the exponent", replaces="train_with_step_decay")
def sd_float_division(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    lr0 = optimizer.param_groups[0]["lr"]
    lrs = []
    for e in range(epochs):
        lr = lr0 * gamma ** (e / step_size)
        optimizer.param_groups[0]["lr"] = lr
        lrs.append(lr)
        for xb, yb in _batches(x, y, batch_size):
            _train_step(model, optimizer, xb, yb)
    return lrs


# Added while strengthening the tests (2026-12)

@mistake("compiled the model again with its own optimizer and loss, 'to be sure'", replaces="fit_with_early_stopping")
def recompile_same_optimizer(model, x, y, x_val, y_val, patience, max_epochs):
    model.compile(optimizer=model.optimizer, loss=model.loss)
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    return len(_fit(model, x, y, x_val, y_val, max_epochs, stop).epoch)


@mistake("returned the rates as a tuple, not a list", replaces="train_with_step_decay")
def rates_as_tuple(model, optimizer, x, y, epochs, batch_size, step_size, gamma):
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])
        _epoch(model, optimizer, x, y, batch_size)
        scheduler.step()
    return tuple(rates)


@mistake("copies min_delta=0.001 from a tutorial, so small drops of val_loss don't count as improvements",
         replaces="fit_with_early_stopping")
def tutorial_min_delta(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, min_delta=0.001,
                                            restore_best_weights=True)
    history = model.fit(x, y, epochs=max_epochs, batch_size=len(x), validation_data=(x_val, y_val),
                        callbacks=[stopper], verbose=0)
    return len(history.epoch)
