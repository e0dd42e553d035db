"""Reference answer of kata loops/digits."""

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def prepare(images: np.ndarray, max_value: float) -> torch.Tensor:
    x = torch.as_tensor(images, dtype=torch.float32) / max_value
    return x.flatten(start_dim=1)


def digit_mlp(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10))


def probabilities(logits: torch.Tensor) -> torch.Tensor:
    return torch.softmax(logits, dim=1)


def accuracy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return (logits.argmax(dim=1) == labels).float().mean().item()


def train_digits(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = digit_mlp(x.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(x, labels), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            optimizer.step()
    return model.eval()
