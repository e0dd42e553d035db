"""Blind red team: correct alternative answers for kata autograd/accumulation."""
import torch
import torch.nn.functional as F
from katas._support.mistakes import alternative


@alternative("float32 tutorial tensor, f re-evaluated before each backward (no retain_graph needed)",
             replaces="accumulated_grad")
def reevaluate_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), requires_grad=True)
    for _ in range(passes):
        f(wt).backward()
    return wt.grad.item()


@alternative("float64, one evaluation, torch.autograd.backward(y, retain_graph=True) in a loop, float()",
             replaces="accumulated_grad")
def autograd_backward_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        torch.autograd.backward(y, retain_graph=True)
    return float(wt.grad)


@alternative("nn.MSELoss module, .grad set to None before each batch, .detach().clone() appended",
             replaces="per_batch_grads")
def mseloss_none_per_batch_grads(model, batches):
    loss_fn = torch.nn.MSELoss()
    grads = []
    for x, y in batches:
        for p in model.parameters():
            p.grad = None
        loss_fn(model(x), y).backward()
        grads.append(model.weight.grad.detach().clone())
    return grads


@alternative("model.zero_grad(set_to_none=False) (in-place zeroing), loss in its own variable, clone per batch",
             replaces="per_batch_grads")
def inplace_zero_per_batch_grads(model, batches):
    out = []
    for x, y in batches:
        model.zero_grad(set_to_none=False)
        loss = F.mse_loss(model(x), y)
        loss.backward()
        out.append(model.weight.grad.clone())
    return out
