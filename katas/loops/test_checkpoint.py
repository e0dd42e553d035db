"""Tests of kata loops/checkpoint: what the file holds, the reload-equality check, a checkpoint
saved on a GPU, and safe loading.

The models carry batch norm (running statistics moved by a few training steps) and dropout, so
lost buffers and a reloaded model left in train mode both change the predictions. The file is
read back with ``torch.load(path, weights_only=True)``; a GPU checkpoint is imitated on any
machine by tagging its tensors' storage "cuda:0" while it is saved; and the unsafe-file test runs
with ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1``, which makes torch.load default to weights_only=False
as it did before torch 2.6.
"""

import contextlib
import functools
import pathlib
import pickle

import pytest
import torch
import torch.serialization
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_equal, check_tensor, error_line, fail, message_line
from katas._support.strategies import arrays, shapes, to_torch

SAVE = "torch.save(model.state_dict(), path): a dict of the parameters and buffers, under their names, as they are"
RELOAD = "save model.state_dict(); load: model = build(); model.load_state_dict(torch.load(path, " \
         "map_location=device, weights_only=True)); return model.to(device).eval()"


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


@pytest.fixture(autouse=True)
def grad_mode_restored():
    """A load_weights that switches recording off for good must not spoil the tests after it."""
    yield
    torch.set_grad_enabled(True)


def build(n_in, n_hidden, n_out, seed):
    torch.manual_seed(seed)  # a different seed than the saved model's: its weights must be loaded
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.BatchNorm1d(n_hidden), nn.ReLU(), nn.Dropout(0.3),
                         nn.Linear(n_hidden, n_out))


def trained(n, n_in, n_hidden, n_out, seed, x=None):
    """A model with dropout and batch norm, three training steps in (so its running statistics
    moved), left in train mode; its builder; and inputs."""
    model = build(n_in, n_hidden, n_out, seed)
    if x is None:
        x = torch.randn(n, n_in, generator=torch.Generator().manual_seed(seed)) * 2
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(3):
        optimizer.zero_grad()
        model(x).square().mean().backward()
        optimizer.step()
    return model, functools.partial(build, n_in, n_hidden, n_out, seed=12345), x


@st.composite
def trained_models(draw):
    n, n_in, n_hidden, n_out = draw(shapes(min_dims=4, max_dims=4, min_side=2, max_side=6), label="(N, in, hidden, out)")
    x = to_torch(draw(arrays("float32", (n, n_in), bound=3), label="x"))
    return trained(n, n_in, n_hidden, n_out, draw(st.integers(0, 2**16), label="seed"), x)


def read_back(path, call):
    """What torch.load(path, weights_only=True) finds at path, or a failure that says why not."""
    try:
        return torch.load(path, weights_only=True)
    except FileNotFoundError:
        fail(call, "file", f"a file at {pathlib.Path(path).name}", "no file there",
             "write to path exactly as given, whatever its suffix (no .with_suffix('.pt'))")
    except pickle.UnpicklingError as error:
        fail(call, "file", "tensors that torch.load(path, weights_only=True) reads back",
             "refused: " + next((line.strip() for line in str(error).splitlines() if "WeightsUnpickler" in line),
                                message_line(error)),
             "save model.state_dict(), not the model object, and keep the tensors (no .numpy())")


@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seeds=st.tuples(st.integers(0, 2**16), st.integers(0, 2**16)).filter(lambda s: s[0] != s[1]),
       sizes=shapes(min_dims=4, max_dims=4, min_side=2, max_side=5))
@example(seeds=(0, 1), sizes=(3, 2, 4, 3))
def test_the_file_holds_the_state_dict_and_a_second_save_replaces_it(kata, tmp_path, seeds, sizes):
    path = tmp_path / "weights.pth"
    path.unlink(missing_ok=True)  # Hypothesis runs this body several times in one tmp_path
    for turn, seed in enumerate(seeds):
        model = trained(*sizes, seed)[0]
        expected = {name: value.clone() for name, value in model.state_dict().items()}
        call = "save_weights(model with BatchNorm1d and Dropout, in train mode, 'weights.pth')" + \
               (", a second model to the same path" if turn else "")
        kata.save_weights(model, path)
        check_equal(model.training, True, call=call, what="model.training afterwards",
                    misconception="saving leaves the model as it was: no model.eval() in save_weights")
        got = read_back(path, call)
        if not isinstance(got, dict):
            fail(call, "file content", "a dict from names to tensors (model.state_dict())",
                 type(got).__name__, SAVE)
        check_equal(sorted(got), sorted(expected), call=call, what="names in the file",
                    misconception=f"{SAVE}; not wrapped in another dict, and the buffers (running_mean, "
                                  "running_var, num_batches_tracked) too")
        for name, value in expected.items():
            stale = turn and torch.is_tensor(got[name]) and got[name].shape == value.shape and \
                not torch.equal(got[name], value)
            check_tensor(got[name], value, framework="torch", call=f"{call}: {name} in the file", rtol=0, atol=0,
                         misconception="replace the file already at path with this model's weights" if stale else
                         f"{SAVE}: same dtype (no .half()) and values")


