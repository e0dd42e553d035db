"""Blind red team: correct answers in other styles for kata loops/digits."""
from collections import OrderedDict

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from katas._support.mistakes import alternative


@alternative(
    "converts to a tensor first (torch.as_tensor), flattens with torch.flatten(start_dim=1), "
    "casts to float32 and divides out of place in torch",
    replaces="prepare",
)
def prepare_in_torch(images, max_value):
    pixels = torch.as_tensor(images)
    pixels = torch.flatten(pixels, start_dim=1).to(torch.float32)
    return pixels / max_value


@alternative(
    "names the layers with an OrderedDict (nn.Sequential keeps index access: model[0] is the "
    "first Linear)",
    replaces="digit_mlp",
)
def digit_mlp_named(n_inputs):
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(n_inputs, 128)),
        ("relu", nn.ReLU()),
        ("logits", nn.Linear(128, 10)),
    ]))


@alternative(
    "stable softmax by hand: subtract each row's max (amax, keepdim), exp, divide by the row "
    "sum, all out of place",
    replaces="probabilities",
)
def probabilities_by_hand(logits):
    shifted = logits - logits.amax(dim=1, keepdim=True)
    exps = torch.exp(shifted)
    return exps / exps.sum(dim=1, keepdim=True)


@alternative(
    "the tutorial idiom: (argmax == labels).float().mean().item(), a Python float computed in "
    "float32",
    replaces="accuracy",
)
def accuracy_float_mean_item(logits, labels):
    return (logits.argmax(dim=1) == labels).float().mean().item()


@alternative(
    "seeds only torch's global generator (torch.manual_seed) and lets DataLoader(shuffle=True) "
    "draw from it; nn.CrossEntropyLoss module; optimizer.zero_grad(set_to_none=True)",
    replaces="train_digits",
)
def train_digits_global_seed(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True)
    model.train()
    for epoch in range(epochs):
        for inputs, targets in loader:
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(inputs), targets)
            loss.backward()
            optimizer.step()
    model.eval()
    return model
