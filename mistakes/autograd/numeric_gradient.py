"""Named mistakes of kata autograd/numeric_gradient."""

import torch

from katas._support.mistakes import mistake


@mistake("forward difference (f(x + h) - f(x)) / h: error of order h, not h²", replaces="central_difference")
def forward_difference(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x)) / h
    return grad


@mistake("perturbed x in place and never restored it", replaces="central_difference")
def not_restored(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    flat = x.view(-1)
    for i in range(x.numel()):
        flat[i] += h
        plus = f(x)
        flat[i] -= 2 * h
        minus = f(x)
        grad.view(-1)[i] = (plus - minus) / (2 * h)
    return grad


@mistake("divided by h instead of 2h", replaces="central_difference")
def half_step(f, x, h=1e-6):
    x = x.detach()
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x - step)) / h
    return grad


@mistake("compared with == instead of a tolerance", replaces="gradients_agree")
def exact_equality(f, x, rtol=1e-5, atol=1e-7):
    from solutions.autograd.numeric_gradient import central_difference

    leaf = x.detach().requires_grad_(True)
    (analytic,) = torch.autograd.grad(f(leaf), leaf)
    return bool(torch.equal(central_difference(f, x), analytic))


# Written blind, from the stub alone (red team, 2026-12)

# ---------------------------------------------------------------- central_difference

