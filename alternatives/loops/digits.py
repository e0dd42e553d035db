"""Correct alternatives of kata loops/digits: other styles the tests must accept."""

from collections import OrderedDict

import numpy as np
import torch
from torch import nn

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("NumPy first: astype(float32), reshape(N, -1), divide by a float32 max, then torch.from_numpy",
             replaces="prepare")
def prepare_numpy_first(images: np.ndarray, max_value: float) -> torch.Tensor:
    flat = np.asarray(images, dtype=np.float32).reshape(images.shape[0], -1)
    return torch.from_numpy(flat / np.float32(max_value))


@alternative("nn.Sequential built from an OrderedDict with named layers", replaces="digit_mlp")
def mlp_ordered_dict(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(n_inputs, 128)),
        ("relu", nn.ReLU()),
        ("logits", nn.Linear(128, 10)),
    ]))


@alternative("by hand with the max trick: exp(x - max) / sum", replaces="probabilities")
def softmax_by_hand_stable(logits: torch.Tensor) -> torch.Tensor:
    shifted = logits - logits.max(dim=1, keepdim=True).values
    e = shifted.exp()
    return e / e.sum(dim=1, keepdim=True)


@alternative("count with torch.eq(...).sum().item() and divide by len(labels) in Python "
             "(gives 0.6666666666666666 rather than the float32 0.6666666865348816)", replaces="accuracy")
def accuracy_python_division(logits: torch.Tensor, labels: torch.Tensor) -> float:
    correct = torch.eq(torch.argmax(logits, dim=1), labels).sum().item()
    return correct / len(labels)


@alternative("global seed only (torch.manual_seed also drives the DataLoader's shuffling), batch 64, "
             "explicit model.train()", replaces="train_digits")
def train_global_seed_only(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    dataset = torch.utils.data.TensorDataset(x, labels)
    loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for _epoch in range(epochs):
        for xb, yb in loader:
            logits = model(xb)
            loss = nn.functional.cross_entropy(logits, yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    return model


@alternative("seeded torch.Generator passed to the DataLoader, plus random/np seeds; zero_grad(set_to_none=True) "
             "at the end of each step; model.train(False) to finish", replaces="train_digits")
def train_seeded_generator(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    import random
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    generator = torch.Generator()
    generator.manual_seed(seed)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
                                         generator=generator)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters())
    for _ in range(epochs):
        for xb, yb in loader:
            nn.functional.cross_entropy(model(xb), yb).backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return model.train(False)
