"""Tests of kata loops/cnn: output shape for any batch, the exact parameter count, and learning."""

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from katas._support import data
from katas._support.checks import check_equal, fail

PARAMETERS = 421_642  # conv 320 + conv 18,496 + Linear 401,536 + Linear 1,290 (keras/cnn has the same)
LAYOUT = "Conv2d(1, 32, 3, padding=1), ReLU, MaxPool2d(2), Conv2d(32, 64, 3, padding=1), ReLU, MaxPool2d(2), " \
         "Flatten, Linear(64 * 7 * 7, 128), ReLU, Linear(128, 10)"


def test_parameter_count_and_layers(kata):
    model = kata.ImageClassifier()
    count = sum(p.numel() for p in model.parameters())
    check_equal(count, PARAMETERS, call="ImageClassifier()", what="number of parameters", misconception=LAYOUT)
    kinds = [type(m).__name__ for m in model.modules() if isinstance(m, (nn.Conv2d, nn.MaxPool2d, nn.Linear))]
    check_equal(kinds, ["Conv2d", "MaxPool2d", "Conv2d", "MaxPool2d", "Linear", "Linear"], call="ImageClassifier()",
                what="convolution, pooling and linear layers in order", misconception=LAYOUT)


@given(batch=st.integers(1, 8))
def test_output_is_one_row_of_ten_logits_per_image(kata, device, batch):
    torch.manual_seed(0)
    model = kata.ImageClassifier().to(device)
    logits = model(torch.rand(batch, 1, 28, 28, device=device))
    call = f"ImageClassifier()(images of shape ({batch}, 1, 28, 28))"
    check_equal(tuple(logits.shape), (batch, 10), call=call, what="output shape", misconception=LAYOUT)
    check_equal(logits.device.type, device, call=call, what="output device")
    if batch > 1 and torch.allclose(logits.sum(dim=1), torch.ones(batch, device=device)):
        fail(call, "output", "logits (any real numbers)", "rows that sum to 1",
             "return the last Linear layer's output; cross_entropy applies the softmax itself")


def test_it_learns_a_small_image_task(kata):
    """Class k is a bright square at the k-th of ten places; 3 epochs of Adam are enough."""
    x, y = (torch.from_numpy(a) for a in data.bright_squares(300, seed=1))
    x_test, y_test = (torch.from_numpy(a) for a in data.bright_squares(200, seed=2))
    torch.manual_seed(0)
    model = kata.ImageClassifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(3):
        for i in range(0, len(x), 50):
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x[i:i + 50]), y[i:i + 50]).backward()
            optimizer.step()
    with torch.no_grad():  # in batches: 200 images at once hold about 75 MiB of activations
        predicted = torch.cat([model.eval()(x_test[i:i + 50]).argmax(dim=1) for i in range(0, len(x_test), 50)])
    accuracy = (predicted == y_test).double().mean().item()
    if accuracy < 0.9:
        fail("3 epochs of Adam(lr=1e-3) on 300 images of bright squares", "test accuracy", "at least 0.90",
             f"{accuracy:.2f}", "the model returns logits, and each conv block is Conv2d, ReLU, MaxPool2d")
