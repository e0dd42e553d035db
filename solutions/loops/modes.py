"""Reference answer of kata loops/modes."""

import torch
from torch import nn


def predict(model: nn.Module, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            probabilities = torch.softmax(model(x), dim=1)
    finally:
        model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)
