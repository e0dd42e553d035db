"""Named mistakes of kata loops/modes."""

import torch

from katas._support.mistakes import mistake


@mistake("predicted in train mode: dropout still active", replaces="predict")
def train_mode(model, x):
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("left the model in eval mode", replaces="predict")
def not_restored(model, x):
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("recorded a graph: no torch.no_grad()", replaces="predict")
def with_graph(model, x):
    was_training = model.training
    model.eval()
    probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("softmax over the batch (dim 0) instead of over the classes", replaces="predict")
def softmax_over_batch(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=0)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)
