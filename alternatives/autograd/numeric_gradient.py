"""Correct alternatives of kata autograd/numeric_gradient: other styles the tests must accept."""

import itertools

import torch

from katas._support.mistakes import alternative


# Written blind, from the stub alone (red team, 2026-12)

@alternative("loops over the rows of torch.eye as the unit vectors e_i, stacks the partials, reshapes",
             replaces="central_difference")
def eye_basis(f, x, h=1e-6):
    x64 = x.detach().double()
    flat = x64.flatten()
    partials = []
    for e in torch.eye(flat.numel(), dtype=torch.float64):
        up = f((flat + h * e).view(x64.shape))
        down = f((flat - h * e).view(x64.shape))
        partials.append((up - down).detach() / (2 * h))
    return torch.stack(partials).reshape(x.shape).to(torch.float64)


@alternative("multi-index loop (itertools.product over the shape), nudges one working copy in place and "
             "restores the saved value exactly", replaces="central_difference")
def multi_index_in_place_on_copy(f, x, h=1e-6):
    work = x.detach().clone().to(torch.float64)
    grad = torch.zeros_like(work)
    with torch.no_grad():
        for idx in itertools.product(*(range(n) for n in work.shape)):
            saved = work[idx].item()
            work[idx] = saved + h
            f_plus = float(f(work))
            work[idx] = saved - h
            f_minus = float(f(work))
            work[idx] = saved
            grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad


@alternative("list comprehension of python floats, then torch.tensor(..., dtype=float64).view_as(x)",
             replaces="central_difference")
def comprehension(f, x, h=1e-6):
    base = x.detach().to(dtype=torch.float64).reshape(-1)

    def nudged(i, step):
        v = base.clone()
        v[i] += step
        return v.reshape(x.shape)

    values = [(f(nudged(i, h)).item() - f(nudged(i, -h)).item()) / (2 * h) for i in range(base.numel())]
    return torch.tensor(values, dtype=torch.float64).view_as(x)


@alternative("x.detach().clone().requires_grad_() + .backward(), reads .grad; torch.allclose(numeric, analytic) "
             "with the numeric gradient first", replaces="gradients_agree")
def backward_on_leaf_copy(f, x, rtol=1e-5, atol=1e-7):
    leaf = x.detach().clone().double().requires_grad_()
    f(leaf).backward()
    analytic = leaf.grad

    x64 = x.detach().double()
    numeric = torch.empty_like(x64).reshape(-1)
    for i in range(numeric.numel()):
        e = torch.zeros_like(numeric)
        e[i] = 1e-6
        numeric[i] = (f(x64 + e.view_as(x64)) - f(x64 - e.view_as(x64))).item() / 2e-6
    return torch.allclose(numeric.view_as(x64), analytic, rtol=rtol, atol=atol)


@alternative("torch.autograd.functional.jacobian for the autograd side, explicit element-wise "
             "|a - n| <= atol + rtol*|n| test, .all().item()", replaces="gradients_agree")
def jacobian_and_explicit_formula(f, x, rtol=1e-5, atol=1e-7):
    x64 = x.detach().to(torch.float64)
    analytic = torch.autograd.functional.jacobian(f, x64.clone()).reshape(x64.shape)
    flat = x64.reshape(-1)
    numeric = torch.zeros_like(flat)
    h = 1e-6
    for i in range(flat.numel()):
        p, m = flat.clone(), flat.clone()
        p[i] += h
        m[i] -= h
        numeric[i] = (f(p.view(x64.shape)) - f(m.view(x64.shape))).detach() / (2 * h)
    numeric = numeric.view(x64.shape)
    return ((analytic - numeric).abs() <= atol + rtol * numeric.abs()).all().item()


@alternative("torch.autograd.grad in x's own dtype (the docstring example style), then "
             "bool(torch.isclose(...).all())", replaces="gradients_agree")
def autograd_grad_isclose(f, x, rtol=1e-5, atol=1e-7):
    xg = x.detach().clone().requires_grad_(True)
    (analytic,) = torch.autograd.grad(f(xg), xg)
    x64 = x.detach().double()
    numeric = torch.stack([
        (f(x64 + 1e-6 * e.view_as(x64)) - f(x64 - 1e-6 * e.view_as(x64))).detach() / 2e-6
        for e in torch.eye(x64.numel(), dtype=torch.float64)
    ]).view_as(x64)
    return bool(torch.isclose(analytic.double(), numeric, rtol=rtol, atol=atol).all())
