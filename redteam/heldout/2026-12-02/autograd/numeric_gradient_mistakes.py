"""Blind red team: wrong answers for kata autograd/numeric_gradient."""
import itertools

import torch
from katas._support.mistakes import mistake


def _numeric(f, x, h=1e-6):
    """A correct central difference, used inside the gradients_agree mistakes."""
    base = x.detach().to(torch.float64).contiguous().clone()
    out = torch.zeros(base.shape, dtype=torch.float64)
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += h
        xm = base.clone()
        xm.view(-1)[i] -= h
        out.view(-1)[i] = (f(xp).detach() - f(xm).detach()) / (2 * h)
    return out


# ---------------------------------------------------------------- central_difference

@mistake("used a forward difference (f(x+h) - f(x)) / h instead of the central one",
         replaces="central_difference")
def forward_difference(f, x, h=1e-6):
    base = x.detach().contiguous().clone()
    fx = f(base).item()
    out = torch.zeros(base.shape, dtype=torch.float64)
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += h
        out.view(-1)[i] = (f(xp).item() - fx) / h
    return out


@mistake("hard-coded the step 1e-6 and ignored the h argument", replaces="central_difference")
def ignores_step_argument(f, x, h=1e-6):
    step = 1e-6
    base = x.detach().contiguous().clone()
    out = torch.zeros(base.shape, dtype=torch.float64)
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += step
        xm = base.clone()
        xm.view(-1)[i] -= step
        out.view(-1)[i] = (f(xp).item() - f(xm).item()) / (2 * step)
    return out


@mistake("collected the partials in a Python list and called torch.tensor on it (float32)",
         replaces="central_difference")
def float32_result_from_list(f, x, h=1e-6):
    base = x.detach().contiguous().clone()
    partials = []
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += h
        xm = base.clone()
        xm.view(-1)[i] -= h
        partials.append((f(xp).item() - f(xm).item()) / (2 * h))
    return torch.tensor(partials).reshape(x.shape)


@mistake("returned the flat vector of partials, not reshaped to x's shape",
         replaces="central_difference")
def flat_result(f, x, h=1e-6):
    base = x.detach().contiguous().clone()
    out = torch.zeros(base.numel(), dtype=torch.float64)
    for i in range(base.numel()):
        xp = base.clone()
        xp.view(-1)[i] += h
        xm = base.clone()
        xm.view(-1)[i] -= h
        out[i] = (f(xp).item() - f(xm).item()) / (2 * h)
    return out


@mistake("looped over range(len(x)) and perturbed x[i], which is only an element for 1-D x",
         replaces="central_difference")
def loops_over_first_dim(f, x, h=1e-6):
    out = torch.zeros_like(x, dtype=torch.float64)
    for i in range(len(x)):
        xp = x.detach().clone()
        xp[i] += h
        xm = x.detach().clone()
        xm[i] -= h
        out[i] = (f(xp).item() - f(xm).item()) / (2 * h)
    return out


@mistake("perturbed the copy through .reshape(-1)[i], which is a new copy when x is a transposed view",
         replaces="central_difference")
def reshape_loses_perturbation(f, x, h=1e-6):
    out = torch.zeros(x.numel(), dtype=torch.float64)
    for i in range(x.numel()):
        xp = x.detach().clone()
        xp.reshape(-1)[i] += h
        xm = x.detach().clone()
        xm.reshape(-1)[i] -= h
        out[i] = (f(xp).item() - f(xm).item()) / (2 * h)
    return out.reshape(x.shape)


@mistake("nudged x itself in place (+h, -2h, +h) to save copies; rounding leaves x slightly changed",
         replaces="central_difference")
def perturbs_x_in_place(f, x, h=1e-6):
    out = torch.zeros(x.shape, dtype=torch.float64)
    with torch.no_grad():
        for idx in itertools.product(*(range(n) for n in x.shape)):
            x[idx] += h
            fp = f(x).item()
            x[idx] -= 2 * h
            fm = f(x).item()
            x[idx] += h
            out[idx] = (fp - fm) / (2 * h)
    return out


# ---------------------------------------------------------------- gradients_agree

@mistake("called requires_grad_() and .backward() on x itself and read x.grad",
         replaces="gradients_agree")
def backward_on_x_itself(f, x, rtol=1e-5, atol=1e-7):
    x.requires_grad_(True)
    f(x).backward()
    return bool(torch.allclose(x.grad, _numeric(f, x), rtol=rtol, atol=atol))


@mistake("returned torch.isclose(...).all(), a bool tensor, instead of a Python bool",
         replaces="gradients_agree")
def returns_bool_tensor(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(xc), xc)
    return torch.isclose(g, _numeric(f, x), rtol=rtol, atol=atol).all()


@mistake("called torch.allclose without passing rtol/atol, so torch's defaults were used",
         replaces="gradients_agree")
def ignores_tolerances(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(xc), xc)
    return bool(torch.allclose(g, _numeric(f, x)))


@mistake("checked only the largest absolute difference against atol, forgot the rtol part",
         replaces="gradients_agree")
def absolute_tolerance_only(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(xc), xc)
    return bool((g - _numeric(f, x)).abs().max() <= atol)


@mistake("compared the norms of the difference and of the gradient, like gradcheck's relative error",
         replaces="gradients_agree")
def compares_norms(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(xc), xc)
    n = _numeric(f, x)
    return bool((g - n).norm() <= atol + rtol * n.norm())
