"""Blind red team: wrong answers for kata loops/cnn."""
import torch
from torch import nn
from torch.nn import functional as F
from katas._support.mistakes import mistake


@mistake(
    "I left out padding=1 on the convolutions (28 -> 26 -> 13 -> 11 -> 5) and sized the first "
    "Linear as 64 * 5 * 5 to make it fit: wrong spatial sizes and wrong parameter count",
    replaces="ImageClassifier",
)
class NoPaddingClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I ended the network with a Softmax, so forward returns probabilities, not the last "
    "Linear layer's logits",
    replaces="ImageClassifier",
)
class SoftmaxClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
            nn.Softmax(dim=1),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I forgot the ReLU between the two Linear layers of the head",
    replaces="ImageClassifier",
)
class HeadWithoutReluClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.Linear(128, 10))

    def forward(self, x):
        return self.head(self.features(x))


@mistake(
    "I added a Dropout(0.5) in the head out of habit; the docstring says nothing more (no "
    "dropout), and in train mode the output is random",
    replaces="ImageClassifier",
)
class DropoutClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I used nn.LazyLinear(128) so I didn't have to work out 64 * 7 * 7; a fresh model then has "
    "uninitialized parameters instead of all 421,642",
    replaces="ImageClassifier",
)
class LazyHeadClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.LazyLinear(128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I squeezed the output to drop stray dimensions, which turns a batch of one image into "
    "shape (10,) instead of (1, 10)",
    replaces="ImageClassifier",
)
class SqueezedOutputClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x).squeeze()


@mistake(
    "I kept the layers in a plain Python list, so nn.Module never registers them: "
    "parameters() is empty and an optimizer would see nothing",
    replaces="ImageClassifier",
)
class PlainListClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        ]

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


@mistake(
    "I used kernel 5 with padding 2 (same output size, so shapes still work) instead of "
    "kernel 3 with padding 1",
    replaces="ImageClassifier",
)
class Kernel5Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I used AvgPool2d(2) where the spec says MaxPool2d(2): same shapes and parameter count, "
    "different function",
    replaces="ImageClassifier",
)
class AvgPoolClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)


@mistake(
    "I flattened channels-last (permute to NHWC first, as Keras would), so the first Linear "
    "layer sees the 3136 features in a different order than torch's Flatten of NCHW",
    replaces="ImageClassifier",
)
class ChannelsLastFlattenClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc1 = nn.Linear(64 * 7 * 7, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.permute(0, 2, 3, 1).flatten(1)
        return self.fc2(F.relu(self.fc1(x)))


@mistake(
    "I wrote the first head layer by hand as x @ W + b with W shaped (3136, 128), the transpose "
    "of how nn.Linear shapes its weight (out, in)",
    replaces="ImageClassifier",
)
class TransposedHeadWeightClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.w1 = nn.Parameter(torch.randn(64 * 7 * 7, 128) * (64 * 7 * 7) ** -0.5)
        self.b1 = nn.Parameter(torch.zeros(128))
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.relu(torch.flatten(x, 1) @ self.w1 + self.b1)
        return self.fc2(x)


@mistake(
    "I halved the picture with stride-2 convolutions instead of MaxPool2d: same shapes and "
    "parameter count, but no pooling layer and a different function",
    replaces="ImageClassifier",
)
class StridedConvClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )

    def forward(self, x):
        return self.net(x)
