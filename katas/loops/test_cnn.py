"""Tests of kata loops/cnn: the parameters, the output against the same network written out with
functional calls, gradients, and one short training run.

The learner's layer names and registration order are theirs to choose: parameters are matched to
the architecture by shape (every one of the eight shapes differs), copied into a hand-written
forward pass, and the two outputs compared on images with negative values, in train mode and in
eval mode (a stray Dropout only shows in train mode).
"""

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.nn import functional as F

from katas._support import data
from katas._support.checks import check_equal, check_tensor, fail

PARAMETERS = 421_642  # conv 320 + conv 18,496 + Linear 401,536 + Linear 1,290 (keras/cnn has the same)
LAYOUT = "Conv2d(1, 32, 3, padding=1), ReLU, MaxPool2d(2), Conv2d(32, 64, 3, padding=1), ReLU, MaxPool2d(2), " \
         "Flatten, Linear(64 * 7 * 7, 128), ReLU, Linear(128, 10)"
#: The parameters of the architecture, in the order the functional forward pass below takes them.
SHAPES = [(32, 1, 3, 3), (32,), (64, 32, 3, 3), (64,), (128, 64 * 7 * 7), (128,), (10, 128), (10,)]


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


def functional_forward(params, x):
    """The architecture written out with functional calls: the oracle."""
    w1, b1, w2, b2, w3, b3, w4, b4 = params
    x = F.max_pool2d(F.relu(F.conv2d(x, w1, b1, padding=1)), 2)  # 28 -> 14
    x = F.max_pool2d(F.relu(F.conv2d(x, w2, b2, padding=1)), 2)  # 14 -> 7
    x = F.relu(F.linear(x.flatten(start_dim=1), w3, b3))  # (N, 64, 7, 7) -> (N, 3136), C, H, W order
    return F.linear(x, w4, b4)


def parameters_of(model, call):
    """The model's parameters in the order of SHAPES, found by shape."""
    params = list(model.parameters())
    lazy = [p for p in params if isinstance(p, nn.parameter.UninitializedParameter)]
    if lazy:
        fail(call, "parameters", f"all {PARAMETERS:,} created in __init__",
             f"{len(lazy)} lazy parameters, not created until the first forward pass",
             "nn.Linear(64 * 7 * 7, 128): work the size out (28 -> 14 -> 7) instead of using nn.LazyLinear")
    check_equal(sum(p.numel() for p in params), PARAMETERS, call=call, what="number of parameters",
                misconception=LAYOUT)
    shapes = [tuple(p.shape) for p in params]
    if sorted(shapes) != sorted(SHAPES):
        fail(call, "parameter shapes (in any order)", SHAPES, shapes, LAYOUT)
    by_shape = {tuple(p.shape): p for p in params}
    return [by_shape[shape] for shape in SHAPES]


def hint_for(got, expected):
    """The misconception that fits wrong logits."""
    if got.shape != expected.shape:
        return "one row of 10 logits per image: shape (N, 10), even for N = 1 (no .squeeze())"
    if got.ndim == 2 and got.shape[0] > 1 and torch.allclose(got.sum(dim=1), torch.ones_like(got[:, 0]), atol=1e-4):
        return "return the last Linear layer's output: rows that sum to 1 are a softmax (cross_entropy applies it)"
    if bool((got >= 0).all()) and bool((expected < 0).any()):
        return "logits can be negative: no ReLU after the last Linear layer"
    return f"{LAYOUT}; Flatten keeps the C, H, W order of the (N, 64, 7, 7) maps"


def test_parameter_count_and_shapes(kata):
    parameters_of(kata.ImageClassifier(), "ImageClassifier()")


