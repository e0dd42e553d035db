"""Kata autograd/accumulation: gradients add up.

Every ``.backward()`` adds into ``.grad``; it never replaces it. That is why a training loop
zeroes the gradients before each step (``optimizer.zero_grad()``): otherwise each step would
use the sum of all earlier gradients.
"""

from collections.abc import Callable

import torch


def accumulated_grad(f: Callable[[torch.Tensor], torch.Tensor], w: float, passes: int) -> float:
    """Evaluate f at w and call backward ``passes`` times (``passes >= 1``) without zeroing in
    between; return the final ``.grad`` of w as a Python float (``passes`` times df/dw).

    As in autograd/derivative, ``f`` takes a 0-d tensor: make w a float32 (the default) or
    float64 tensor with ``requires_grad=True``; the answer is checked to the precision of that
    dtype. Evaluating f once and calling ``backward(retain_graph=True)`` each time, or
    re-evaluating f before each backward, are both fine; but backward must really run
    ``passes`` times: multiplying the loss or the gradient by ``passes`` is not accumulating.

    >>> accumulated_grad(lambda w: w * w, 3.0, passes=2)   # 2 * (2 * 3)
    12.0
    """
    raise NotImplementedError("accumulated_grad(): not implemented yet (kata autograd/accumulation)")


def per_batch_grads(model: torch.nn.Linear, batches: list[tuple[torch.Tensor, torch.Tensor]]) -> list[torch.Tensor]:
    """For each (x, y) batch, the gradient of the MSE loss (torch.nn.functional.mse_loss, its
    default mean) of ``model(x)`` against y with respect to ``model.weight``, each batch on its
    own: zero the gradients before each batch. The model may come with a stale ``.grad`` left
    from earlier work; it must not leak into any batch, the first one included.

    Return a list with one tensor per batch (``model.weight``'s shape and dtype; each its own
    tensor, which later batches leave as it was: ``.grad`` itself is zeroed and refilled in
    place, so clone it). Do not change the parameters (no optimizer step) or the batches. What
    ``.grad`` holds after the call is up to you.
    """
    raise NotImplementedError("per_batch_grads(): not implemented yet (kata autograd/accumulation)")
