"""Blind red team: wrong answers for kata observe/tensorboard."""
import keras
import torch
from torch.utils.tensorboard import SummaryWriter

from katas._support.mistakes import mistake

# state a learner keeps at module level (the "leaks between calls" mistakes)
_LEAKED_STEP = {"step": 0}


# ---------------------------------------------------------------- train_and_log


@mistake("I logged epoch e at step e + 1 (epochs count from 1, like Keras' progress bar), "
         "so the curve starts at step 1 instead of step 0", replaces="train_and_log")
def steps_counted_from_one(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e + 1)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), e + 1)
    return losses


@mistake("I wrote the parameter histograms right after backward, before optimizer.step(): "
         "they show the weights at the start of the epoch, not after its step", replaces="train_and_log")
def histograms_before_the_step(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), e)
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
    return losses


@mistake("I logged and returned the loss measured again after the step (the 'new' loss), "
         "not the loss computed before the epoch's step", replaces="train_and_log")
def loss_measured_after_the_step(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                after = torch.nn.functional.mse_loss(model(x), y).item()
            losses.append(after)
            writer.add_scalar("loss", after, e)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), e)
    return losses


@mistake("I opened a `with SummaryWriter(logdir)` block inside the epoch loop: one writer per "
         "epoch, so logdir ends up with one event file per epoch instead of exactly one",
         replaces="train_and_log")
def one_writer_per_epoch(model, optimizer, x, y, epochs, logdir):
    losses = []
    for e in range(epochs):
        with SummaryWriter(logdir) as writer:
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), e)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), e)
    return losses


@mistake("I used add_scalars('loss', {'train': loss}) to group the curve: it writes into a "
         "subfolder of logdir (an event file of its own), and there is no plain 'loss' tag",
         replaces="train_and_log")
def grouped_with_add_scalars(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for e in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalars("loss", {"train": loss.item()}, e)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), e)
    return losses


@mistake("I never closed (or flushed) the writer: I thought it writes as it goes, but it "
         "buffers, so the event file is incomplete when the function returns",
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
        for name, param in model.named_parameters():
            writer.add_histogram(name, param.detach(), e)
    return losses


@mistake("I kept a global step counter at module level so the steps keep growing: a second "
         "call starts at step `epochs` of the first call instead of 0 again",
         replaces="train_and_log")
def step_counter_kept_between_calls(model, optimizer, x, y, epochs, logdir):
    losses = []
    with SummaryWriter(logdir) as writer:
        for _ in range(epochs):
            step = _LEAKED_STEP["step"]
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            writer.add_scalar("loss", loss.item(), step)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach(), step)
            _LEAKED_STEP["step"] = step + 1
    return losses


# ---------------------------------------------------------------- fit_and_log


@mistake("I set update_freq='batch' to get a finer curve: the callback then writes batch_... "
         "tags as well", replaces="fit_and_log")
def logged_every_batch(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1, update_freq="batch")
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("I called fit(epochs=1) in a loop, without initial_epoch: every epoch is logged at "
         "step 0", replaces="fit_and_log")
def epoch_loop_without_initial_epoch(model, x, y, epochs, batch_size, logdir):
    losses = []
    for _ in range(epochs):
        callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
        history = model.fit(x, y, epochs=1, batch_size=batch_size, shuffle=False,
                            callbacks=[callback], verbose=0)
        losses.append(float(history.history["loss"][0]))
    return losses


@mistake("I left shuffle at fit's default (True): the batches are not the ones the "
         "docstring asks for (shuffle=False), so the losses differ from the replay",
         replaces="fit_and_log")
def shuffled_batches(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("I forgot histogram_freq=1 (the callback's default 0 writes no weight histograms)",
         replaces="fit_and_log")
def no_weight_histograms(model, x, y, epochs, batch_size, logdir):
    callback = keras.callbacks.TensorBoard(log_dir=logdir)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]


@mistake("I compiled the model again before fitting (out of habit), with my own optimizer, "
         "instead of fitting it as it came compiled", replaces="fit_and_log")
def compiled_again(model, x, y, epochs, batch_size, logdir):
    model.compile(optimizer="adam", loss="mse")
    callback = keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False,
                        callbacks=[callback], verbose=0)
    return [float(v) for v in history.history["loss"]]