@mistake("subtracted the wrong way round, f(x - h) - f(x + h): the gradient has the wrong sign", replaces="central_difference")
def sign_flipped(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    flat = x0.reshape(-1)
    out = torch.empty_like(flat)
    for i in range(flat.numel()):
        xp, xm = flat.clone(), flat.clone()
        xp[i] += h
        xm[i] -= h
        out[i] = (f(xm.reshape(x0.shape)) - f(xp.reshape(x0.shape))).item() / (2 * h)
    return out.reshape(x0.shape)


@mistake("nudged every element at once (x + h, x - h) instead of one element e_i at a time", replaces="central_difference")
def perturbs_all_at_once(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    d = (f(x0 + h) - f(x0 - h)).item() / (2 * h)
    return torch.full_like(x0, d)


@mistake("used x.detach() thinking it makes a copy: the +h and -h nudges share x's memory, so the "
         "difference is f(x+h) - f(x) over 2h (half the gradient) and x is changed", replaces="central_difference")
def detach_is_not_a_copy(f, x, h=1e-6):
    out = torch.empty(x.numel(), dtype=torch.float64)
    for i in range(x.numel()):
        xp = x.detach()
        xp.view(-1)[i] += h
        fp = f(xp).item()
        xm = x.detach()
        xm.view(-1)[i] -= h
        fm = f(xm).item()
        out[i] = (fp - fm) / (2 * h)
    return out.reshape(x.shape)


@mistake("looped over x.shape[0] and nudged x[i]: fine for 1-D x, but for 2-D x it nudges a whole row "
         "and returns only one number per row", replaces="central_difference")
def only_first_dim(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    out = torch.zeros_like(x0)
    for i in range(x0.shape[0]):
        xp, xm = x0.clone(), x0.clone()
        xp[i] += h
        xm[i] -= h
        out[i] = (f(xp) - f(xm)).item() / (2 * h)
    return out


@mistake("allocated the result with torch.zeros(x.shape), which is float32, not float64", replaces="central_difference")
def float32_result(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    out = torch.zeros(x0.shape)
    flat_out = out.view(-1)
    flat = x0.reshape(-1)
    for i in range(flat.numel()):
        xp, xm = flat.clone(), flat.clone()
        xp[i] += h
        xm[i] -= h
        flat_out[i] = (f(xp.reshape(x0.shape)) - f(xm.reshape(x0.shape))).item() / (2 * h)
    return out


@mistake("returned the flat vector of partials (shape (numel,)) instead of reshaping to x's shape", replaces="central_difference")
def flat_result(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    flat = x0.reshape(-1)
    out = torch.empty_like(flat)
    for i in range(flat.numel()):
        xp, xm = flat.clone(), flat.clone()
        xp[i] += h
        xm[i] -= h
        out[i] = (f(xp.reshape(x0.shape)) - f(xm.reshape(x0.shape))).item() / (2 * h)
    return out


@mistake("ignored the h argument and always used 1e-6", replaces="central_difference")
def ignores_h(f, x, h=1e-6):
    step = 1e-6
    x0 = x.detach().to(torch.float64)
    flat = x0.reshape(-1)
    out = torch.empty_like(flat)
    for i in range(flat.numel()):
        xp, xm = flat.clone(), flat.clone()
        xp[i] += step
        xm[i] -= step
        out[i] = (f(xp.reshape(x0.shape)) - f(xm.reshape(x0.shape))).item() / (2 * step)
    return out.reshape(x0.shape)


@mistake("nudged a reshape(-1) of a clone: for a non-contiguous x the reshape is a copy, so the nudge "
         "never reaches the tensor passed to f and the partials come out 0", replaces="central_difference")
def reshape_copy_loses_nudge(f, x, h=1e-6):
    out = torch.empty(x.numel(), dtype=torch.float64)
    for i in range(x.numel()):
        xp = x.detach().to(torch.float64).clone()
        xm = x.detach().to(torch.float64).clone()
        xp.reshape(-1)[i] += h
        xm.reshape(-1)[i] -= h
        out[i] = (f(xp) - f(xm)).item() / (2 * h)
    return out.reshape(x.shape)


# ---------------------------------------------------------------- gradients_agree

def _numeric(f, x, h=1e-6):
    x0 = x.detach().to(torch.float64)
    flat = x0.reshape(-1)
    out = torch.empty_like(flat)
    for i in range(flat.numel()):
        xp, xm = flat.clone(), flat.clone()
        xp[i] += h
        xm[i] -= h
        out[i] = (f(xp.reshape(x0.shape)) - f(xm.reshape(x0.shape))).item() / (2 * h)
    return out.reshape(x0.shape)


def _autograd(f, x):
    xg = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(xg), xg)
    return g.to(torch.float64)


@mistake("returned torch.isclose(...).all(), a 0-dim bool tensor, instead of a Python bool", replaces="gradients_agree")
def returns_tensor(f, x, rtol=1e-5, atol=1e-7):
    return torch.isclose(_autograd(f, x), _numeric(f, x), rtol=rtol, atol=atol).all()


@mistake("passed the tolerances to allclose in the wrong order (rtol as atol and atol as rtol)", replaces="gradients_agree")
def swapped_tolerances(f, x, rtol=1e-5, atol=1e-7):
    return bool(torch.allclose(_autograd(f, x), _numeric(f, x), rtol=atol, atol=rtol))


@mistake("compared the mean absolute error, so one wrong partial derivative among many is averaged away", replaces="gradients_agree")
def mean_error(f, x, rtol=1e-5, atol=1e-7):
    a, n = _autograd(f, x), _numeric(f, x)
    return bool((a - n).abs().mean() <= atol + rtol * n.abs().mean())


@mistake("compared the sums of the two gradients, so errors of opposite sign cancel out", replaces="gradients_agree")
def compares_sums(f, x, rtol=1e-5, atol=1e-7):
    a, n = _autograd(f, x), _numeric(f, x)
    return bool(torch.allclose(a.sum(), n.sum(), rtol=rtol, atol=atol))


@mistake("set requires_grad on the caller's x and read x.grad after .backward(): the gradient accumulates, "
         "so a second call on the same x compares twice the gradient", replaces="gradients_agree")
def accumulates_into_caller_grad(f, x, rtol=1e-5, atol=1e-7):
    x.requires_grad_(True)
    f(x).backward()
    return bool(torch.allclose(x.grad.to(torch.float64), _numeric(f, x), rtol=rtol, atol=atol))


@mistake("compared with a forward difference (f(x+h) - f(x)) / h instead of central_difference", replaces="gradients_agree")
def against_forward_difference(f, x, rtol=1e-5, atol=1e-7):
    x0 = x.detach().to(torch.float64)
    flat = x0.reshape(-1)
    n = torch.empty_like(flat)
    f0 = f(x0).item()
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += 1e-6
        n[i] = (f(xp.reshape(x0.shape)).item() - f0) / 1e-6
    return bool(torch.allclose(_autograd(f, x), n.reshape(x0.shape), rtol=rtol, atol=atol))


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("compared against its own central difference with a larger step, h=1e-3", replaces="gradients_agree")
def agrees_with_a_coarse_step(f, x, rtol=1e-5, atol=1e-7):
    x64 = x.detach().to(torch.float64)
    leaf = x64.clone().requires_grad_(True)
    analytic = torch.autograd.grad(f(leaf), leaf)[0]
    flat, numeric = x64.reshape(-1), torch.empty(x64.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        up, down = flat.clone(), flat.clone()
        up[i] += 1e-3
        down[i] -= 1e-3
        numeric[i] = (f(up.reshape(x64.shape)) - f(down.reshape(x64.shape))) / 2e-3
    return bool(torch.allclose(analytic, numeric.reshape(x64.shape), rtol=rtol, atol=atol))


@mistake("nudged a 1-D copy of x and called f on it without reshaping back (a 0-d x becomes shape (1,))",
         replaces="central_difference")
def calls_f_on_a_flat_copy(f, x, h=1e-6):
    base = torch.atleast_1d(x.detach().to(torch.float64)).reshape(-1).clone()
    out = torch.empty_like(base)
    for i in range(base.numel()):
        up, down = base.clone(), base.clone()
        up[i] += h
        down[i] -= h
        out[i] = (f(up if x.dim() == 0 else up.reshape(x.shape)) - f(down if x.dim() == 0 else down.reshape(x.shape))) / (2 * h)
    return out.reshape(x.shape)


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until an x that requires grad came in.

@mistake("took the autograd gradient on x.clone() without detach: for an x that requires grad the clone "
         "is not a leaf, so x itself gets the .grad (the docstring says take it on a copy and leave x alone)",
         replaces="gradients_agree")
def clone_without_detach(f, x, rtol=1e-5, atol=1e-7):
    xc = x.clone().requires_grad_(True)
    f(xc).backward()
    flat = x.detach().reshape(-1)
    numeric = torch.empty_like(flat)
    for i in range(flat.numel()):
        up, down = flat.clone(), flat.clone()
        up[i] += 1e-6
        down[i] -= 1e-6
        numeric[i] = (f(up.reshape(x.shape)) - f(down.reshape(x.shape))) / 2e-6
    return bool(torch.allclose(xc.grad, numeric.reshape(x.shape), rtol=rtol, atol=atol))
