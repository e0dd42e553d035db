"""Blind red team: wrong answers for kata autograd/numeric_gradient."""
import itertools

import torch

from katas._support.mistakes import mistake


def _numeric(f, x, h=1e-6):
    """A correct central difference, used by the gradients_agree mistakes (not a mistake itself)."""
    flat = x.detach().reshape(-1).clone()
    out = torch.zeros(flat.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += h
        xm = flat.clone()
        xm[i] -= h
        out[i] = (f(xp.reshape(x.shape)).item() - f(xm.reshape(x.shape)).item()) / (2 * h)
    return out.reshape(x.shape)


# ---------------------------------------------------------------- central_difference

@mistake("I used the forward difference (f(x + h·e_i) - f(x)) / h: one evaluation fewer, and it "
         "still prints 2.0000, 4.0000 on the example; the docstring asks for the central difference "
         "over 2h", replaces="central_difference")
def forward_difference(f, x, h=1e-6):
    flat = x.detach().reshape(-1).clone()
    f0 = f(flat.reshape(x.shape)).item()
    out = torch.zeros(flat.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += h
        out[i] = (f(xp.reshape(x.shape)).item() - f0) / h
    return out.reshape(x.shape)


@mistake("I hard-coded the step 1e-6 (the value in the module docstring) and never used the h "
         "argument; the docstring says the step h given is used, not always 1e-6",
         replaces="central_difference")
def ignores_step_argument(f, x, h=1e-6):
    step = 1e-6
    flat = x.detach().reshape(-1).clone()
    out = torch.zeros(flat.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += step
        xm = flat.clone()
        xm[i] -= step
        out[i] = (f(xp.reshape(x.shape)).item() - f(xm.reshape(x.shape)).item()) / (2 * step)
    return out.reshape(x.shape)


@mistake("I made the result with torch.zeros(x.shape) and filled it in: that is float32 (the default "
         "dtype), not the float64 tensor the docstring asks for, and the values lose their digits",
         replaces="central_difference")
def float32_result(f, x, h=1e-6):
    flat = x.detach().reshape(-1).clone()
    out = torch.zeros(flat.numel())
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += h
        xm = flat.clone()
        xm[i] -= h
        out[i] = (f(xp.reshape(x.shape)).item() - f(xm.reshape(x.shape)).item()) / (2 * h)
    return out.reshape(x.shape)


@mistake("I looped over range(x.shape[0]) and perturbed x[i]: fine for the 1-D example, but on a 2-D x "
         "it moves a whole row at once, and on a 0-d x shape[0] raises; the docstring says any shape, "
         "one element at a time", replaces="central_difference")
def loops_over_first_dim_only(f, x, h=1e-6):
    base = x.detach().clone()
    out = torch.zeros(x.shape, dtype=torch.float64)
    for i in range(x.shape[0]):
        xp = base.clone()
        xp[i] += h
        xm = base.clone()
        xm[i] -= h
        out[i] = (f(xp) - f(xm)).item() / (2 * h)
    return out


@mistake("I flattened with x.detach().view(-1).clone(): view(-1) raises on a non-contiguous x such as "
         "a.T, which the docstring says must work (reshape would have copied)",
         replaces="central_difference")
def view_fails_on_transposed(f, x, h=1e-6):
    flat = x.detach().view(-1).clone()
    out = torch.zeros(flat.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += h
        xm = flat.clone()
        xm[i] -= h
        out[i] = (f(xp.view(x.shape)).item() - f(xm.view(x.shape)).item()) / (2 * h)
    return out.view(x.shape)


@mistake("I perturbed x itself (through x.detach()) and meant to put the element back, but I saved "
         "'orig = xd[idx]', which is a view, not a number: the restore writes the perturbed value "
         "back and x ends up shifted by -h; the docstring says perturb copies and leave x as it was",
         replaces="central_difference")
def restores_from_a_view(f, x, h=1e-6):
    out = torch.zeros(x.shape, dtype=torch.float64)
    xd = x.detach()
    for idx in itertools.product(*(range(s) for s in x.shape)):
        orig = xd[idx]
        xd[idx] += h
        fp = f(xd).item()
        xd[idx] -= 2 * h
        fm = f(xd).item()
        xd[idx] = orig
        out[idx] = (fp - fm) / (2 * h)
    return out


# ---------------------------------------------------------------- gradients_agree

@mistake("I wrote the allclose test out by hand, (|a - n| <= atol + rtol·|n|).all(), and returned it: "
         "that is a 0-d bool tensor, not the Python bool the docstring asks for",
         replaces="gradients_agree")
def returns_bool_tensor(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (auto,) = torch.autograd.grad(f(xc), xc)
    num = _numeric(f, x)
    return ((auto - num).abs() <= atol + rtol * num.abs()).all()


@mistake("I called torch.allclose(auto, num) and forgot to pass rtol and atol, so torch's own defaults "
         "(atol=1e-8) are used instead of the tolerances given", replaces="gradients_agree")
def ignores_given_tolerances(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (auto,) = torch.autograd.grad(f(xc), xc)
    num = _numeric(f, x)
    return bool(torch.allclose(auto, num))


@mistake("I passed the tolerances positionally as torch.allclose(a, n, atol, rtol), but allclose's "
         "third argument is rtol: the two tolerances are swapped", replaces="gradients_agree")
def swapped_tolerances(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (auto,) = torch.autograd.grad(f(xc), xc)
    num = _numeric(f, x)
    return bool(torch.allclose(auto, num, atol, rtol))


@mistake("I took autograd's gradient on x itself (x.requires_grad_(True); f(x).backward(); x.grad): "
         "x's requires_grad and .grad are changed, and a second call adds to x.grad, so it compares "
         "twice the gradient and answers differently", replaces="gradients_agree")
def backward_on_x_itself(f, x, rtol=1e-5, atol=1e-7):
    x.requires_grad_(True)
    f(x).backward()
    auto = x.grad
    num = _numeric(f, x)
    return bool(torch.allclose(auto, num, rtol=rtol, atol=atol))


@mistake("I checked only the largest absolute difference against atol and ignored rtol; the docstring's "
         "match is |a - n| <= atol + rtol·|n| per element, so large gradients are wrongly rejected",
         replaces="gradients_agree")
def absolute_tolerance_only(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_(True)
    (auto,) = torch.autograd.grad(f(xc), xc)
    num = _numeric(f, x)
    return bool((auto - num).abs().max() <= atol)


@mistake("I made the copy with x.clone() (no detach) and called backward: when x requires grad the "
         "clone is not a leaf, its .grad stays None and the gradient lands in x.grad instead; the "
         "docstring says take the gradient on a copy and leave x (its .grad) as it was",
         replaces="gradients_agree")
def clone_without_detach(f, x, rtol=1e-5, atol=1e-7):
    xc = x.clone().requires_grad_(True)
    f(xc).backward()
    auto = xc.grad
    num = _numeric(f, x)
    return bool(torch.allclose(auto, num, rtol=rtol, atol=atol))
