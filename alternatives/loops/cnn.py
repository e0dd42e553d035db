"""Correct alternatives of kata loops/cnn: other styles the tests must accept."""

import torch
from torch import nn
from torch.nn import functional as F

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


@alternative("named layers as attributes, functional F.relu / F.max_pool2d / torch.flatten in forward",
             replaces="ImageClassifier")
class FunctionalForwardClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(64 * 7 * 7, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


@alternative("one flat nn.Sequential held as self.net, padding='same', ReLU(inplace=True)",
             replaces="ImageClassifier")
class SingleSequentialClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding="same"),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(32, 64, 3, padding="same"),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Flatten(),
            nn.Linear(3136, 128),
            nn.ReLU(inplace=True),
            nn.Linear(128, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


@alternative("subclasses nn.Sequential directly (forward inherited), blocks built by a helper",
             replaces="ImageClassifier")
class SequentialSubclassClassifier(nn.Sequential):
    @staticmethod
    def _block(c_in: int, c_out: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(c_in, c_out, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2))

    def __init__(self) -> None:
        super().__init__(
            self._block(1, 32),
            self._block(32, 64),
            nn.Sequential(nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10)),
        )


@alternative("ModuleList of blocks looped over in forward, flatten with x.view(x.size(0), -1), "
             "a single shared ReLU module", replaces="ImageClassifier")
class ModuleListClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.convs = nn.ModuleList([nn.Conv2d(c_in, c_out, 3, padding=1) for c_in, c_out in [(1, 32), (32, 64)]])
        self.hidden = nn.Linear(64 * 7 * 7, 128)
        self.out = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for conv in self.convs:
            x = self.pool(self.relu(conv(x)))
        x = x.view(x.size(0), -1)
        return self.out(self.relu(self.hidden(x)))
