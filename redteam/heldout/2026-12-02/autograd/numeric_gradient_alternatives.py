"""Blind red team: correct answers in other styles for kata autograd/numeric_gradient."""
import math

import numpy as np
import torch
from katas._support.mistakes import alternative


def _numeric(f, x, h=1e-6):
    base = x.detach().to(torch.float64).contiguous().clone()
    out = torch.zeros(base.shape, dtype=torch.float64)
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += h
        xm = base.clone()
        xm.view(-1)[i] -= h
        out.view(-1)[i] = (f(xp).detach() - f(xm).detach()) / (2 * h)
    return out


@alternative("one-hot basis from torch.eye, a list comprehension, torch.tensor(..., dtype=float64)",
             replaces="central_difference")
def eye_basis_comprehension(f, x, h=1e-6):
    base = x.detach().to(torch.float64)
    n = base.numel()
    basis = torch.eye(n, dtype=torch.float64).reshape(n, *base.shape)
    vals = [(f(base + h * e) - f(base - h * e)).item() / (2 * h) for e in basis]
    return torch.tensor(vals, dtype=torch.float64).reshape(base.shape)


@alternative("index by unravelled tuples, result keeps x's strides (zeros_like, may be non-contiguous)",
             replaces="central_difference")
def unravelled_index_same_strides(f, x, h=1e-6):
    out = torch.zeros_like(x, dtype=torch.float64, requires_grad=False)
    for flat in range(x.numel()):
        idx = tuple(int(i) for i in np.unravel_index(flat, tuple(x.shape)))
        xp = x.detach().clone()
        xm = x.detach().clone()
        xp[idx] = xp[idx] + h
        xm[idx] = xm[idx] - h
        out[idx] = (f(xp) - f(xm)).detach() / (2 * h)
    return out


@alternative("numpy array copy, flat iteration, back to torch with torch.from_numpy",
             replaces="central_difference")
def via_numpy(f, x, h=1e-6):
    arr = x.detach().cpu().numpy().astype(np.float64).copy()
    grad = np.zeros_like(arr)
    it = np.nditer(arr, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        plus = arr.copy()
        plus[i] += h
        minus = arr.copy()
        minus[i] -= h
        fp = float(f(torch.from_numpy(plus)))
        fm = float(f(torch.from_numpy(minus)))
        grad[i] = (fp - fm) / (2 * h)
    return torch.from_numpy(grad).reshape(x.shape)


@alternative("backward() on a fresh leaf built with torch.tensor(..., requires_grad=True)",
             replaces="gradients_agree")
def backward_on_copy(f, x, rtol=1e-5, atol=1e-7):
    leaf = torch.tensor(x.detach().cpu().numpy(), dtype=torch.float64, requires_grad=True)
    f(leaf).backward()
    return torch.allclose(leaf.grad, _numeric(f, x), rtol=rtol, atol=atol)


@alternative("torch.testing.assert_close in try/except", replaces="gradients_agree")
def assert_close_try(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_()
    (g,) = torch.autograd.grad(f(xc), xc)
    try:
        torch.testing.assert_close(g, _numeric(f, x), rtol=rtol, atol=atol)
    except AssertionError:
        return False
    return True


@alternative("element-by-element loop with math.isclose-like Python arithmetic", replaces="gradients_agree")
def python_loop_check(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone()
    xc.requires_grad = True
    y = f(xc)
    (g,) = torch.autograd.grad(y, [xc])
    num = _numeric(f, x)
    for a, n in zip(g.reshape(-1).tolist(), num.reshape(-1).tolist()):
        if not (abs(a - n) <= atol + rtol * abs(n)) or math.isnan(a) or math.isnan(n):
            return False
    return True
