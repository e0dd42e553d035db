"""Kata loops/modes: train mode, eval mode, and inference.

Some layers behave differently while training: ``nn.Dropout`` zeroes random activations (and
scales up the rest) in train mode and does nothing in eval mode; ``nn.BatchNorm`` uses the batch's
statistics in train mode and its running averages in eval mode. ``model.eval()`` and
``model.train()`` switch every sub-module at once; ``model.training`` tells which mode it is in.
Inference needs no graph either: ``torch.no_grad()``.
"""

import torch
from torch import nn


def predict(model: nn.Module, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Class probabilities (softmax of the logits over the classes, dim 1) and the predicted
    class of each row (the index of its largest probability, int64, shape (N,)), as a tuple
    ``(probabilities, classes)``, for a model that outputs logits of shape (N, classes). The
    probabilities keep the logits' dtype; both tensors are on x's device.

    The same every time it is called: the model runs in eval mode, inside a
    ``with torch.no_grad():`` block (no graph recorded; recording is back on afterwards). The
    model comes in train or in eval mode, the whole of it alike, and is left as it was: in that
    mode (every sub-module: ``model.train(was_training)`` sets them all), its parameters and
    buffers (BatchNorm's running statistics) unchanged.

    >>> probabilities, classes = predict(model, torch.randn(3, 4))   # model: 4 features -> 2 classes
    >>> probabilities.sum(dim=1), classes
    (tensor([1., 1., 1.]), tensor([1, 0, 1]))
    """
    raise NotImplementedError("predict(): not implemented yet (kata loops/modes)")
