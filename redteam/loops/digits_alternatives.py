"""Blind red team: correct answers in other styles for kata loops/digits."""
from collections import OrderedDict

import numpy as np
import torch
from torch import nn

from katas._support.mistakes import alternative


# ---------------------------------------------------------------- prepare

@alternative("NumPy first: astype(float32), reshape(N, -1), divide by a float32 max, then torch.from_numpy",
             replaces="prepare")
def prepare_numpy_first(images: np.ndarray, max_value: float) -> torch.Tensor:
    flat = np.asarray(images, dtype=np.float32).reshape(images.shape[0], -1)
    return torch.from_numpy(flat / np.float32(max_value))


@alternative("torch.from_numpy(...).float(), then .div(max_value) and .flatten(start_dim=1)", replaces="prepare")
def prepare_flatten_start_dim(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(images)).float().div(max_value).flatten(start_dim=1)


@alternative("one row per image with a comprehension and torch.stack, multiply by 1 / max_value in float64 "
             "then cast", replaces="prepare")
def prepare_stack_rows(images: np.ndarray, max_value: float) -> torch.Tensor:
    rows = [torch.as_tensor(np.asarray(img, dtype=np.float64).ravel()) for img in images]
    return (torch.stack(rows) / float(max_value)).to(torch.float32)


# ---------------------------------------------------------------- digit_mlp

@alternative("nn.Sequential built from an OrderedDict with named layers", replaces="digit_mlp")
def mlp_ordered_dict(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(OrderedDict([
        ("hidden", nn.Linear(n_inputs, 128)),
        ("relu", nn.ReLU()),
        ("logits", nn.Linear(128, 10)),
    ]))


@alternative("empty nn.Sequential grown with .append, ReLU(inplace=True), keyword arguments", replaces="digit_mlp")
def mlp_append(n_inputs: int) -> nn.Sequential:
    model = nn.Sequential()
    model.append(nn.Linear(in_features=n_inputs, out_features=128))
    model.append(nn.ReLU(inplace=True))
    model.append(nn.Linear(in_features=128, out_features=10))
    return model


@alternative("layers listed in a Python list and unpacked into nn.Sequential(*layers)", replaces="digit_mlp")
def mlp_unpacked_list(n_inputs: int) -> nn.Sequential:
    sizes = [n_inputs, 128, 10]
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        if i:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(a, b))
    return nn.Sequential(*layers)


# ---------------------------------------------------------------- probabilities

@alternative("tensor method logits.softmax(dim=-1)", replaces="probabilities")
def softmax_method_last_dim(logits: torch.Tensor) -> torch.Tensor:
    return logits.softmax(dim=-1)


@alternative("by hand with the max trick: exp(x - max) / sum", replaces="probabilities")
def softmax_by_hand_stable(logits: torch.Tensor) -> torch.Tensor:
    shifted = logits - logits.max(dim=1, keepdim=True).values
    e = shifted.exp()
    return e / e.sum(dim=1, keepdim=True)


@alternative("exp of nn.functional.log_softmax", replaces="probabilities")
def softmax_via_log_softmax(logits: torch.Tensor) -> torch.Tensor:
    return torch.exp(nn.functional.log_softmax(logits, dim=1))


@alternative("an nn.Softmax(dim=1) module applied to the logits", replaces="probabilities")
def softmax_module(logits: torch.Tensor) -> torch.Tensor:
    return nn.Softmax(dim=1)(logits)


# ---------------------------------------------------------------- accuracy

@alternative("count with torch.eq(...).sum().item() and divide by len(labels) in Python "
             "(gives 0.6666666666666666 rather than the float32 0.6666666865348816)", replaces="accuracy")
def accuracy_python_division(logits: torch.Tensor, labels: torch.Tensor) -> float:
    correct = torch.eq(torch.argmax(logits, dim=1), labels).sum().item()
    return correct / len(labels)


@alternative("torch.max(logits, 1) indices, compared and averaged as float32, float(...)", replaces="accuracy")
def accuracy_torch_max(logits: torch.Tensor, labels: torch.Tensor) -> float:
    _, predicted = torch.max(logits, 1)
    return float((predicted == labels).to(torch.float32).mean())


@alternative("NumPy: argmax(axis=1) on .numpy(), np.mean(dtype=float32) of the matches, cast to float",
             replaces="accuracy")
def accuracy_numpy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    predicted = logits.detach().cpu().numpy().argmax(axis=1)
    return float(np.mean(predicted == labels.cpu().numpy(), dtype=np.float32))


@alternative("softmax probabilities argmax (same argmax as the logits), count_nonzero / numel in float32 "
             "tensors, .item()", replaces="accuracy")
def accuracy_from_probabilities(logits: torch.Tensor, labels: torch.Tensor) -> float:
    predicted = torch.softmax(logits, dim=1).argmax(dim=1)
    correct = torch.count_nonzero(predicted == labels).to(torch.float32)
    return (correct / labels.numel()).item()


# ---------------------------------------------------------------- train_digits

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


@alternative("a while loop over epochs, a local torch.random.fork_rng so the caller's global RNG is untouched, "
             "batch size 32, lr 2e-3", replaces="train_digits")
def train_fork_rng(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, labels), batch_size=32,
                                             shuffle=True, generator=torch.Generator().manual_seed(seed))
        optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
        epoch = 0
        while epoch < epochs:
            for xb, yb in loader:
                optimizer.zero_grad()
                loss = nn.functional.cross_entropy(input=model(xb), target=yb)
                loss.backward()
                optimizer.step()
            epoch += 1
    return model.eval()
