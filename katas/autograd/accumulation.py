"""Kata autograd/accumulation: gradients add up.

Every ``.backward()`` adds into ``.grad``; it never replaces it. That is why a training loop
zeroes the gradients before each step (``optimizer.zero_grad()``): otherwise each step would
use the sum of all earlier gradients.
"""

from collections.abc import Callable

import torch


def accumulated_grad(f: Callable[[torch.Tensor], torch.Tensor], w: float, passes: int) -> float:
    """Evaluate f at w and call backward ``passes`` times without zeroing in between; return
    the final ``.grad`` of w as a float (``passes`` times df/dw).

    >>> accumulated_grad(lambda w: w * w, 3.0, passes=2)   # 2 * (2 * 3)
    12.0
    """
    raise NotImplementedError("accumulated_grad(): not implemented yet (kata autograd/accumulation)")


def per_batch_grads(model: torch.nn.Linear, batches: list[tuple[torch.Tensor, torch.Tensor]]) -> list[torch.Tensor]:
    """For each (x, y) batch, the gradient of the MSE loss (torch.nn.functional.mse_loss) of
    ``model(x)`` against y with respect to ``model.weight``, each batch on its own: zero the
    gradients before each batch. Do not change the weights. Return one tensor per batch.
    """
    raise NotImplementedError("per_batch_grads(): not implemented yet (kata autograd/accumulation)")
