"""Named mistakes of kata loops/digits."""

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import mistake


@mistake("divided by 255 as for MNIST, whatever the data's largest value", replaces="prepare")
def divided_by_255(images, max_value):
    return (torch.as_tensor(images, dtype=torch.float32) / 255).flatten(start_dim=1)


@mistake("flattened the whole batch into one row", replaces="prepare")
def flattened_batch(images, max_value):
    return (torch.as_tensor(images, dtype=torch.float32) / max_value).flatten()[None]


@mistake("softmax over the batch (dim 0)", replaces="probabilities")
def softmax_over_batch(logits):
    return torch.softmax(logits, dim=0)


@mistake("counted the right answers instead of taking their fraction", replaces="accuracy")
def count(logits, labels):
    return float((logits.argmax(dim=1) == labels).sum().item())


@mistake("no hidden layer: one Linear layer is a linear classifier", replaces="digit_mlp")
def no_hidden_layer(n_inputs):
    return nn.Sequential(nn.Linear(n_inputs, 10))


# Written blind, from the stub alone (red team, 2026-12)


@mistake("divided by the largest pixel actually in the batch instead of max_value", replaces="prepare")
def prepare_batch_max(images: np.ndarray, max_value: float) -> torch.Tensor:
    flat = torch.tensor(images.reshape(len(images), -1), dtype=torch.float32)
    return flat / flat.max()


@mistake("flattened column by column (transposed H and W first), so pixels end up in the wrong order",
         replaces="prepare")
def prepare_column_major(images: np.ndarray, max_value: float) -> torch.Tensor:
    t = torch.tensor(images, dtype=torch.float32).transpose(1, 2)
    return t.reshape(t.shape[0], -1) / max_value


@mistake("scaled the caller's array in place with np.divide(out=...) before converting", replaces="prepare")
def prepare_in_place(images: np.ndarray, max_value: float) -> torch.Tensor:
    if np.issubdtype(images.dtype, np.floating):
        np.divide(images, max_value, out=images)
        scaled = images
    else:
        scaled = images / max_value
    return torch.tensor(scaled.reshape(len(scaled), -1), dtype=torch.float32)


@mistake("forgot the ReLU between the two Linear layers", replaces="digit_mlp")
def mlp_without_relu(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.Linear(128, 10))


@mistake("ended the network with Softmax, so it returns probabilities, not logits", replaces="digit_mlp")
def mlp_with_softmax(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))


@mistake("softmax by hand, exp / sum, without subtracting the row max: large logits overflow to nan",
         replaces="probabilities")
def naive_exp_softmax(logits: torch.Tensor) -> torch.Tensor:
    e = torch.exp(logits)
    return e / e.sum(dim=1, keepdim=True)


@mistake("exponentiated in place with exp_(), overwriting the caller's logits", replaces="probabilities")
def in_place_softmax(logits: torch.Tensor) -> torch.Tensor:
    logits.sub_(logits.max(dim=1, keepdim=True).values).exp_()
    return logits / logits.sum(dim=1, keepdim=True)


@mistake("returned the 0-d tensor from .mean() instead of a Python float", replaces="accuracy")
def accuracy_as_tensor(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return (logits.argmax(dim=1) == labels).float().mean()


@mistake("thresholded the softmax at 0.5 (binary-classifier habit) instead of taking the argmax",
         replaces="accuracy")
def accuracy_threshold(logits: torch.Tensor, labels: torch.Tensor) -> float:
    probs = torch.softmax(logits, dim=1)
    picked = probs.gather(1, labels.view(-1, 1)).squeeze(1)
    return (picked > 0.5).float().mean().item()


@mistake("seeded only the DataLoader's generator, after building the model: the initial weights are unseeded",
         replaces="train_digits")
def train_model_built_before_seed(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10,
                                  seed: int = 0) -> nn.Module:
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("seeded with a hard-coded 0 instead of the seed argument: every seed gives the same model",
         replaces="train_digits")
def train_hardcoded_seed(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(0))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("forgot optimizer.zero_grad(): gradients pile up across every batch", replaces="train_digits")
def train_no_zero_grad(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("DataLoader without shuffle=True: the batches come in the same order every epoch",
         replaces="train_digits")
def train_unshuffled(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=False,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("off by one: for epoch in range(1, epochs) runs epochs - 1 epochs (and none at all for epochs=1)",
         replaces="train_digits")
def train_one_epoch_short(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _epoch in range(1, epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


# Held-out blind round (2026-12-02): written from the stub alone and run against the tests as they were;
# the tests let these through until they were strengthened.

@mistake("used torch.from_numpy(...).float() and divided in place with /= to save memory; "
         "for a float32 array .float() is the same storage, so the caller's images get divided",
         replaces="prepare")
def prepare_divides_shared_storage_in_place(images, max_value):
    t = torch.from_numpy(images).float()
    t /= max_value
    return t.reshape(t.shape[0], -1)


@mistake("started the network with nn.Flatten() like the PyTorch quickstart does",
         replaces="digit_mlp")
def mlp_with_leading_flatten(n_inputs):
    return nn.Sequential(nn.Flatten(), nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10))


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("counted a row as right when its label's logit equals the largest: a tie counts for every label tied",
         replaces="accuracy")
def ties_count_as_right(logits, labels):
    best = logits.max(dim=1).values
    return (logits.gather(1, labels[:, None]).squeeze(1) == best).float().mean().item()


def _loop(model, x, labels, epochs, seed, loss_of):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(x, labels), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_of(model(xb), yb).backward()
            optimizer.step()
    return model.eval()


@mistake("built the model inline and left out the ReLU: not a digit_mlp", replaces="train_digits")
def trained_without_relu(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.Linear(128, 10))
    return _loop(model, x, labels, epochs, seed, nn.functional.cross_entropy)


@mistake("gave cross_entropy the softmax probabilities instead of the raw logits", replaces="train_digits")
def softmax_before_cross_entropy(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    return _loop(model, x, labels, epochs, seed, lambda logits, y: nn.functional.cross_entropy(logits.softmax(1), y))
