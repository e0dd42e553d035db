"""Kata autograd/numeric_gradient: check autograd against a finite difference.

A central difference estimates each partial derivative from two evaluations:
``(f(x + h·e_i) - f(x - h·e_i)) / (2h)``. In float64 with h ≈ 1e-6 it agrees with autograd to
many digits, which makes it the standard check of a hand-written backward.
"""

from collections.abc import Callable

import torch


def central_difference(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float = 1e-6) -> torch.Tensor:
    """The numerical gradient of the scalar function ``f`` at ``x``: a float64 tensor of ``x``'s
    shape whose element i is ``(f(x + h·e_i) - f(x - h·e_i)) / (2h)``, where e_i is 1 at element i
    and 0 elsewhere, one element at a time, with the step ``h`` given (not always 1e-6).

    ``x`` is a float64 tensor of any shape: 0-d, and non-contiguous views (``a.T``), included.
    ``f`` takes a tensor of x's shape and returns a 0-d tensor. ``x`` is left as it was (its
    values, ``requires_grad`` and ``.grad``): perturb copies, not x.

    >>> central_difference(lambda x: (x ** 2).sum(), torch.tensor([1.0, 2.0], dtype=torch.float64))
    tensor([2.0000, 4.0000], dtype=torch.float64)
    """
    raise NotImplementedError("central_difference(): not implemented yet (kata autograd/numeric_gradient)")


def gradients_agree(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                    rtol: float = 1e-5, atol: float = 1e-7) -> bool:
    """True when autograd's gradient of ``f`` at ``x`` (float64, as above) matches
    ``central_difference(f, x)`` (its default h) within the tolerances given, else False.

    Match means element by element, as ``torch.allclose`` checks: ``|autograd - numeric| <=
    atol + rtol·|numeric|`` for every element (taking either gradient as the reference is fine).
    The answer is a Python ``bool``, not a tensor. ``x`` is left as it was: take autograd's
    gradient on a copy, so a second call gives the same answer.
    """
    raise NotImplementedError("gradients_agree(): not implemented yet (kata autograd/numeric_gradient)")
