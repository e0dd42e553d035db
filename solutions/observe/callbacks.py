"""Reference answer of kata observe/callbacks."""

import keras
import numpy as np
import torch
from torch import nn


def fit_with_early_stopping(model: keras.Model, x: np.ndarray, y: np.ndarray, x_val: np.ndarray,
                            y_val: np.ndarray, patience: int, max_epochs: int) -> int:
    early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                                   restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x),
                        callbacks=[early_stopping], verbose=0)
    return len(history.epoch)


def train_with_step_decay(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
                          epochs: int, batch_size: int, step_size: int, gamma: float) -> list[float]:
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    rates = []
    for _ in range(epochs):
        rates.append(optimizer.param_groups[0]["lr"])  # the rate this epoch trains with
        for start in range(0, len(x), batch_size):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(x[start:start + batch_size]), y[start:start + batch_size]).backward()
            optimizer.step()
        scheduler.step()  # once per epoch, after its optimizer steps: the next epoch's rate
    return rates
