"""Blind red team: correct answers in other styles for kata loops/cnn."""
from collections import OrderedDict

import torch
from torch import nn
from torch.nn import functional as F
from katas._support.mistakes import alternative


@alternative("layers as named attributes, forward with F.relu / F.max_pool2d / torch.flatten(x, 1)",
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


@alternative("one nn.Sequential with padding='same', kernel_size=(3, 3), in-place ReLUs and "
             "nn.Flatten(start_dim=1)", replaces="ImageClassifier")
class SamePaddingClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=(3, 3), padding="same"),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2),
            nn.Conv2d(32, 64, kernel_size=(3, 3), padding="same"),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2),
            nn.Flatten(start_dim=1),
            nn.Linear(3136, 128),
            nn.ReLU(inplace=True),
            nn.Linear(128, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)


@alternative("a block() helper, separate features / classifier Sequentials, flatten with "
             "x.reshape(x.size(0), -1)", replaces="ImageClassifier")
class BlocksClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()

        def block(in_channels: int, out_channels: int) -> nn.Sequential:
            return nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 3, padding=1),
                nn.ReLU(),
                nn.MaxPool2d(2),
            )

        self.features = nn.Sequential(block(1, 32), block(32, 64))
        self.classifier = nn.Sequential(nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.features(x)
        x = x.reshape(x.size(0), -1)
        return self.classifier(x)


@alternative("subclasses nn.Sequential itself with an OrderedDict of named layers "
             "(forward inherited)", replaces="ImageClassifier")
class NamedSequentialClassifier(nn.Sequential):
    def __init__(self) -> None:
        super().__init__(OrderedDict([
            ("conv1", nn.Conv2d(1, 32, 3, padding=1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding=1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(64 * 7 * 7, 128)),
            ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(128, 10)),
        ]))
