"""Blind red team: wrong answers for kata loops/digits."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- prepare

@mistake("scaled by the brightest pixel in the batch, images.max(), instead of max_value",
         replaces="prepare")
def prepare_divides_by_largest_pixel(images, max_value):
    flat = images.reshape(images.shape[0], -1)
    return torch.tensor(flat / flat.max(), dtype=torch.float32)


@mistake("used torch.from_numpy(...).float() and divided in place with /= to save memory; "
         "for a float32 array .float() is the same storage, so the caller's images get divided",
         replaces="prepare")
def prepare_divides_shared_storage_in_place(images, max_value):
    t = torch.from_numpy(images).float()
    t /= max_value
    return t.reshape(t.shape[0], -1)


# ---------------------------------------------------------------- digit_mlp

@mistake("put a Softmax at the end of the network so it outputs probabilities",
         replaces="digit_mlp")
def mlp_with_final_softmax(n_inputs):
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))


@mistake("started the network with nn.Flatten() like the PyTorch quickstart does",
         replaces="digit_mlp")
def mlp_with_leading_flatten(n_inputs):
    return nn.Sequential(nn.Flatten(), nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10))


# ---------------------------------------------------------------- probabilities

@mistake("wrote softmax straight from the formula, exp / sum of exp, without subtracting the max",
         replaces="probabilities")
def probs_naive_exp(logits):
    e = torch.exp(logits)
    return e / e.sum(dim=1, keepdim=True)


@mistake("subtracted each row's max in place (logits -= ...) before exp, which changes the caller's logits",
         replaces="probabilities")
def probs_shift_in_place(logits):
    logits -= logits.max(dim=1, keepdim=True).values
    e = logits.exp()
    return e / e.sum(dim=1, keepdim=True)


# ---------------------------------------------------------------- accuracy

@mistake("returned (preds == labels).float().mean() and forgot .item(), so it is a 0-d tensor",
         replaces="accuracy")
def accuracy_returns_tensor(logits, labels):
    return (logits.argmax(dim=1) == labels).float().mean()


@mistake("counted a row as right when the label's logit equals the row's max, so a tie counts as "
         "right for every tied class", replaces="accuracy")
def accuracy_label_logit_is_max(logits, labels):
    label_logit = logits.gather(1, labels.view(-1, 1)).squeeze(1)
    right = label_logit == logits.max(dim=1).values
    return right.sum().item() / len(labels)


# ---------------------------------------------------------------- train_digits

def _make_mlp(n_inputs):
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10))


@mistake("built the model first and called torch.manual_seed(seed) afterwards, only for the "
         "DataLoader, so the initial weights are not seeded", replaces="train_digits")
def train_seeds_after_building_model(x, labels, epochs=10, seed=0):
    model = _make_mlp(x.shape[1])
    torch.manual_seed(seed)
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True)
    opt = torch.optim.Adam(model.parameters())
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("forgot optimizer.zero_grad(), so each step uses the gradients of all earlier batches too",
         replaces="train_digits")
def train_without_zero_grad(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = _make_mlp(x.shape[1])
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True)
    opt = torch.optim.Adam(model.parameters())
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("returned the model straight after the loop without model.eval() (it has no dropout, so "
         "I thought it did not matter)", replaces="train_digits")
def train_returns_train_mode(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = _make_mlp(x.shape[1])
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True)
    opt = torch.optim.Adam(model.parameters())
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model


@mistake("set drop_last=True so every batch is exactly 64 rows; the last 1437 % 64 rows are skipped "
         "every epoch", replaces="train_digits")
def train_drops_last_batch(x, labels, epochs=10, seed=0):
    torch.manual_seed(seed)
    model = _make_mlp(x.shape[1])
    loader = DataLoader(TensorDataset(x, labels), batch_size=64, shuffle=True, drop_last=True)
    opt = torch.optim.Adam(model.parameters())
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()
