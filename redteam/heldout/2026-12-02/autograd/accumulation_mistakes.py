"""Blind red team: wrong answers for kata autograd/accumulation."""
import torch
import torch.nn.functional as F
from katas._support.mistakes import mistake


# ---------------------------------------------------------------- accumulated_grad


@mistake("backward once and multiply the gradient by passes, same number anyway", replaces="accumulated_grad")
def grad_times_passes(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    f(wt).backward()
    return float(wt.grad.item() * passes)


@mistake("scale the loss by passes and call backward once", replaces="accumulated_grad")
def loss_times_passes(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    (f(wt) * passes).backward()
    return wt.grad.item()


@mistake("zero the grad before every backward, like in a training loop", replaces="accumulated_grad")
def zeroes_between_passes(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    for _ in range(passes):
        wt.grad = None
        f(wt).backward()
    return wt.grad.item()


@mistake("return w.grad itself (a tensor), not a float", replaces="accumulated_grad")
def returns_grad_tensor(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return wt.grad


@mistake("make a fresh w tensor inside the loop so each f call gets a clean input", replaces="accumulated_grad")
def fresh_leaf_each_pass(f, w, passes):
    for _ in range(passes):
        wt = torch.tensor(w, requires_grad=True)
        f(wt).backward()
    return wt.grad.item()


@mistake("add up w.grad after every pass to get the total", replaces="accumulated_grad")
def sums_running_grad(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    y = f(wt)
    total = 0.0
    for _ in range(passes):
        y.backward(retain_graph=True)
        total += wt.grad.item()
    return total


@mistake("divide by passes at the end to get the gradient per pass", replaces="accumulated_grad")
def averages_over_passes(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return wt.grad.item() / passes


@mistake("one backward to start, then the loop runs passes more times", replaces="accumulated_grad")
def one_pass_too_many(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    y = f(wt)
    y.backward(retain_graph=True)
    for _ in range(passes):
        y.backward(retain_graph=True)
    return wt.grad.item()


@mistake("wrap w in a list: torch.tensor([w]) gives a 1-element tensor, not 0-d", replaces="accumulated_grad")
def one_d_weight(f, w, passes):
    wt = torch.tensor([w], requires_grad=True)
    y = f(wt).sum()
    for _ in range(passes):
        y.backward(retain_graph=True)
    return wt.grad.item()


@mistake("evaluate f once and backward repeatedly without retain_graph", replaces="accumulated_grad")
def forgets_retain_graph(f, w, passes):
    wt = torch.tensor(w, requires_grad=True)
    y = f(wt)
    for _ in range(passes):
        y.backward()
    return wt.grad.item()


# ---------------------------------------------------------------- per_batch_grads


@mistake("zero the gradients after each batch instead of before", replaces="per_batch_grads")
def zeroes_after_batch(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        model.zero_grad()
    return grads


@mistake("forgot zero_grad, just backward each batch", replaces="per_batch_grads")
def never_zeroes(model, batches):
    grads = []
    for x, y in batches:
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("zero .grad in place and append .grad (no clone)", replaces="per_batch_grads")
def appends_grad_alias(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad)
    return grads


@mistake("use .detach() to take a copy of .grad, zeroing in place", replaces="per_batch_grads")
def detach_is_not_a_copy(model, batches):
    grads = []
    for x, y in batches:
        if model.weight.grad is not None:
            model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.detach())
    return grads


@mistake("zero_() the weight grad directly, assumes it already exists", replaces="per_batch_grads")
def zero_on_missing_grad(model, batches):
    grads = []
    for x, y in batches:
        model.weight.grad.zero_()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("usual training loop with optimizer.step() after each batch", replaces="per_batch_grads")
def takes_optimizer_step(model, batches):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    grads = []
    for x, y in batches:
        opt.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
        opt.step()
    return grads


@mistake("mse_loss with reduction='sum'", replaces="per_batch_grads")
def sum_reduction(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y, reduction="sum").backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("MSE by hand: squared error summed and divided by the batch size", replaces="per_batch_grads")
def hand_mse_divides_by_rows(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        loss = ((model(x) - y) ** 2).sum() / x.shape[0]
        loss.backward()
        grads.append(model.weight.grad.clone())
    return grads


@mistake("stack the gradients into one tensor", replaces="per_batch_grads")
def returns_stacked_tensor(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        grads.append(model.weight.grad.clone())
    return torch.stack(grads)


@mistake("copy .grad into a new torch.zeros(shape) buffer (default float32)", replaces="per_batch_grads")
def copies_into_float32(model, batches):
    grads = []
    for x, y in batches:
        model.zero_grad()
        F.mse_loss(model(x), y).backward()
        g = torch.zeros(model.weight.shape)
        g.copy_(model.weight.grad)
        grads.append(g)
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
