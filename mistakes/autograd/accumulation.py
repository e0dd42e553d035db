"""Named mistakes of kata autograd/accumulation."""

import copy

import torch
from torch.nn import functional as F

from katas._support.mistakes import mistake


@mistake("zeroed the gradient between passes, so nothing accumulates", replaces="accumulated_grad")
def zeroed_each_pass(f, w, passes):
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        x.grad = None
        f(x).backward()
    return float(x.grad)


@mistake("grad not zeroed between batches: each entry is the running sum", replaces="per_batch_grads")
def not_zeroed(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("stored .grad itself, not a clone: zero_grad() then overwrites every entry", replaces="per_batch_grads")
def aliased(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad)
    return grads


@mistake("zeroes after each batch instead of before: the stale .grad the model came with lands in "
         "the first batch's gradient", replaces="per_batch_grads")
def zeroes_after_each_batch(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        model.zero_grad()
    return grads


# Written blind, from the stub alone (red team, 2026-12)
# ---------------------------------------------------------------- accumulated_grad

@mistake("zeroes .grad before every pass, so the result is just df/dw", replaces="accumulated_grad")
def zeroes_between_passes(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        if t.grad is not None:
            t.grad.zero_()
        f(t).backward()
    return t.grad.item()


@mistake("makes a fresh leaf tensor inside the loop: nothing accumulates", replaces="accumulated_grad")
def fresh_leaf_each_pass(f, w, passes):
    for _ in range(passes):
        t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
        f(t).backward()
    return t.grad.item()


@mistake("off by one: range(passes - 1) (thinks the first backward is separate... and forgets it)",
         replaces="accumulated_grad")
def one_pass_short(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    for _ in range(passes - 1):
        y.backward(retain_graph=True)
    return t.grad.item() if t.grad is not None else 0.0


@mistake("off by one: one backward before the loop plus `passes` in the loop",
         replaces="accumulated_grad")
def one_pass_too_many(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    y.backward(retain_graph=True)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return t.grad.item()


@mistake("one backward, then multiplies .grad by passes (never calls backward `passes` times)",
         replaces="accumulated_grad")
def single_backward_times_passes(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return t.grad.item() * passes


@mistake("backward of passes * f(w) once instead of `passes` backward calls", replaces="accumulated_grad")
def scaled_loss_single_backward(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (passes * f(t)).backward()
    return t.grad.item()


@mistake("averages: divides the accumulated grad by passes", replaces="accumulated_grad")
def averaged_over_passes(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return t.grad.item() / passes


@mistake("returns the .grad tensor, not a float", replaces="accumulated_grad")
def returns_grad_tensor(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return t.grad


@mistake("forgets retain_graph=True: the second backward through f's graph fails",
         replaces="accumulated_grad")
def no_retain_graph(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(t)
    for _ in range(passes):
        y.backward()
    return t.grad.item()


@mistake("hard-codes the w*w example: passes * 2w", replaces="accumulated_grad")
def hard_coded_square(f, w, passes):
    return float(passes * 2 * w)


@mistake("returns int(grad)", replaces="accumulated_grad")
def int_result(f, w, passes):
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        f(t).backward()
    return int(t.grad.item())


# ---------------------------------------------------------------- per_batch_grads

@mistake("never zeroes: each entry is the running sum of gradients", replaces="per_batch_grads")
def never_zeroes(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("zeroes once before the loop instead of before each batch", replaces="per_batch_grads")
def zeroes_once(model, batches):
    model.zero_grad()
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("zeroes .grad in place and appends .grad without clone: every entry is the same "
         "tensor (the last batch's gradient)", replaces="per_batch_grads")
def aliased_grad_zero_inplace(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad)
    return grads


@mistake("appends .grad, then zeroes it in place for the next batch: all entries end up zero",
         replaces="per_batch_grads")
def aliased_then_zeroed(model, batches):
    grads = []
    model.zero_grad()
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.detach())
        model.weight.grad.zero_()
    return grads


@mistake("writes a full training step: optimizer.step() changes the weights between batches",
         replaces="per_batch_grads")
def takes_optimizer_step(model, batches):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    grads = []
    for x, y in batches:
        opt.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        opt.step()
    return grads


@mistake("uses reduction='sum' instead of the default mean", replaces="per_batch_grads")
def sum_reduction(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y, reduction="sum").backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("hand-written MSE divides by the batch size N, not by N*out", replaces="per_batch_grads")
def mse_divided_by_n(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        loss = ((model(x) - y) ** 2).sum() / x.shape[0]
        loss.backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("returns the gradient of the bias instead of the weight", replaces="per_batch_grads")
def bias_grads(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.bias.grad.clone())
    return grads


@mistake("stacks the gradients into one tensor instead of returning a list", replaces="per_batch_grads")
def stacked_tensor(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return torch.stack(grads)


@mistake("returns a tuple instead of a list", replaces="per_batch_grads")
def tuple_not_list(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return tuple(grads)


@mistake("converts each gradient to numpy", replaces="per_batch_grads")
def numpy_grads(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.detach().numpy().copy())
    return grads


@mistake("concatenates all batches and computes one gradient, repeated per batch",
         replaces="per_batch_grads")
def one_big_batch(model, batches):
    model.zero_grad()
    x = torch.cat([b[0] for b in batches])
    y = torch.cat([b[1] for b in batches])
    F.mse_loss(model(x), y).backward()
    g = model.weight.grad.clone()
    return [g.clone() for _ in batches]


@mistake("hand-written loss forgets the square: mean(model(x) - y) instead of the MSE",
         replaces="per_batch_grads")
def mean_difference_not_squared(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        (model(x) - y).mean().backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("computes the gradients on a deep copy trained with an optimizer step, then copies the "
         "stepped weights back into the model", replaces="per_batch_grads")
def copies_weights_back(model, batches):
    work = copy.deepcopy(model)
    opt = torch.optim.SGD(work.parameters(), lr=0.01)
    grads = []
    for x, y in batches:
        opt.zero_grad()
        F.mse_loss(work(x), y).backward()
        grads.append(work.weight.grad.clone())
        opt.step()
    model.load_state_dict(work.state_dict())
    return grads


# Held-out blind round (2026-12-02): written from the stub alone and run against the tests as they were;
# the tests let these through until they were strengthened.

@mistake("wrap w in a list: torch.tensor([w]) gives a 1-element tensor, not 0-d", replaces="accumulated_grad")
def one_d_weight(f, w, passes):
    wt = torch.tensor([w], requires_grad=True)
    y = f(wt).sum()
    for _ in range(passes):
        y.backward(retain_graph=True)
    return wt.grad.item()


@mistake("zero_() the weight grad directly, assumes it already exists", replaces="per_batch_grads")
def zero_on_missing_grad(model, batches):
    grads = []
    for x, y in batches:
        model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("set requires_grad on the inputs so autograd tracks them", replaces="per_batch_grads")
def marks_batches_requires_grad(model, batches):
    grads = []
    for x, y in batches:
        x.requires_grad_(True)
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("zeroed .grad before each pass, then multiplied the last one by passes", replaces="accumulated_grad")
def zeroed_then_multiplied(f, w, passes):
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    for _ in range(passes):
        x.grad = None
        f(x).backward()
    return float(x.grad) * passes


@mistake("summed torch.autograd.grad over the passes: the number is right, but .grad never accumulates",
         replaces="accumulated_grad")
def summed_autograd_grad(f, w, passes):
    x = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    y = f(x)
    return float(sum(torch.autograd.grad(y, x, retain_graph=True)[0] for _ in range(passes)))


@mistake("popped the batches off the caller's list while working through them", replaces="per_batch_grads")
def popped_the_batches(model, batches):
    grads = []
    while batches:
        x, y = batches.pop(0)
        model.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads
