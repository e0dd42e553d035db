"""Blind red team: wrong answers for kata autograd/accumulation."""
import torch
import torch.nn.functional as F
from katas._support.mistakes import mistake

# ---------------------------------------------------------------- accumulated_grad

@mistake("multiplies the loss by passes and calls backward once: that is not accumulating",
         replaces="accumulated_grad")
def scaled_loss_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    (passes * f(wt)).backward()
    return wt.grad.item()


@mistake("calls backward once and multiplies .grad by passes afterwards", replaces="accumulated_grad")
def scaled_grad_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    f(wt).backward()
    return wt.grad.item() * passes


@mistake("zeroes .grad before each backward out of training-loop habit, so the result is df/dw, not passes times it",
         replaces="accumulated_grad")
def zeroed_between_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        if wt.grad is not None:
            wt.grad.zero_()
        y.backward(retain_graph=True)
    return wt.grad.item()


@mistake("off by one: loops over range(1, passes), so backward runs passes - 1 times",
         replaces="accumulated_grad")
def off_by_one_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    y = f(wt)
    for _ in range(1, passes):
        y.backward(retain_graph=True)
    return 0.0 if wt.grad is None else wt.grad.item()


@mistake("re-creates w inside the loop with f: every pass writes into a brand-new leaf, so nothing adds up",
         replaces="accumulated_grad")
def new_leaf_each_pass_accumulated_grad(f, w, passes):
    wt = None
    for _ in range(passes):
        wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
        f(wt).backward()
    return wt.grad.item()


@mistake("evaluates f once but calls backward() without retain_graph=True: the second pass fails",
         replaces="accumulated_grad")
def no_retain_graph_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        y.backward()
    return wt.grad.item()


@mistake("sums torch.autograd.grad results by hand: backward never runs and .grad is never filled",
         replaces="accumulated_grad")
def manual_sum_accumulated_grad(f, w, passes):
    wt = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    y = f(wt)
    total = 0.0
    for _ in range(passes):
        (g,) = torch.autograd.grad(y, wt, retain_graph=True)
        total += g.item()
    return total


# ---------------------------------------------------------------- per_batch_grads

@mistake("zeroes the gradients after each batch instead of before: a stale .grad leaks into the first batch",
         replaces="per_batch_grads")
def zero_after_per_batch_grads(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        model.zero_grad()
    return grads


@mistake("zeroes .grad in place but appends it without cloning: every list entry is the same tensor",
         replaces="per_batch_grads")
def no_clone_per_batch_grads(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad)
    return grads


@mistake("uses reduction='sum' instead of mse_loss's default mean", replaces="per_batch_grads")
def sum_reduction_per_batch_grads(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y, reduction="sum").backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("writes a whole training step out of habit (SGD step): the parameters change between batches",
         replaces="per_batch_grads")
def optimizer_step_per_batch_grads(model, batches):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    grads = []
    for x, y in batches:
        opt.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        opt.step()
    return grads


@mistake("hand-written MSE that divides by the batch size only: wrong once the model has several outputs",
         replaces="per_batch_grads")
def batch_mean_mse_per_batch_grads(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        loss = ((model(x) - y) ** 2).sum() / x.shape[0]
        loss.backward()
        grads.append(model.weight.grad.clone())
    return grads
