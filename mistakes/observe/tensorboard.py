"""Named mistakes of kata observe/tensorboard."""

import copy
import os

import keras
import numpy as np
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


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- train_and_log


@mistake("I numbered the epochs from 1 like a human would (global_step = e + 1)",
         replaces="train_and_log")
def steps_from_one(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(1, epochs + 1):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I never closed or flushed the writer, so the last buffered events may never reach the file",
         replaces="train_and_log")
def writer_never_closed(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(logdir)
    losses = []
    for e in range(epochs):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        writer.add_scalar("loss", loss.item(), e)
        for name, p in model.named_parameters():
            writer.add_histogram(name, p, e)
    return losses


@mistake("I wrote the events into a 'train' subfolder like Keras does", replaces="train_and_log")
def torch_train_subfolder(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(os.path.join(logdir, "train")) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I returned the loss tensors (detached) instead of Python floats", replaces="train_and_log")
def returns_tensors(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I returned a tuple of the losses", replaces="train_and_log")
def returns_tuple(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return tuple(losses)


@mistake("I made my own SGD(lr=0.01) optimizer instead of using the one passed in",
         replaces="train_and_log")
def makes_own_optimizer(model, optimizer, x, y, epochs, logdir):
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I used reduction='sum' for the MSE", replaces="train_and_log")
def summed_mse(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y, reduction="sum")
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I summed the squared error over the outputs and averaged over the rows only",
         replaces="train_and_log")
def per_row_mse(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = ((model(x) - y) ** 2).sum(dim=1).mean()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I forgot optimizer.zero_grad(), so gradients pile up across epochs", replaces="train_and_log")
def no_zero_grad(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I squeezed the prediction, so (N,) against (N, 1) targets broadcasts to an N x N loss",
         replaces="train_and_log")
def squeezed_prediction(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x).squeeze(), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I tagged the histograms with the last part of the name only ('weight', 'bias')",
         replaces="train_and_log")
def short_histogram_tags(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name.split(".")[-1], p, e)
    return losses


@mistake("I turned the dots into slashes so TensorBoard groups the histograms ('0/weight')",
         replaces="train_and_log")
def slashed_histogram_tags(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name.replace(".", "/"), p, e)
    return losses


@mistake("I logged a histogram of each parameter's gradient instead of the parameter",
         replaces="train_and_log")
def histograms_of_grads(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p.grad, e)
    return losses


@mistake("I logged the histograms once, after training, instead of every epoch", replaces="train_and_log")
def histograms_once_at_end(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
        for name, p in model.named_parameters():
            writer.add_histogram(name, p, epochs - 1)
    return losses


@mistake("I only logged histograms of the weights, skipping the biases", replaces="train_and_log")
def weights_only_histograms(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                if "weight" in name:
                    writer.add_histogram(name, p, e)
    return losses


@mistake("I used add_scalars('loss', {...}), which writes the curve into a subfolder",
         replaces="train_and_log")
def add_scalars_subfolder(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalars("loss", {"train": loss.item()}, e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I tagged the scalar 'train/loss' so it gets its own section", replaces="train_and_log")
def namespaced_loss_tag(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("train/loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I logged the loss twice per epoch (before and after the step) at the same step",
         replaces="train_and_log")
def loss_logged_twice(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            writer.add_scalar("loss", loss.item(), e)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                writer.add_scalar("loss", torch.nn.functional.mse_loss(model(x), y).item(), e)
            losses.append(loss.item())
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("I opened a new SummaryWriter every epoch (one event file per epoch)", replaces="train_and_log")
def writer_per_epoch(model, optimizer, x, y, epochs, logdir):
    losses = []
    for e in range(epochs):
        with SummaryWriter(logdir) as writer:
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


_GLOBAL_STEP = [0]


@mistake("I kept a module-level step counter, so a second call continues where the first stopped",
         replaces="train_and_log")
def global_step_leaks(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for _ in range(epochs):
            step = _GLOBAL_STEP[0]
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), step)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, step)
            _GLOBAL_STEP[0] += 1
    return losses


@mistake("I trained a deepcopy of the model to keep the caller's one clean", replaces="train_and_log")
def trains_a_copy(model, optimizer, x, y, epochs, logdir):
    model = copy.deepcopy(model)
    optimizer = type(optimizer)(model.parameters(), **optimizer.defaults)
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


@mistake("range(1, epochs): one epoch short", replaces="train_and_log")
def one_epoch_short(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(1, epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e - 1)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e - 1)
    return losses


# ---------------------------------------------------------------- fit_and_log

def _tb(logdir, **kw):
    kw.setdefault("histogram_freq", 1)
    return keras.callbacks.TensorBoard(log_dir=logdir, **kw)


@mistake("I compiled the model again with sgd/mse to be sure it is set up", replaces="fit_and_log")
def recompiles(model, x, y, epochs, batch_size, logdir):
    model.compile(optimizer="sgd", loss="mse")
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    return h.history["loss"]


@mistake("I left shuffle at its default (True)", replaces="fit_and_log")
def shuffled(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0, callbacks=[_tb(logdir)])
    return h.history["loss"]


@mistake("I left histogram_freq at its default, so no histograms are written", replaces="fit_and_log")
def no_histograms(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[keras.callbacks.TensorBoard(log_dir=logdir)])
    return h.history["loss"]


@mistake("I set histogram_freq=2 to save disk", replaces="fit_and_log")
def histograms_every_other_epoch(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir, histogram_freq=2)])
    return h.history["loss"]


@mistake("I held out 20% for validation (validation_split=0.2)", replaces="fit_and_log")
def with_validation_split(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  validation_split=0.2, callbacks=[_tb(logdir)])
    return h.history["loss"]


@mistake("I pointed the callback at <logdir>/train myself", replaces="fit_and_log")
def keras_train_subfolder(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(os.path.join(logdir, "train"))])
    return h.history["loss"]


@mistake("I returned the whole history dict", replaces="fit_and_log")
def returns_history_dict(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    return h.history


@mistake("I returned the losses as a NumPy array", replaces="fit_and_log")
def returns_numpy_array(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    return np.asarray(h.history["loss"], dtype=np.float32)


@mistake("I started at initial_epoch=1 so the curve starts at epoch 1", replaces="fit_and_log")
def initial_epoch_one(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs + 1, initial_epoch=1, batch_size=batch_size, shuffle=False,
                  verbose=0, callbacks=[_tb(logdir)])
    return h.history["loss"]


@mistake("I forgot to pass batch_size (Keras uses 32)", replaces="fit_and_log")
def default_batch_size(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, shuffle=False, verbose=0, callbacks=[_tb(logdir)])
    return h.history["loss"]


@mistake("I called fit(epochs=1) in a loop, so every epoch is logged at step 0", replaces="fit_and_log")
def fit_in_a_loop(model, x, y, epochs, batch_size, logdir):
    cb = _tb(logdir)
    losses = []
    for _ in range(epochs):
        h = model.fit(x, y, epochs=1, batch_size=batch_size, shuffle=False, verbose=0, callbacks=[cb])
        losses += h.history["loss"]
    return losses


@mistake("I also wrote my own copy of the losses with tf.summary straight into logdir",
         replaces="fit_and_log")
def extra_writer_in_logdir(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    import tensorflow as tf

    losses = h.history["loss"]
    w = tf.summary.create_file_writer(logdir)
    with w.as_default():
        for e, v in enumerate(losses):
            tf.summary.scalar("loss", v, step=e)
    w.close()
    return losses


@mistake("I returned the loss of a final model.evaluate per epoch instead of the fit history",
         replaces="fit_and_log")
def evaluate_after_fit(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    final = model.evaluate(x, y, batch_size=batch_size, verbose=0)
    final = final[0] if isinstance(final, (list, tuple)) else final
    return h.history["loss"][:-1] + [float(final)]


_CALLBACK = {}


@mistake("I cached the TensorBoard callback in a module global; the next call logs to the old folder",
         replaces="fit_and_log")
def cached_callback(model, x, y, epochs, batch_size, logdir):
    if "cb" not in _CALLBACK:
        _CALLBACK["cb"] = _tb(logdir)
    h = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0,
                  callbacks=[_CALLBACK["cb"]])
    return h.history["loss"]


@mistake("I used the whole data set as one batch (batch_size=len(x))", replaces="fit_and_log")
def full_batch(model, x, y, epochs, batch_size, logdir):
    h = model.fit(x, y, epochs=epochs, batch_size=len(x), shuffle=False, verbose=0,
                  callbacks=[_tb(logdir)])
    return h.history["loss"]


# Added after the red team's notes: the docstring now rules add_scalars out (a subfolder per curve)

@mistake("logs 'loss' right, plus an extra learning-rate curve through add_scalars, which writes a subfolder "
         "(a second event file) into logdir", replaces="train_and_log")
def extra_curve_with_add_scalars(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            writer.add_scalars("lr", {"group0": optimizer.param_groups[0]["lr"]}, e)
            for name, p in model.named_parameters():
                writer.add_histogram(name, p, e)
    return losses


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("made a clean optimizer of the same kind and settings for this model, not the one given", replaces="train_and_log")
def same_settings_new_optimizer(model, optimizer, x, y, epochs, logdir):
    optimizer = type(optimizer)(model.parameters(), **optimizer.defaults)
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
                writer.add_histogram(name, param, epoch)
    return losses
