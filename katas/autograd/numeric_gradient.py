"""Kata autograd/numeric_gradient: check autograd against a finite difference.

A central difference estimates each partial derivative from two evaluations:
``(f(x + h·e_i) - f(x - h·e_i)) / (2h)``. In float64 with h ≈ 1e-6 it agrees with autograd to
many digits, which makes it the standard check of a hand-written backward.
"""

from collections.abc import Callable

import torch


def central_difference(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float = 1e-6) -> torch.Tensor:
    """The numerical gradient of the scalar function ``f`` at ``x`` (float64): a tensor of
    ``x``'s shape whose element i is the central difference along element i. ``x`` is left as
    it was.

    >>> central_difference(lambda x: (x ** 2).sum(), torch.tensor([1.0, 2.0], dtype=torch.float64))
    tensor([2.0000, 4.0000], dtype=torch.float64)
    """
    raise NotImplementedError("central_difference(): not implemented yet (kata autograd/numeric_gradient)")


def gradients_agree(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                    rtol: float = 1e-5, atol: float = 1e-7) -> bool:
    """True when autograd's gradient of ``f`` at ``x`` matches ``central_difference`` within
    the tolerances, else False.
    """
    raise NotImplementedError("gradients_agree(): not implemented yet (kata autograd/numeric_gradient)")
