"""Tests of kata loops/modes: predictions in eval mode without a graph, and the mode restored."""

import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_equal, check_tensor
from katas._support.strategies import arrays, shapes, to_torch

EVAL = "model.eval() (dropout off), torch.no_grad(), softmax over dim 1; then model.train(was_training)"


@st.composite
def problems(draw, device):
    """A classifier with dropout, in train or eval mode, and a batch of inputs."""
    n, n_in, n_hidden, n_classes = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=8), label="(N, in, hidden, classes)")
    torch.manual_seed(draw(st.integers(0, 2**16), label="init seed"))
    model = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Dropout(0.5), nn.Linear(n_hidden, n_classes))
    model.train(draw(st.booleans(), label="model.training"))
    return model.to(device), to_torch(draw(arrays("float32", (n, n_in), bound=3), label="x"), device)


@given(data=st.data())
def test_predict_is_eval_mode_inference_and_restores_the_mode(kata, device, data):
    model, x = data.draw(problems(device))
    was_training = model.training
    model.eval()
    with torch.no_grad():
        expected = torch.softmax(model(x), dim=1)
    model.train(was_training)
    call = f"predict(model in {'train' if was_training else 'eval'} mode with Dropout(0.5), x {tuple(x.shape)})"
    probabilities, classes = kata.predict(model, x)
    check_equal(model.training, was_training, call=call, what="model.training afterwards", misconception=EVAL)
    check_equal([m.training for m in model], [was_training] * len(model), call=call,
                what="each layer's training flag afterwards", misconception="model.train(was_training) sets every layer")
    check_equal(probabilities.requires_grad, False, call=call, what="probabilities.requires_grad",
                misconception="inference under torch.no_grad() records no graph")
    check_tensor(probabilities, expected, framework="torch", device=device, call=f"{call}: probabilities",
                 rtol=1e-5, atol=1e-6, misconception=EVAL)
    check_tensor(classes, expected.argmax(dim=1), framework="torch", device=device, call=f"{call}: classes",
                 misconception="probabilities.argmax(dim=1): the class with the largest probability in each row")
