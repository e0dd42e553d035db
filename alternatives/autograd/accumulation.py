"""Correct alternatives of kata autograd/accumulation: other styles the tests must accept."""

import torch
import torch.nn.functional as F

from katas._support.mistakes import alternative


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- accumulated_grad

@alternative("evaluates f once and calls backward(retain_graph=True) in a loop", replaces="accumulated_grad")
def retain_graph_loop(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return t.grad.item()


@alternative("tutorial float32 leaf, re-evaluates f on every pass (fresh graph each time), float(grad)",
             replaces="accumulated_grad")
def reevaluate_each_pass_float32(f, w, passes):
    w_t = torch.tensor(float(w), requires_grad=True)
    for _ in range(passes):
        loss = f(w_t)
        loss.backward()
    return float(w_t.grad)


@alternative("while loop counting down, retain_graph only until the last pass; 0.0 when no pass ran",
             replaces="accumulated_grad")
def while_loop_countdown(f, w, passes):
    t = torch.tensor([w], dtype=torch.float64).squeeze(0).requires_grad_(True)
    y = f(t)
    remaining = passes
    while remaining > 0:
        remaining -= 1
        y.backward(retain_graph=remaining > 0)
    return 0.0 if t.grad is None else float(t.grad)


# ---------------------------------------------------------------- per_batch_grads

@alternative("model.zero_grad() (set_to_none) and append .grad without cloning: each backward "
             "makes a fresh .grad tensor", replaces="per_batch_grads")
def zero_grad_set_to_none_no_clone(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        grads.append(model.weight.grad)
    return grads


@alternative("an SGD optimizer only for zero_grad(); never steps; detach().clone()", replaces="per_batch_grads")
def optimizer_zero_grad_only(model, batches):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    out = []
    for x, y in batches:
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        out.append(model.weight.grad.detach().clone())
    return out


@alternative("zeroes each parameter's grad in place by hand, clones, comprehension-style helper",
             replaces="per_batch_grads")
def manual_inplace_zero_clone(model, batches):
    def one(x, y):
        for p in model.parameters():
            if p.grad is not None:
                p.grad.detach_()
                p.grad.zero_()
        F.mse_loss(model(x), y, reduction="mean").backward()
        return model.weight.grad.clone()
    return [one(x, y) for x, y in batches]


@alternative("sets weight.grad = None before each batch and tidies the grads up at the end",
             replaces="per_batch_grads")
def grad_none_and_cleanup(model, batches):
    result = []
    for x, y in batches:
        model.weight.grad = None
        if model.bias is not None:
            model.bias.grad = None
        with torch.enable_grad():
            F.mse_loss(model(x), y).backward()
        result.append(model.weight.grad.detach().clone())
    model.zero_grad(set_to_none=True)
    return result


# Held-out blind round (2026-12-02): written from the stub alone; each was accepted before and after
# the tests were strengthened against that round's mistakes.

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
def optimizer_zero_grad_only_2(model, batches):
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
