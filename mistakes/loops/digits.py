"""Named mistakes of kata loops/digits."""

import torch
from torch import nn

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
