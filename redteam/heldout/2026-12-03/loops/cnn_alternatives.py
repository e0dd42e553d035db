"""Blind red team: correct answers in other styles for kata loops/cnn."""
from collections import OrderedDict

import torch
from torch import nn
from torch.nn import functional as F
from katas._support.mistakes import alternative


@alternative(
    "functional style: only the Conv2d/Linear layers are attributes; ReLU, max pooling and "
    "flatten are F.relu, F.max_pool2d and torch.flatten(x, 1) calls in forward",
    replaces="ImageClassifier",
)
class FunctionalImageClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(64 * 7 * 7, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.max_pool2d(F.relu(self.conv1(x)), kernel_size=2)
        x = F.max_pool2d(F.relu(self.conv2(x)), kernel_size=2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


@alternative(
    "subclasses nn.Sequential with named layers from an OrderedDict; forward is inherited",
    replaces="ImageClassifier",
)
class SequentialImageClassifier(nn.Sequential):
    def __init__(self) -> None:
        super().__init__(OrderedDict([
            ("conv1", nn.Conv2d(1, 32, 3, padding=1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding=1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(3136, 128)),
            ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(128, 10)),
        ]))


@alternative(
    "one nn.Sequential per block plus a head list in nn.ModuleList; flattening with "
    "x.reshape(x.size(0), -1) and ReLU modules with inplace=True",
    replaces="ImageClassifier",
)
class BlockwiseImageClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.block1 = nn.Sequential(nn.Conv2d(1, 32, 3, 1, 1), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2))
        self.block2 = nn.Sequential(nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2))
        self.head = nn.ModuleList([nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.block2(self.block1(x))
        x = x.reshape(x.size(0), -1)
        for layer in self.head:
            x = layer(x)
        return x
