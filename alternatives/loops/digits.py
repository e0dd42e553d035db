"""Correct alternatives of kata loops/digits: other styles the tests must accept."""

import random
from collections import OrderedDict

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

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


# Held-out blind round (2026-12-02): written from the stub alone; each was accepted before and after
# the tests were strengthened against that round's mistakes.

@alternative("torch first: float32 tensor, flatten(start_dim=1), then .div(max_value) in float32",
             replaces="prepare")
def prepare_torch_flatten_div(images, max_value):
    return torch.tensor(images, dtype=torch.float32).flatten(start_dim=1).div(max_value)


@alternative("NumPy first: astype(float32) / float32(max_value), reshape(len, -1), torch.from_numpy",
             replaces="prepare")
def prepare_numpy_then_from_numpy(images, max_value):
    scaled = images.astype(np.float32) / np.float32(max_value)
    return torch.from_numpy(scaled.reshape(len(images), -1))


@alternative("as_tensor view reshaped with the explicit H * W, then .to(float32) / max_value",
             replaces="prepare")
def prepare_as_tensor_reshape_hw(images, max_value):
    n, h, w = images.shape
    return torch.as_tensor(images).reshape(n, h * w).to(torch.float32) / max_value


@alternative("nn.Sequential built from an OrderedDict with named layers (hidden, relu, out)",
             replaces="digit_mlp")
def mlp_named_layers(n_inputs):
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(n_inputs, 128)),
        ("relu", nn.ReLU()),
        ("out", nn.Linear(128, 10)),
    ]))


@alternative("nn.Sequential grown with .append, ReLU(inplace=True)", replaces="digit_mlp")
def mlp_appended_inplace_relu(n_inputs):
    model = nn.Sequential()
    model.append(nn.Linear(in_features=n_inputs, out_features=128))
    model.append(nn.ReLU(inplace=True))
    model.append(nn.Linear(in_features=128, out_features=10))
    return model


@alternative("by hand, stable: subtract amax(dim=-1, keepdim=True), exp, divide by the row sums",
             replaces="probabilities")
def probs_by_hand_stable(logits):
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    e = shifted.exp()
    return e / e.sum(dim=-1, keepdim=True)


@alternative("exp of log_softmax over the last dim", replaces="probabilities")
def probs_exp_log_softmax(logits):
    return torch.log_softmax(logits, dim=-1).exp()


@alternative("an nn.Softmax(dim=1) module called on the logits", replaces="probabilities")
def probs_softmax_module(logits):
    return nn.Softmax(dim=1)(logits)


@alternative("torch.eq(...).sum().item() divided by labels.numel() (int / int, exact fraction)",
             replaces="accuracy")
def accuracy_count_over_numel(logits, labels):
    return torch.eq(logits.argmax(dim=-1), labels).sum().item() / labels.numel()


@alternative("a generator expression over rows, one argmax per row", replaces="accuracy")
def accuracy_row_loop(logits, labels):
    hits = sum(int(row.argmax()) == int(label) for row, label in zip(logits, labels))
    return hits / len(labels)


@alternative("NumPy: argmax(axis=1) on detached arrays, float(np.mean(...))", replaces="accuracy")
def accuracy_numpy(logits, labels):
    preds = logits.detach().cpu().numpy().argmax(axis=1)
    return float(np.mean(preds == labels.detach().cpu().numpy()))


@alternative("nn.CrossEntropyLoss module, batches of 32, explicit seeded torch.Generator for the "
             "DataLoader, zero_grad after step, model.train(False) at the end", replaces="train_digits")
def train_batch32_generator(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    gen = torch.Generator()
    gen.manual_seed(seed)
    loader = DataLoader(TensorDataset(x, labels.long()), batch_size=32, shuffle=True, generator=gen)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for epoch in range(epochs):
        for xb, yb in loader:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    model.train(False)
    return model


@alternative("seeds python random, NumPy and torch; global-RNG DataLoader of 64; Adam lr=3e-3; "
             "epoch loop written as while", replaces="train_digits")
def train_seed_everything_lr3e3(x, labels, epochs=10, seed=0):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    done = 0
    while done < epochs:
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            logits = model(xb)
            loss = nn.functional.cross_entropy(logits, yb)
            loss.backward()
            optimizer.step()
        done += 1
    model.eval()
    return model


# Found by the spec audit (2026-12-03): a correct answer an earlier test refused


@alternative("prints the whole data's loss after each epoch (computed with grad on, only to watch it)",
             replaces="train_digits")
def train_watching_the_loss(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(x, labels), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    history = []
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            optimizer.step()
        history.append(nn.functional.cross_entropy(model(x), labels).item())
    return model.eval()
