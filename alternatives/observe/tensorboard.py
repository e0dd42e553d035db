"""Correct answers of kata observe/tensorboard in other styles than the reference."""

import keras
import torch
from torch.nn import functional as F
from torch.utils.tensorboard import SummaryWriter

from katas._support.mistakes import alternative


@alternative("writer closed in try/finally, the loss logged as a tensor in the new style (a tensor event), "
             "histograms from NumPy copies", replaces="train_and_log")
def new_style_scalars(model, optimizer, x, y, epochs, logdir):
    writer = SummaryWriter(log_dir=logdir)
    losses = []
    try:
        for epoch in range(epochs):
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            writer.add_scalar("loss", loss.detach(), global_step=epoch, new_style=True)
            for name, param in model.named_parameters():
                writer.add_histogram(name, param.detach().cpu().numpy(), global_step=epoch)
            losses.append(loss.item())
    finally:
        writer.close()
    return losses


@alternative("a Keras fit per epoch (initial_epoch), each with its own callback, and no graph written",
             replaces="fit_and_log")
def fit_per_epoch(model, x, y, epochs, batch_size, logdir):
    losses = []
    for epoch in range(epochs):
        board = keras.callbacks.TensorBoard(logdir, histogram_freq=1, write_graph=False)
        history = model.fit(x=x, y=y, batch_size=batch_size, epochs=epoch + 1, initial_epoch=epoch, shuffle=False,
                            verbose=0, callbacks=[board])
        losses += [float(v) for v in history.history["loss"]]
    return losses
