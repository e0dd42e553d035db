"""Tests of kata loops/checkpoint: the named reload-equality check, and safe loading."""

import functools
import pathlib
import pickle

import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_equal, check_tensor, fail
from katas._support.strategies import arrays, shapes, to_torch

RELOAD = "save model.state_dict(); load: model = build(); model.load_state_dict(torch.load(path, " \
         "map_location=device, weights_only=True)); return model.to(device).eval()"


def build(n_in, n_hidden, n_out, seed):
    torch.manual_seed(seed)  # a different seed than the saved model's: its weights must be loaded
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.BatchNorm1d(n_hidden), nn.ReLU(), nn.Dropout(0.3),
                         nn.Linear(n_hidden, n_out))


@st.composite
def trained_models(draw):
    """A model with dropout and batch norm, a few training steps in (so its running statistics
    moved), its builder, and inputs."""
    n, n_in, n_hidden, n_out = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6), label="(N, in, hidden, out)")
    model = build(n_in, n_hidden, n_out, seed=draw(st.integers(0, 2**16), label="seed"))
    x = to_torch(draw(arrays("float32", (n, n_in), bound=3), label="x"))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(3):
        optimizer.zero_grad()
        model(x).square().mean().backward()
        optimizer.step()
    return model, functools.partial(build, n_in, n_hidden, n_out, seed=12345), x


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(problem=trained_models())
def test_reload_predicts_identically(kata, device, tmp_path, problem):
    model, builder, x = problem
    expected = model.eval()(x).detach()
    kata.save_weights(model, tmp_path / "model.pt")
    call = "load_weights(build, path, device) after save_weights(model with BatchNorm1d and Dropout, path)"
    reloaded = kata.load_weights(builder, tmp_path / "model.pt", device)
    check_equal(isinstance(reloaded, nn.Module), True, call=call, what="result is an nn.Module")
    check_equal(reloaded.training, False, call=call, what="reloaded.training",
                misconception="return the model in eval mode: in train mode dropout and batch norm change the outputs")
    with torch.no_grad():
        got = reloaded(x.to(device))
    exact = device == "cpu"
    check_tensor(got, expected, framework="torch", device=device, call=f"{call}: predictions on x {tuple(x.shape)}",
                 rtol=0 if exact else 1e-5, atol=0 if exact else 1e-6, misconception=RELOAD)


class Payload:
    """Unpickling this creates a file: proof that code from the checkpoint ran."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return pathlib.Path.touch, (pathlib.Path(self.marker),)


SAFE = "torch.load(path, weights_only=True) unpickles tensors only and refuses anything else"


def test_a_checkpoint_carrying_code_is_refused_and_nothing_runs(kata, tmp_path):
    marker = tmp_path / "code-from-the-checkpoint-ran"
    model = build(3, 4, 2, seed=0)
    torch.save({**model.state_dict(), "payload": Payload(marker)}, tmp_path / "evil.pt")
    call = "load_weights(build, a checkpoint that also carries a pickled object, 'cpu')"
    got = "it loaded"
    try:
        kata.load_weights(lambda: build(3, 4, 2, seed=1), tmp_path / "evil.pt", "cpu")
    except pickle.UnpicklingError:
        got = None
    finally:
        if marker.exists():
            fail(call, "result", "refused before any of the file's code runs", "the file's code ran", SAFE)
    if got:
        fail(call, "result", "refused: pickle.UnpicklingError", got, SAFE)
