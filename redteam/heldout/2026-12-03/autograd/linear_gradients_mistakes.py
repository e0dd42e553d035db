"""Blind red team: wrong answers for kata autograd/linear_gradients."""
import torch

from katas._support.mistakes import mistake


@mistake("I divided by the batch size N (x.shape[0]) as in 'mean over the batch'; the docstring's "
         "mean is over all N·out elements, so it is wrong whenever out > 1 (the example has out = 1)",
         replaces="mse_linear_grads")
def divides_by_batch_size(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = 2 * r / x.shape[0]
    return dy.T @ x, dy.sum(dim=0)


@mistake("I counted the elements with x.numel() (N·in) instead of the output's N·out: right only when "
         "in == out, as in the example", replaces="mse_linear_grads")
def divides_by_input_numel(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = 2 * r / x.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("I wrote dL/dW = x.T @ dy, which has shape (in, out), the transpose of weight's (out, in); "
         "the 1x1 example cannot tell", replaces="mse_linear_grads")
def weight_gradient_transposed(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = 2 * r / r.numel()
    return x.T @ dy, dy.sum(dim=0)


@mistake("I summed dy over the batch with keepdim=True: dL/db comes out (1, out), not bias's shape "
         "(out,)", replaces="mse_linear_grads")
def bias_gradient_keeps_dim(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0, keepdim=True)


@mistake("I let autograd do it: copies with requires_grad, loss.backward(), then read .grad; the "
         "docstring forbids .backward() (by hand, tensor algebra only)", replaces="mse_linear_grads")
def uses_backward(x, target, weight, bias):
    w = weight.detach().clone().requires_grad_(True)
    b = bias.detach().clone().requires_grad_(True)
    loss = ((x.detach() @ w.T + b - target.detach()) ** 2).mean()
    loss.backward()
    return w.grad, b.grad


@mistake("I returned [dW, db], a list; the docstring says return the tuple (dL/dW, dL/db)",
         replaces="mse_linear_grads")
def returns_list(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = 2 * r / r.numel()
    return [dy.T @ x, dy.sum(dim=0)]


@mistake("I accumulated the per-sample outer products into torch.zeros(weight.shape) and "
         "torch.zeros(bias.shape): those are float32, so float64 arguments get float32 gradients "
         "(the docstring says weight's and bias's dtype)", replaces="mse_linear_grads")
def float32_accumulators(x, target, weight, bias):
    n = target.numel()
    dw = torch.zeros(weight.shape)
    db = torch.zeros(bias.shape)
    for i in range(x.shape[0]):
        r = x[i] @ weight.T + bias - target[i]
        g = 2 * r / n
        dw += torch.outer(g, x[i])
        db += g
    return dw, db


@mistake("I switched requires_grad off on weight and bias first 'so no graph gets built': the caller's "
         "parameters no longer require grad afterwards; the docstring says the arguments are left "
         "unchanged, requires_grad included", replaces="mse_linear_grads")
def turns_off_requires_grad(x, target, weight, bias):
    weight.requires_grad_(False)
    bias.requires_grad_(False)
    r = x @ weight.T + bias - target
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("I forgot the bias in the forward pass (y = x @ W.T): the residual is wrong whenever bias is "
         "not zero, and the example's bias is zero", replaces="mse_linear_grads")
def forgets_bias_in_forward(x, target, weight, bias):
    r = x @ weight.T - target
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("I wrote y = x @ weight (no transpose): it only runs when in == out and then uses W's "
         "transpose; the docstring's layer is y = x @ W.T with W (out, in)", replaces="mse_linear_grads")
def forgets_weight_transpose(x, target, weight, bias):
    r = x @ weight + bias - target
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("I took the residual as target - y: every gradient has the wrong sign",
         replaces="mse_linear_grads")
def residual_sign_flipped(x, target, weight, bias):
    r = target - (x @ weight.T + bias)
    dy = 2 * r / r.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("I forgot the 2 from the derivative of the square: (y - t)/n instead of 2(y - t)/n, "
         "every gradient is half the right size", replaces="mse_linear_grads")
def forgets_factor_two(x, target, weight, bias):
    r = x @ weight.T + bias - target
    dy = r / r.numel()
    return dy.T @ x, dy.sum(dim=0)
