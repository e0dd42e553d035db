"""Named mistakes of kata autograd/linear_gradients."""

from katas._support.mistakes import mistake


@mistake("forgot the factor 2 from the square", replaces="mse_linear_grads")
def no_factor_two(x, target, weight, bias):
    d_y = ((x @ weight.T + bias) - target) / target.numel()
    return d_y.T @ x, d_y.sum(dim=0)


@mistake("divided by N (the batch) only, not by N * out", replaces="mse_linear_grads")
def batch_mean_only(x, target, weight, bias):
    d_y = 2 * ((x @ weight.T + bias) - target) / x.shape[0]
    return d_y.T @ x, d_y.sum(dim=0)


@mistake("weight gradient transposed: x.T @ dL/dy has shape (in, out)", replaces="mse_linear_grads")
def transposed(x, target, weight, bias):
    d_y = 2 * ((x @ weight.T + bias) - target) / target.numel()
    return x.T @ d_y, d_y.sum(dim=0)


@mistake("computed the residual in place in target (target -= y, then negated): the caller's target is "
         "overwritten", replaces="mse_linear_grads")
def residual_in_place(x, target, weight, bias):
    residual = target.sub_(x @ weight.T + bias).neg_()
    d_y = 2 * residual / residual.numel()
    return d_y.T @ x, d_y.sum(dim=0)


from torch.autograd import grad as autograd_grad  # noqa: E402  (bound before any test runs)
from torch.func import grad as func_grad  # noqa: E402


@mistake("differentiated with torch.func.grad, imported at module load, instead of by hand",
         replaces="mse_linear_grads")
def uses_torch_func(x, target, weight, bias):
    loss = lambda w, b: ((x @ w.T + b - target) ** 2).mean()  # noqa: E731
    return func_grad(loss, argnums=(0, 1))(weight, bias)


@mistake("torch.autograd.grad imported by name at module load (from torch.autograd import grad)",
         replaces="mse_linear_grads")
def uses_imported_grad(x, target, weight, bias):
    w, b = weight.detach().requires_grad_(True), bias.detach().requires_grad_(True)
    return autograd_grad(((x @ w.T + b - target) ** 2).mean(), (w, b))


# Written blind, from the stub alone (red team, 2026-12)

import torch  # noqa: E402


@mistake("divided by x.numel() (N·in) instead of the number of output elements N·out", replaces="mse_linear_grads")
def divides_by_input_numel(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (y - target) / x.numel()
    return d.T @ x, d.sum(0)


@mistake("averaged dL/dy over the batch for the bias (mean(0)) on top of the 1/(N·out) already in it",
         replaces="mse_linear_grads")
def bias_mean_instead_of_sum(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (y - target) / y.numel()
    return d.T @ x, d.mean(0)


@mistake("used the residual target - y: both gradients have the wrong sign", replaces="mse_linear_grads")
def wrong_sign_residual(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (target - y) / y.numel()
    return d.T @ x, d.sum(0)


@mistake("left the bias out of the forward pass (y = x @ W.T) when computing the residual", replaces="mse_linear_grads")
def forgets_bias_in_forward(x, target, weight, bias):
    y = x @ weight.T
    d = 2 * (y - target) / y.numel()
    return d.T @ x, d.sum(0)


@mistake("summed the bias gradient with keepdim=True: shape (1, out) instead of bias's (out,)", replaces="mse_linear_grads")
def bias_grad_keepdim(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (y - target) / y.numel()
    return d.T @ x, d.sum(0, keepdim=True)


@mistake("returned the gradients in the wrong order, (dL/db, dL/dW)", replaces="mse_linear_grads")
def swapped_order(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (y - target) / y.numel()
    return d.sum(0), d.T @ x


@mistake("returned a list [dW, db] instead of a tuple", replaces="mse_linear_grads")
def returns_list(x, target, weight, bias):
    y = x @ weight.T + bias
    d = 2 * (y - target) / y.numel()
    return [d.T @ x, d.sum(0)]


@mistake("normalised the weight gradient but forgot to normalise the bias gradient (2·sum of residuals)",
         replaces="mse_linear_grads")
def bias_not_normalised(x, target, weight, bias):
    y = x @ weight.T + bias
    r = y - target
    return 2 * r.T @ x / r.numel(), 2 * r.sum(0)


@mistake("let autograd do it (torch.autograd.grad on copies) instead of deriving the gradients by hand",
         replaces="mse_linear_grads")
def uses_autograd_grad(x, target, weight, bias):
    w = weight.detach().clone().requires_grad_(True)
    b = bias.detach().clone().requires_grad_(True)
    loss = ((x @ w.T + b - target) ** 2).mean()
    dw, db = torch.autograd.grad(loss, (w, b))
    return dw, db


@mistake("called .backward() on the loss with weight and bias themselves (forbidden, and it leaves "
         "requires_grad and .grad set on the caller's tensors)", replaces="mse_linear_grads")
def uses_backward_on_inputs(x, target, weight, bias):
    weight.requires_grad_(True)
    bias.requires_grad_(True)
    weight.grad = None
    bias.grad = None
    torch.nn.functional.mse_loss(x @ weight.T + bias, target).backward()
    return weight.grad, bias.grad


@mistake("wrote the forward pass as x @ weight (no transpose): breaks on non-square weights and gives the "
         "wrong residual on square ones", replaces="mse_linear_grads")
def forward_without_transpose(x, target, weight, bias):
    y = x @ weight + bias
    d = 2 * (y - target) / y.numel()
    return d.T @ x, d.sum(0)


@mistake("differentiated a summed squared error: no 1/(N·out) at all", replaces="mse_linear_grads")
def no_normalisation(x, target, weight, bias):
    r = x @ weight.T + bias - target
    return 2 * r.T @ x, 2 * r.sum(dim=0)


@mistake("flattened with .view(-1) to average over all elements: breaks on non-contiguous "
         "targets", replaces="mse_linear_grads")
def view_on_non_contiguous(x, target, weight, bias):
    y = x @ weight.T + bias
    n, out = y.shape
    residual = (y.reshape(-1) - target.view(-1)).view(n, out)
    dy = 2 * residual / residual.numel()
    return dy.T @ x, dy.sum(dim=0)


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until weight and bias came requiring grad, as an nn.Linear's parameters do.

@mistake("switched requires_grad off on weight and bias 'since no autograd is allowed'; the docstring says "
         "the arguments are left unchanged, requires_grad included", replaces="mse_linear_grads")
def turns_off_requires_grad(x, target, weight, bias):
    weight.requires_grad_(False)
    bias.requires_grad_(False)
    r = x @ weight.T + bias - target
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0)
