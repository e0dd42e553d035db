"""Blind red team: wrong answers for kata loops/digits."""
import numpy as np
import torch
from torch import nn

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- prepare

@mistake("hard-coded 16 (the digits' maximum) instead of using max_value", replaces="prepare")
def prepare_hardcoded_16(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.tensor(images.reshape(len(images), -1), dtype=torch.float32) / 16


@mistake("divided by the largest pixel actually in the batch instead of max_value", replaces="prepare")
def prepare_batch_max(images: np.ndarray, max_value: float) -> torch.Tensor:
    flat = torch.tensor(images.reshape(len(images), -1), dtype=torch.float32)
    return flat / flat.max()


@mistake("torch.from_numpy(images / max_value): NumPy's true division gives float64, not float32",
         replaces="prepare")
def prepare_float64(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.from_numpy(images / max_value).reshape(len(images), -1)


@mistake("hard-coded 64 pixels per row (8x8 digits): breaks for any other image size", replaces="prepare")
def prepare_hardcoded_64(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.tensor(images, dtype=torch.float32).reshape(-1, 64) / max_value


@mistake("flattened everything into one long vector (N*H*W,) instead of one row per image", replaces="prepare")
def prepare_flat_vector(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.tensor(images, dtype=torch.float32).flatten() / max_value


@mistake("flattened column by column (transposed H and W first), so pixels end up in the wrong order",
         replaces="prepare")
def prepare_column_major(images: np.ndarray, max_value: float) -> torch.Tensor:
    t = torch.tensor(images, dtype=torch.float32).transpose(1, 2)
    return t.reshape(t.shape[0], -1) / max_value


@mistake("returned the scaled NumPy array, never converted to a torch tensor", replaces="prepare")
def prepare_returns_numpy(images: np.ndarray, max_value: float) -> torch.Tensor:
    return (images.reshape(len(images), -1) / max_value).astype(np.float32)


@mistake("used floor division //, so every pixel below max_value becomes 0", replaces="prepare")
def prepare_floor_division(images: np.ndarray, max_value: float) -> torch.Tensor:
    return torch.tensor(images.reshape(len(images), -1) // max_value, dtype=torch.float32)


@mistake("scaled to [-1, 1] (centred) instead of [0, 1]", replaces="prepare")
def prepare_centered(images: np.ndarray, max_value: float) -> torch.Tensor:
    flat = torch.tensor(images.reshape(len(images), -1), dtype=torch.float32)
    return flat / max_value * 2 - 1


@mistake("scaled the caller's array in place with np.divide(out=...) before converting", replaces="prepare")
def prepare_in_place(images: np.ndarray, max_value: float) -> torch.Tensor:
    if np.issubdtype(images.dtype, np.floating):
        np.divide(images, max_value, out=images)
        scaled = images
    else:
        scaled = images / max_value
    return torch.tensor(scaled.reshape(len(scaled), -1), dtype=torch.float32)


# ---------------------------------------------------------------- digit_mlp

@mistake("forgot the ReLU between the two Linear layers", replaces="digit_mlp")
def mlp_without_relu(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.Linear(128, 10))


@mistake("hard-coded 64 inputs (the 8x8 digits) and ignored n_inputs", replaces="digit_mlp")
def mlp_hardcoded_inputs(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


@mistake("ended the network with Softmax, so it returns probabilities, not logits", replaces="digit_mlp")
def mlp_with_softmax(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))


@mistake("put a ReLU after the output layer as well (logits clipped at 0)", replaces="digit_mlp")
def mlp_relu_on_logits(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10), nn.ReLU())


@mistake("used a hidden layer of 64 units instead of 128", replaces="digit_mlp")
def mlp_hidden_64(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 64), nn.ReLU(), nn.Linear(64, 10))


@mistake("used Sigmoid as the activation instead of ReLU", replaces="digit_mlp")
def mlp_sigmoid(n_inputs: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_inputs, 128), nn.Sigmoid(), nn.Linear(128, 10))


@mistake("wrote an nn.Module subclass instead of returning the nn.Sequential the signature asks for",
         replaces="digit_mlp")
def mlp_module_subclass(n_inputs: int) -> nn.Sequential:
    class DigitMLP(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = nn.Linear(n_inputs, 128)
            self.out = nn.Linear(128, 10)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.out(torch.relu(self.hidden(x)))

    return DigitMLP()


# ---------------------------------------------------------------- probabilities

@mistake("softmax over dim=0 (the batch) instead of over the classes: columns sum to 1", replaces="probabilities")
def softmax_over_batch(logits: torch.Tensor) -> torch.Tensor:
    return torch.softmax(logits, dim=0)


@mistake("used sigmoid: each probability is in (0, 1) but the rows do not sum to 1", replaces="probabilities")
def sigmoid_probabilities(logits: torch.Tensor) -> torch.Tensor:
    return torch.sigmoid(logits)


@mistake("softmax by hand, exp / sum, without subtracting the row max: large logits overflow to nan",
         replaces="probabilities")
def naive_exp_softmax(logits: torch.Tensor) -> torch.Tensor:
    e = torch.exp(logits)
    return e / e.sum(dim=1, keepdim=True)


@mistake("exponentiated in place with exp_(), overwriting the caller's logits", replaces="probabilities")
def in_place_softmax(logits: torch.Tensor) -> torch.Tensor:
    logits.sub_(logits.max(dim=1, keepdim=True).values).exp_()
    return logits / logits.sum(dim=1, keepdim=True)


@mistake("returned log_softmax (log-probabilities) instead of probabilities", replaces="probabilities")
def log_probabilities(logits: torch.Tensor) -> torch.Tensor:
    return torch.log_softmax(logits, dim=1)


@mistake("normalised the whole batch at once (softmax over every entry): only right for a single row",
         replaces="probabilities")
def softmax_over_everything(logits: torch.Tensor) -> torch.Tensor:
    return torch.softmax(logits.flatten(), dim=0).reshape(logits.shape)


@mistake("divided each logit by its row sum instead of using softmax", replaces="probabilities")
def divide_by_row_sum(logits: torch.Tensor) -> torch.Tensor:
    return logits / logits.sum(dim=1, keepdim=True)


# ---------------------------------------------------------------- accuracy

@mistake("returned the 0-d tensor from .mean() instead of a Python float", replaces="accuracy")
def accuracy_as_tensor(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return (logits.argmax(dim=1) == labels).float().mean()


@mistake("argmax over dim=0 (the batch): only runs when there are as many rows as classes", replaces="accuracy")
def accuracy_argmax_dim0(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return (logits.argmax(dim=0) == labels).float().mean().item()


@mistake("returned the number of right rows, not the fraction", replaces="accuracy")
def accuracy_count(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return float((logits.argmax(dim=1) == labels).sum().item())


@mistake("returned a percentage (0..100) instead of a fraction in [0, 1]", replaces="accuracy")
def accuracy_percent(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return 100.0 * (logits.argmax(dim=1) == labels).float().mean().item()


@mistake("integer tensor division: correct.sum() // len(labels) is 0 unless every row is right",
         replaces="accuracy")
def accuracy_floor_division(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return float((logits.argmax(dim=1) == labels).sum() // len(labels))


@mistake("divided by the number of classes (logits.shape[1]) instead of the number of rows", replaces="accuracy")
def accuracy_wrong_denominator(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return (logits.argmax(dim=1) == labels).sum().item() / logits.shape[1]


@mistake("rounded the result to two decimals for display", replaces="accuracy")
def accuracy_rounded(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return round((logits.argmax(dim=1) == labels).float().mean().item(), 2)


@mistake("thresholded the softmax at 0.5 (binary-classifier habit) instead of taking the argmax",
         replaces="accuracy")
def accuracy_threshold(logits: torch.Tensor, labels: torch.Tensor) -> float:
    probs = torch.softmax(logits, dim=1)
    picked = probs.gather(1, labels.view(-1, 1)).squeeze(1)
    return (picked > 0.5).float().mean().item()


# ---------------------------------------------------------------- train_digits

@mistake("never seeded anything: the trained weights change from run to run", replaces="train_digits")
def train_unseeded(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True)
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


@mistake("returned the model still in train mode (forgot model.eval())", replaces="train_digits")
def train_returns_train_mode(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model


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


@mistake("used nll_loss on the raw logits (no log_softmax), thinking it is the same as cross_entropy",
         replaces="train_digits")
def train_nll_on_logits(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.nll_loss(model(xb), yb).backward()
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


@mistake("trained on the whole set as one batch (no mini-batches): 10 Adam steps in all", replaces="train_digits")
def train_full_batch(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), labels).backward()
        opt.step()
    return model.eval()


@mistake("used plain SGD(lr=0.01) instead of Adam", replaces="train_digits")
def train_with_sgd(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            opt.step()
    return model.eval()


@mistake("standardised the caller's x in place (x.sub_(mean).div_(std)) before training", replaces="train_digits")
def train_normalises_input_in_place(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10,
                                    seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    x.sub_(x.mean()).div_(x.std())
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


@mistake("trained only on the first mini-batch of each epoch (returned from the batch loop with break)",
         replaces="train_digits")
def train_first_batch_only(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
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
            break
    return model.eval()


@mistake("passed the arguments to cross_entropy as (labels, logits)", replaces="train_digits")
def train_swapped_loss_args(x: torch.Tensor, labels: torch.Tensor, epochs: int = 10, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, labels), batch_size=32, shuffle=True,
        generator=torch.Generator().manual_seed(seed))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(yb, model(xb)).backward()
            opt.step()
    return model.eval()