@settings(max_examples=6)
@given(batch=st.integers(1, 4), seed=st.integers(0, 2**16))
@example(batch=1, seed=0)
@example(batch=3, seed=1)
def test_logits_are_the_architectures_in_both_modes(kata, device, batch, seed):
    torch.manual_seed(seed)
    model = kata.ImageClassifier().to(device)
    params = [p.detach() for p in parameters_of(model, "ImageClassifier()")]
    x = torch.randn(batch, 1, 28, 28, generator=torch.Generator().manual_seed(seed)).to(device)
    with torch.no_grad():
        expected = functional_forward(params, x)
        for mode in ("train", "eval"):  # a fresh model is in train mode
            model.train(mode == "train")
            call = f"ImageClassifier() in {mode} mode, on images of shape ({batch}, 1, 28, 28) with negative values"
            got = model(x)
            misconception = hint_for(got, expected) if isinstance(got, torch.Tensor) else LAYOUT
            if mode == "train" and isinstance(got, torch.Tensor) and got.shape == expected.shape \
                    and not torch.allclose(got, expected, rtol=1e-4, atol=1e-5) \
                    and torch.allclose(model.eval()(x), expected, rtol=1e-4, atol=1e-5):
                misconception = "the same output in train and eval mode: no Dropout (and no BatchNorm) in this network"
            check_tensor(got, expected, framework="torch", device=device, call=call, rtol=1e-4, atol=1e-5,
                         misconception=misconception)


def test_gradients_reach_every_parameter(kata):
    torch.manual_seed(2)
    model = kata.ImageClassifier()
    params = parameters_of(model, "ImageClassifier()")
    generator = torch.Generator().manual_seed(3)
    x, upstream = torch.randn(2, 1, 28, 28, generator=generator), torch.randn(2, 10, generator=generator)
    copies = [p.detach().clone().requires_grad_(True) for p in params]
    expected = torch.autograd.grad((functional_forward(copies, x) * upstream).sum(), copies)
    call = "(ImageClassifier()(x) * g).sum().backward(), x (2, 1, 28, 28)"
    output = model(x)
    if not isinstance(output, torch.Tensor) or output.grad_fn is None:
        fail(call, "output", "a tensor that keeps the autograd graph (output.grad_fn set)",
             "no graph: backward cannot reach the parameters",
             "no torch.no_grad() and no .detach() inside forward: training needs the graph")
    (output * upstream).sum().backward()
    for shape, p, e in zip(SHAPES, params, expected):
        if p.grad is None:
            fail(call, f".grad of the parameter of shape {shape}", "a gradient", "None",
                 "every parameter takes part in forward, through the graph")
        check_tensor(p.grad, e, framework="torch", call=f"{call}: .grad of the parameter of shape {shape}",
                     rtol=1e-4, atol=1e-5, misconception=LAYOUT)


def test_it_learns_a_small_image_task(kata):
    """Class k is a bright square at the k-th of ten places. Every correct network starts from the
    same weights (copied in by shape), so the run does not depend on the learner's layer order."""
    x, y = (torch.from_numpy(a) for a in data.bright_squares(150, seed=1))
    x_test, y_test = (torch.from_numpy(a) for a in data.bright_squares(100, seed=2))
    model = kata.ImageClassifier()
    torch.manual_seed(0)
    start = [layer.weight for layer in (nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3), nn.Linear(3136, 128),
                                        nn.Linear(128, 10))]
    with torch.no_grad():
        for p, weight in zip(parameters_of(model, "ImageClassifier()"), [w for w in start for w in (w, None)]):
            p.copy_(weight if weight is not None else torch.zeros_like(p))
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    for _ in range(2):
        for i in range(0, len(x), 25):
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x[i:i + 25]), y[i:i + 25]).backward()
            optimizer.step()
    with torch.no_grad():
        predicted = model.eval()(x_test).argmax(dim=1)
    accuracy = (predicted == y_test).double().mean().item()
    if accuracy < 0.9:
        fail("2 epochs of Adam(lr=2e-3) on 150 images of bright squares", "test accuracy", "at least 0.90",
             f"{accuracy:.2f}", "the model returns logits, and each conv block is Conv2d, ReLU, MaxPool2d")
