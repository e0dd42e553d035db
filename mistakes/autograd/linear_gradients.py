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
