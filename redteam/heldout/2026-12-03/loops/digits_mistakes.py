"""Blind red team: wrong answers for kata loops/digits."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- prepare


@mistake(
    "I divided by images.max() (the largest pixel present) instead of max_value, so a batch "
    "whose darkest pixel is below max_value is scaled up",
    replaces="prepare",
)
def prepare_divides_by_present_max(images, max_value):
    flat = images.reshape(len(images), -1)
    return torch.tensor(flat / flat.max(), dtype=torch.float32)


@mistake(
    "I divided in NumPy and used torch.from_numpy, which keeps NumPy's float64: the tensor is "
    "float64, not float32",
    replaces="prepare",
)
def prepare_float64(images, max_value):
    return torch.from_numpy(images.reshape(images.shape[0], -1) / max_value)


@mistake(
    "I made the array float with np.asarray(images, dtype=float) and divided it in place; for "
    "an input that is already float64 that is the caller's own array, so it gets changed",
    replaces="prepare",
)
def prepare_divides_caller_array_in_place(images, max_value):
    pixels = np.asarray(images, dtype=float)
    pixels /= max_value
    return torch.from_numpy(pixels.reshape(len(pixels), -1)).float()


# ---------------------------------------------------------------- digit_mlp


@mistake(
    "I put a Softmax at the end of the network so it outputs probabilities; the docstring says "
    "10 logits, no softmax",
    replaces="digit_mlp",
)
def digit_mlp_with_softmax(n_inputs):
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))


# ---------------------------------------------------------------- probabilities


@mistake(
    "I wrote softmax as exp(logits) / sum(exp(logits)) without subtracting the row max: a row "
    "of 1000s overflows to inf/inf = nan",
    replaces="probabilities",
)
def probabilities_naive_exp(logits):
    exps = torch.exp(logits)
    return exps / exps.sum(dim=1, keepdim=True)


@mistake(
    "I subtracted the row max in place (logits -= ...), which changes the caller's logits",
    replaces="probabilities",
)
def probabilities_shift_in_place(logits):
    logits -= logits.max(dim=1, keepdim=True).values
    exps = logits.exp()
    return exps / exps.sum(dim=1, keepdim=True)


# ---------------------------------------------------------------- accuracy


@mistake(
    "I returned (predictions == labels).float().mean(), a 0-d tensor, not a Python float",
    replaces="accuracy",
)
def accuracy_returns_tensor(logits, labels):
    return (logits.argmax(dim=1) == labels).float().mean()


@mistake(
    "I returned a percentage (times 100) instead of a fraction in [0, 1]",
    replaces="accuracy",
)
def accuracy_as_percentage(logits, labels):
    correct = (logits.argmax(dim=1) == labels).sum().item()
    return 100.0 * correct / len(labels)


# ---------------------------------------------------------------- train_digits


@mistake(
    "I built the DataLoader (with a generator seeded from seed) inside the epoch loop, so every "
    "epoch replays the same order instead of shuffling anew",
    replaces="train_digits",
)
def train_digits_same_order_every_epoch(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(epochs):
        generator = torch.Generator().manual_seed(seed)
        loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True, generator=generator)
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
    return model.eval()


@mistake(
    "I copied torch.manual_seed(0) from a tutorial and never used the seed argument, so another "
    "seed gives the same model",
    replaces="train_digits",
)
def train_digits_ignores_seed(x, labels, epochs=10, seed=0):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
    return model.eval()


@mistake(
    "I returned the model straight from the training loop, still in train mode; the docstring "
    "says eval mode",
    replaces="train_digits",
)
def train_digits_left_in_train_mode(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
    return model


@mistake(
    "I set drop_last=True to keep the batches even, so the short last batch is never trained "
    "on: epochs are not full passes over the data",
    replaces="train_digits",
)
def train_digits_drops_last_batch(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True, drop_last=True,
                        generator=torch.Generator().manual_seed(seed))
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
    return model.eval()
