"""Blind red team: wrong answers for kata autograd/linear_gradients."""
import torch
from katas._support.mistakes import mistake


@mistake("divided by the batch size N instead of by all N·out elements", replaces="mse_linear_grads")
def divided_by_batch_only(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / x.shape[0]
    return dy.T @ x, dy.sum(dim=0)


@mistake("divided by x.numel() (N·in) instead of the number of output elements N·out",
         replaces="mse_linear_grads")
def divided_by_input_count(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / x.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("dL/dW = x.T @ dy: the (in, out) transpose of the weight gradient",
         replaces="mse_linear_grads")
def transposed_weight_grad(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / residual.numel()
    return x.T @ dy, dy.sum(dim=0)


@mistake("bias gradient as 2·mean over the batch, forgetting the 1/out of the mean",
         replaces="mse_linear_grads")
def bias_grad_batch_mean(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / residual.numel()
    return dy.T @ x, 2 * residual.mean(dim=0)


@mistake("forgot the bias in the forward pass (y = x @ W.T)", replaces="mse_linear_grads")
def forgot_bias_in_forward(x, target, weight, bias):
    residual = x @ weight.T - target
    dy = 2 * residual / residual.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("forward as x @ weight without the transpose (only runs when in == out)",
         replaces="mse_linear_grads")
def weight_not_transposed(x, target, weight, bias):
    residual = x @ weight + bias - target
    dy = 2 * residual / residual.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("residual written as target - y: both gradients have the wrong sign",
         replaces="mse_linear_grads")
def sign_flipped(x, target, weight, bias):
    residual = target - (x @ weight.T + bias)
    dy = 2 * residual / residual.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("let autograd do it on detached copies with loss.backward()", replaces="mse_linear_grads")
def used_backward(x, target, weight, bias):
    w = weight.detach().clone().requires_grad_(True)
    b = bias.detach().clone().requires_grad_(True)
    loss = ((x.detach() @ w.T + b - target.detach()) ** 2).mean()
    loss.backward()
    return w.grad, b.grad


@mistake("stored the gradients in weight.grad and bias.grad like autograd does, then returned them",
         replaces="mse_linear_grads")
def stored_in_grad_attributes(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / residual.numel()
    weight.grad = (dy.T @ x).detach()
    bias.grad = dy.sum(dim=0).detach()
    return weight.grad, bias.grad


@mistake("accumulated per-sample outer products into torch.zeros(shape): float32 even for "
         "float64 inputs", replaces="mse_linear_grads")
def float32_accumulators(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / residual.numel()
    grad_w = torch.zeros(weight.shape)
    grad_b = torch.zeros(bias.shape)
    for i in range(x.shape[0]):
        grad_w += torch.outer(dy[i], x[i])
        grad_b += dy[i]
    return grad_w, grad_b


@mistake("flattened with .view(-1) to average over all elements: breaks on non-contiguous "
         "targets", replaces="mse_linear_grads")
def view_on_non_contiguous(x, target, weight, bias):
    y = x @ weight.T + bias
    n, out = y.shape
    residual = (y.reshape(-1) - target.view(-1)).view(n, out)
    dy = 2 * residual / residual.numel()
    return dy.T @ x, dy.sum(dim=0)


@mistake("returns a list [dW, db] instead of the tuple", replaces="mse_linear_grads")
def returned_list(x, target, weight, bias):
    residual = x @ weight.T + bias - target
    dy = 2 * residual / residual.numel()
    return [dy.T @ x, dy.sum(dim=0)]