@settings(max_examples=6, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(problem=trained_models())
@example(problem=None)  # pinned: 4 rows, 3 in, 5 hidden, 2 out, seed 3
@example(problem="float64")  # the same, saved in float64 and built in float64: it comes back in float64
def test_reload_predicts_identically(kata, device, tmp_path, problem):
    if problem == "float64" and device == "mps":
        return  # MPS has no float64
    model, builder, x = problem if problem not in (None, "float64") else trained(4, 3, 5, 2, seed=3)
    if problem == "float64":
        model, x, builder = model.double(), x.double(), float64_builder(builder)
    expected = model.eval()(x).detach()
    before = {name: value.clone() for name, value in model.state_dict().items()}
    path = str(tmp_path / "model.pt")  # a str, as in the docstring's example
    with conversions_of(model) as conversions:
        kata.save_weights(model, path)
    saving = "save_weights(model with BatchNorm1d and Dropout, in eval mode, 'model.pt')"
    if conversions:
        fail(saving, "the model afterwards", "left where it was, as it was",
             f"converted in place {len(conversions)} time(s), by .cpu(), .to(), .half() or the like",
             "saving leaves the model as it was: model.cpu() moves the caller's model off its GPU; save "
             "model.state_dict() as it is")
    check_equal([name or "the model" for name, m in model.named_modules() if m.training], [], call=saving,
                what="modules of the saved model in train mode afterwards",
                misconception="saving leaves the model as it was, in the mode it was in: no model.train() after")
    for name, value in model.state_dict().items():
        check_tensor(value, before[name], framework="torch", call=f"{saving}: the model's {name} afterwards",
                     rtol=0, atol=0, misconception="saving leaves the model as it was: no .cpu(), .half() or "
                                                   "in-place change of its tensors")
    call = (f"load_weights(build, 'model.pt', device) after save_weights(model with BatchNorm1d and Dropout"
            f"{', in float64' if x.dtype == torch.float64 else ''}, 'model.pt')")
    try:
        reloaded = kata.load_weights(builder, path, device)
        leaked = not torch.is_grad_enabled()
    finally:
        torch.set_grad_enabled(True)  # a leaked grad mode must not spoil the next test
    if leaked:
        fail(call, "grad mode afterwards", "recording, as before the call (torch.is_grad_enabled() is True)",
             "switched off", "load_weights only loads: torch.set_grad_enabled(False) as a plain call leaves "
                             "recording off for the caller")
    if not isinstance(reloaded, nn.Module):
        fail(call, "result", "the model (an nn.Module)", type(reloaded).__name__,
             "load_state_dict returns a report of missing and unexpected keys: return the model itself")
    training = [name or "the model" for name, m in reloaded.named_modules() if m.training]
    check_equal(training, [], call=call, what="modules still in train mode",
                misconception="return the model in eval mode, model.eval() (with the parentheses): in train mode "
                              "dropout and batch norm change the outputs")
    check_dtype_and_device(reloaded, call, device, dtype=x.dtype)
    with torch.no_grad():
        got = reloaded(x.to(device))
    exact = device == "cpu"
    check_tensor(got, expected, framework="torch", device=device, call=f"{call}: predictions on x {tuple(x.shape)}",
                 rtol=0 if exact else 1e-5, atol=0 if exact else 1e-6,
                 misconception=f"{RELOAD}; load_state_dict loads the buffers too (batch norm's running statistics)")


@contextlib.contextmanager
def conversions_of(model):
    """The conversions (``.to()``, ``.cpu()``, ``.cuda()``, ``.half()``, ...) applied to ``model``
    itself while the block runs, one list item each: they all go through ``nn.Module._apply``,
    so a move is seen on every machine, even where ``.cpu()`` changes nothing. A copy of the model
    may be converted freely."""
    conversions, apply = [], nn.Module._apply

    def watched(self, fn, *args, **kwargs):
        if self is model:
            conversions.append(fn)
        return apply(self, fn, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nn.Module, "_apply", watched)
        yield conversions


def float64_builder(builder):
    """``builder`` whose model is made in float64, as a float64 model's own builder would."""
    return lambda: builder().double()


def check_dtype_and_device(reloaded, call, device="cpu", dtype=torch.float32):
    """The reloaded parameters' dtype (as saved) and device (the one asked for)."""
    dtypes = sorted({str(p.dtype).removeprefix("torch.") for p in reloaded.parameters()})
    check_equal(dtypes, [str(dtype).removeprefix("torch.")], call=call, what="dtype of the reloaded parameters",
                misconception="the saved model's dtype, as saved: no .double(), .float() or .to(dtype) after loading")
    devices = sorted({p.device.type for p in reloaded.parameters()})
    check_equal(devices, [torch.device(device).type], call=call, what="device of the reloaded parameters",
                misconception="return model.to(device): load_state_dict copies the values into the model "
                              "where it is, whatever map_location put them on")


def save_as_if_on_a_gpu(state_dict, path):
    """torch.save, with every storage tagged "cuda:0": the file a GPU machine writes."""
    entry = (0, lambda storage: "cuda:0", lambda storage, location: None)
    torch.serialization._package_registry.insert(0, entry)  # noqa: SLF001
    try:
        torch.save(state_dict, path)
    finally:
        torch.serialization._package_registry.remove(entry)  # noqa: SLF001


def test_a_checkpoint_saved_on_a_gpu_loads_onto_device(kata, device, tmp_path):
    model, builder, x = trained(5, 3, 4, 2, seed=7)
    expected = model.eval()(x).detach()
    save_as_if_on_a_gpu(model.state_dict(), tmp_path / "from-a-gpu.pt")
    call = f"load_weights(build, a checkpoint saved on a GPU, torch.device({device!r})), called under torch.no_grad()"
    try:
        with torch.no_grad():
            reloaded = kata.load_weights(builder, tmp_path / "from-a-gpu.pt", torch.device(device))
            recording = torch.is_grad_enabled()
    except RuntimeError as error:
        fail(call, "result", f"the model on {device}", error_line(error),
             "torch.load(path, map_location=device, weights_only=True): map_location puts the tensors on device "
             "whatever device they were saved from")
    if recording:
        fail(call, "grad mode afterwards", "off, as before the call (torch.is_grad_enabled() is False)",
             "switched on", "leave grad mode as it was: `with torch.no_grad():` restores the caller's mode; "
                            "torch.set_grad_enabled(True) afterwards switches it on for a caller that had it off")
    check_dtype_and_device(reloaded, call, device)
    with torch.no_grad():
        got = reloaded.eval()(x.to(device))
    check_tensor(got, expected, framework="torch", device=device, call=f"{call}: predictions on x {tuple(x.shape)}",
                 rtol=1e-5, atol=1e-6, misconception=RELOAD)


class Payload:
    """Unpickling this creates a file: proof that code from the checkpoint ran."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return pathlib.Path.touch, (pathlib.Path(self.marker),)


SAFE = "torch.load(path, weights_only=True) unpickles tensors only and refuses anything else; say it, because " \
       "before torch 2.6 (and with TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1) the default is False"


def test_a_checkpoint_carrying_code_is_refused_and_nothing_runs(kata, tmp_path, monkeypatch):
    marker = tmp_path / "code-from-the-checkpoint-ran"
    model = build(3, 4, 2, seed=0)
    torch.save({**model.state_dict(), "payload": Payload(marker)}, tmp_path / "evil.pt")
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")  # torch.load's default as before torch 2.6
    call = "load_weights(build, a checkpoint that also carries a pickled object, 'cpu'), where weights_only " \
           "defaults to False"
    got = "it loaded"
    try:
        kata.load_weights(lambda: build(3, 4, 2, seed=1), tmp_path / "evil.pt", "cpu")
    except pickle.UnpicklingError:
        got = None
    except Exception as error:  # noqa: BLE001  (any other error is judged below, after the marker)
        got = error_line(error)
    finally:
        if marker.exists():
            fail(call, "result", "refused before any of the file's code runs", "the file's code ran", SAFE)
    if got:
        fail(call, "result", "refused: pickle.UnpicklingError, raised by torch.load", got, SAFE)
