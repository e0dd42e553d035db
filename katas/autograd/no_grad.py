"""Kata autograd/no_grad: switching the graph off.

Autograd records every operation on tensors that require grad. For inference you do not want
that record (it costs memory and time); for frozen layers you do not want their gradients.
"""

import torch


def predict(model: torch.nn.Module, x: torch.Tensor) -> torch.Tensor:
    """``model(x)`` computed without recording a graph: the result does not require grad.

    The forward pass itself must run with grad mode off (``torch.no_grad()``, or
    ``torch.inference_mode()``; the tests watch the mode the model runs in): calling ``model(x)`` normally and then ``.detach()`` on the
    output records the whole graph first. Call the model once. Afterwards grad mode is as it
    was before (on again; still off for a caller that had turned it off), and the model's
    parameters are still trainable (do not freeze them).

    >>> predict(torch.nn.Linear(2, 1), torch.ones(3, 2)).requires_grad
    False
    """
    raise NotImplementedError("predict(): not implemented yet (kata autograd/no_grad)")


def detached(t: torch.Tensor) -> torch.Tensor:
    """A tensor with ``t``'s values, sharing its memory, cut from the graph (no grad).

    Same dtype and shape as ``t``, and the same memory (``data_ptr()``), also when ``t`` is a
    non-contiguous view: no copy. ``t`` itself is left as it was, still in its graph; ``t``
    may be a leaf or a tensor computed inside a graph.

    >>> detached(torch.ones(2, requires_grad=True)).requires_grad
    False
    """
    raise NotImplementedError("detached(): not implemented yet (kata autograd/no_grad)")


def freeze_all_but_last(model: torch.nn.Sequential) -> torch.nn.Sequential:
    """Freeze every parameter of ``model`` except those of its last layer that has parameters
    (they no longer get gradients); return the same model.

    "Layers" are the model's direct children, in order (``model[0]``, ``model[1]``, ...). The last
    one may have no parameters (a ReLU, a Dropout): then the last layer that has some stays
    trainable, all of its parameters, the bias (if any) too. Every parameter of every earlier
    layer, norm layers and biases included, gets ``requires_grad`` False. Freeze in place and
    return ``model`` itself. All parameters start trainable.

    >>> nn = torch.nn
    >>> m = freeze_all_but_last(nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1), nn.ReLU()))
    >>> [p.requires_grad for p in m.parameters()]
    [False, False, True, True]
    """
    raise NotImplementedError("freeze_all_but_last(): not implemented yet (kata autograd/no_grad)")
