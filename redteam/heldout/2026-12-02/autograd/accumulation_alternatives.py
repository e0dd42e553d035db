"""Blind red team: correct answers in other styles for kata autograd/accumulation."""
import torch
import torch.nn.functional as F
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- accumulated_grad


@alternative("float64 leaf, re-evaluates f before each backward", replaces="accumulated_grad")
def refresh_graph_float64(f, w, passes):
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        f(wt).backward()
    return float(wt.grad)


@alternative("retain_graph only for all but the last backward, torch.autograd.backward", replaces="accumulated_grad")
def retain_until_last(f, w, passes):
    wt = torch.as_tensor(float(w)).requires_grad_()
    y = f(wt)
    for i in range(passes):
        torch.autograd.backward(y, retain_graph=i < passes - 1)
    return wt.grad.item()


@alternative("tutorial torch.tensor(w, requires_grad=True), while loop, explicit grad_tensors of ones", replaces="accumulated_grad")
def while_loop_explicit_ones(f, w, passes):
    x = torch.tensor(w, requires_grad=True)
    out = f(x)
    n = 0
    while n < passes:
        out.backward(torch.ones_like(out), retain_graph=True)
        n += 1
    return float(x.grad.detach().cpu().numpy())


# ---------------------------------------------------------------- per_batch_grads


@alternative("torch.autograd.grad per batch; .grad never touched", replaces="per_batch_grads")
def autograd_grad(model, batches):
    return [torch.autograd.grad(F.mse_loss(model(x), y), model.weight)[0] for x, y in batches]


@alternative("set every p.grad = None, hand-written mean squared error, detach().clone()", replaces="per_batch_grads")
def none_grads_hand_mse(model, batches):
    out = []
    for x, y in batches:
        for p in model.parameters():
            p.grad = None
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        out.append(model.weight.grad.detach().clone())
    return out


@alternative("optimizer.zero_grad() without step, nn.MSELoss, in-place zero guarded, copy into empty_like", replaces="per_batch_grads")
def optimizer_zero_grad_only(model, batches):
    opt = torch.optim.SGD(model.parameters(), lr=0.0)
    crit = torch.nn.MSELoss()
    res = []
    for x, y in batches:
        opt.zero_grad(set_to_none=False)
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        crit(model(x), y).backward()
        res.append(torch.empty_like(model.weight).copy_(model.weight.grad))
    return res
