"""Blind red team: correct answers in other styles for kata autograd/numeric_gradient."""
import torch

from katas._support.mistakes import alternative


def _numeric(f, x, h=1e-6):
    """A correct central difference, used by the gradients_agree alternatives."""
    flat = x.detach().reshape(-1).clone()
    out = torch.zeros(flat.numel(), dtype=torch.float64)
    for i in range(flat.numel()):
        xp = flat.clone()
        xp[i] += h
        xm = flat.clone()
        xm[i] -= h
        out[i] = (f(xp.reshape(x.shape)).item() - f(xm.reshape(x.shape)).item()) / (2 * h)
    return out.reshape(x.shape)


@alternative("one-hot direction vectors h·e_i taken from rows of torch.eye on a flat copy, values "
             "gathered in a Python list, then torch.tensor(..., dtype=float64).reshape(x.shape)",
             replaces="central_difference")
def eye_rows_as_directions(f, x, h=1e-6):
    base = x.detach().reshape(-1).clone()
    n = base.numel()
    eye = torch.eye(n, dtype=torch.float64)
    values = []
    for i in range(n):
        plus = (base + h * eye[i]).reshape(x.shape)
        minus = (base - h * eye[i]).reshape(x.shape)
        values.append((f(plus) - f(minus)).item() / (2 * h))
    return torch.tensor(values, dtype=torch.float64).reshape(x.shape)


@alternative("evaluations under torch.no_grad(), results written into a preallocated float64 "
             "torch.empty and divided by 2h once at the end", replaces="central_difference")
def no_grad_preallocated(f, x, h=1e-6):
    with torch.no_grad():
        flat = x.detach().reshape(-1).clone()
        diffs = torch.empty(flat.numel(), dtype=torch.float64)
        for i in range(flat.numel()):
            saved = flat[i].item()
            flat[i] = saved + h
            fp = float(f(flat.reshape(x.shape)))
            flat[i] = saved - h
            fm = float(f(flat.reshape(x.shape)))
            flat[i] = saved
            diffs[i] = fp - fm
        return (diffs / (2 * h)).reshape(x.shape)


@alternative("autograd gradient with .backward() on a detached leaf copy, the allclose test written "
             "out element by element with autograd's gradient as the reference, .item() to a bool",
             replaces="gradients_agree")
def backward_on_copy_manual_check(f, x, rtol=1e-5, atol=1e-7):
    xc = x.detach().clone().requires_grad_()
    f(xc).backward()
    auto = xc.grad
    num = _numeric(f, x)
    return bool(((num - auto).abs() <= atol + rtol * auto.abs()).all().item())


@alternative("torch.autograd.grad on a detached copy, torch.isclose(...).all().item() as the answer",
             replaces="gradients_agree")
def isclose_all_item(f, x, rtol=1e-5, atol=1e-7):
    copy = x.detach().clone()
    copy.requires_grad_(True)
    auto = torch.autograd.grad(f(copy), copy)[0]
    return torch.isclose(auto, _numeric(f, x), rtol=rtol, atol=atol).all().item()
