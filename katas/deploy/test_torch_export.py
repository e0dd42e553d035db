"""Tests of kata deploy/torch_export: the file is a torch.export program with a free batch, it
predicts as the model in eval mode, and it loads in a process that never saw the model's class.

The model's class comes from a throw-away module (``fresh.throwaway_module``) that only this
process can import, so a pickled model cannot load anywhere else. It carries batch norm (running
statistics moved by a few training steps) and dropout, so a program traced in train mode predicts
differently. Expected predictions are the model's own in eval mode, computed before the export,
for batch sizes other than the example's; examples of a batch of one are pinned because
``torch.export`` fixes sizes 0 and 1. The learner's ``load_model`` runs in a fresh Python process
(``fresh.call_in_fresh_process``: 2 to 4 s each, so few of them); the program is also read back
here with ``torch.export.load``, which gives the quicker, more precise messages.
"""

import functools
import logging
import zipfile

import pytest
import torch
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from katas._support import fresh
from katas._support.checks import check_equal, check_tensor, fail
from katas._support.strategies import shapes

pytestmark = pytest.mark.usefixtures("torch_one_thread", "export_logs_quiet")  # one math thread: conftest.py


@pytest.fixture
def export_logs_quiet():
    """torch.export logs its trace records, a 0/1-specialized size and a refused file's traceback:
    framework chatter, not the learner's (the errors themselves still come through)."""
    loggers = [logging.getLogger(name) for name in ("torch.__trace", "torch.export", "torch._export",
                                                     "torch.fx.experimental.symbolic_shapes")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels):
        logger.setLevel(level)

MODEL_SOURCE = '''
import torch
from torch import nn


class Scorer(nn.Module):
    """Linear, batch norm, ReLU, dropout, linear: train and eval mode predict differently."""

    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.norm = nn.BatchNorm1d(n_hidden)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.out(self.drop(torch.relu(self.norm(self.hidden(x)))))
'''

EXPORT = ("export in eval mode with a free batch: torch.export.save(torch.export.export(model, (example,), "
          "dynamic_shapes=({0: torch.export.Dim('batch')},)), path)")
LOAD = "torch.export.load(path).module(): the module that runs the program, no class needed"


@functools.cache
def scorer_class():
    """The model's class, in a module no other process can import (made once per session)."""
    return fresh.throwaway_module(MODEL_SOURCE, stem="_torch_export_model").Scorer


def trained(sizes, seed, training):
    """A Scorer three training steps in (batch norm's running statistics moved), in train or eval
    mode; an example batch of ``b`` rows; and a generator for more inputs."""
    b, n_in, n_hidden, n_out = sizes
    torch.manual_seed(seed)
    model = scorer_class()(n_in, n_hidden, n_out)
    generator = torch.Generator().manual_seed(seed)
    data = torch.randn(8, n_in, generator=generator) * 2 + 1
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(3):
        optimizer.zero_grad()
        model(data).square().mean().backward()
        optimizer.step()
    model.train(training)
    return model, torch.randn(b, n_in, generator=generator), generator


def batch_sizes(b):
    """Batch sizes the program must take: 1, the example's, and others, small and large."""
    return sorted({1, 2, 3, b, b + 1, 11, 37})


def eval_predictions(model, inputs):
    """What the model predicts in eval mode, its mode put back afterwards."""
    training = model.training
    model.eval()
    with torch.no_grad():
        expected = [model(x) for x in inputs]
    model.train(training)
    return expected


def called(b, n_in, training):
    mode = "train" if training else "eval"
    return f"export_model(model in {mode} mode with BatchNorm1d and Dropout, example of shape ({b}, {n_in}), 'model.pt2')"


def check_left_as_it_was(model, modes, weights, call, training):
    modes_after = [m.training for m in model.modules()]
    switched = ("model.eval() for the export without switching back: put back the mode it came in, "
                "model.train(was_training), or export a copy (copy.deepcopy(model).eval())" if training else
                "model.train() afterwards switches a model that came in eval mode to train mode: put back the mode "
                "it came in, model.train(was_training)")
    check_equal(modes_after, modes, call=call, what="training flags of the model and its layers afterwards",
                misconception=switched)
    state = model.state_dict()
    for name, value in weights.items():
        check_tensor(state[name], value, framework="torch", call=f"{call}: model's {name} afterwards", rtol=0, atol=0,
                     misconception="leave the model's weights alone: a forward pass in train mode (a trial run "
                                   "before the export, say) moves batch norm's running statistics")


def what_file(path):
    """What a file that torch.export.load refuses is, and the likely fix."""
    if not zipfile.is_zipfile(path):
        return "not a zip archive (a .pt2 program is one)", "write the program with torch.export.save(program, path)"
    names = zipfile.ZipFile(path).namelist()
    if any("/code/" in name for name in names):
        return ("a TorchScript archive (torch.jit.save)", "torch.jit.trace / script and torch.jit.save make "
                "TorchScript, an older format: this kata asks for torch.export.export and torch.export.save")
    if any(name.endswith("data.pkl") for name in names):
        try:
            content = torch.load(path, weights_only=True)
        except Exception:  # noqa: BLE001 - refused: it pickles more than tensors
            content = None
        if isinstance(content, dict):
            return ("a state_dict (weights only, no program)", "a state_dict needs the model's class to be of use: "
                    "export the model, torch.export.save(torch.export.export(model, (example,), ...), path)")
        return ("a pickled model (torch.save(model))", "a pickled model needs its class wherever it loads: export "
                "it instead, torch.export.save(torch.export.export(model, (example,), ...), path)")
    return "a zip archive of another kind", "write the program with torch.export.save(program, path)"


def read_program(path, call):
    """torch.export.load(path), or a failure that says which kind of file it is not."""
    if not path.is_file():
        fail(call, "file", "a .pt2 archive at the path given", "no file there",
             "torch.export.save(program, path), to path exactly as given")
    try:
        return torch.export.load(path)
    except Exception:  # noqa: BLE001 - any refusal means: not a torch.export archive
        got, advice = what_file(path)
        fail(call, "file", "a torch.export program (torch.export.load(path) reads it)", got, advice)


def no_free_batch(b, error):
    got = f"{type(error).__name__}: {str(error).strip().splitlines()[0][:160] if str(error).strip() else ''}"
    if b == 1:
        advice = ("torch.export fixes sizes 0 and 1, so an example with a batch of 1 gives a program for a batch "
                  "of 1 only (Dim.AUTO quietly, Dim('batch') refuses): export from an example of 2 rows or more, "
                  "made from the one given (torch.cat([example, example]))")
    else:
        advice = ("without dynamic_shapes the program takes the example's batch size only: "
                  "dynamic_shapes=({0: torch.export.Dim('batch')},), with no max below the batch sizes you serve")
    return got, advice


def load_advice(error):
    """The likely fix for an error load_model raised in the fresh process."""
    if "ExportedProgram directly" in error:
        return f"{LOAD}: the ExportedProgram that torch.export.load returns cannot be called itself"
    if "Calling eval()" in error or "Calling train()" in error:
        return f"{LOAD}, as it is: the program already runs as the model did in eval mode, and refuses .eval()"
    return (f"{LOAD}; a pickled model (torch.save(model), torch.load) needs its class, which this process never "
            "imported, and so does a state_dict")


sizes_strategy = shapes(min_dims=4, max_dims=4, min_side=1, max_side=6)  # (b, in, hidden, out)


@settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=sizes_strategy, training=st.booleans(), seed=st.integers(0, 2**16))
@example(sizes=(2, 3, 4, 2), training=True, seed=0)
@example(sizes=(1, 3, 5, 2), training=True, seed=1)  # a batch of one: torch.export fixes sizes 0 and 1
@example(sizes=(4, 2, 3, 3), training=False, seed=2)  # came in eval mode: stays in eval mode
def test_the_file_is_a_program_for_any_batch_that_predicts_as_in_eval_mode(kata, tmp_path, sizes, training, seed):
    b, n_in, _, _ = sizes
    model, x, generator = trained(sizes, seed, training)
    modes = [m.training for m in model.modules()]
    weights = {name: value.clone() for name, value in model.state_dict().items()}
    inputs = [torch.randn(n, n_in, generator=generator) for n in batch_sizes(b)]
    expected = eval_predictions(model, inputs)
    path = tmp_path / "model.pt2"
    path.unlink(missing_ok=True)  # Hypothesis runs this body several times in one tmp_path
    call = called(b, n_in, training)

    kata.export_model(model, x, path)

    check_left_as_it_was(model, modes, weights, call, training)
    program = read_program(path, call).module()
    for x_n, want in zip(inputs, expected):
        predict = f"torch.export.load(path).module()(x of shape {tuple(x_n.shape)}), after {call}"
        try:
            with torch.no_grad():
                got = program(x_n)
        except Exception as error:  # noqa: BLE001 - a refused batch size is the likely mistake
            got, advice = no_free_batch(b, error)
            fail(predict, "result", f"predictions of shape {tuple(want.shape)}", got, advice)
        check_tensor(got, want, framework="torch", call=predict, rtol=1e-5, atol=1e-6,
                     misconception=f"{EXPORT}; export in eval mode (model.eval() first): in train mode the program "
                                   "drops units and normalizes with the batch's own statistics")


def test_load_model_predicts_in_a_fresh_process_without_the_models_class(kata, tmp_path):
    """One fresh process (each costs seconds) checks every batch size; the sizes vary in the test above."""
    b, n_in = 1, 4  # a batch of one, a model in train mode: the hardest export of the test above
    model, x, generator = trained((b, n_in, 3, 2), seed=3, training=True)
    inputs = [torch.randn(n, n_in, generator=generator) for n in batch_sizes(b)]
    expected = eval_predictions(model, inputs)
    path = tmp_path / "model.pt2"
    kata.export_model(model, x, path)

    def call(shape):
        return f"load_model('model.pt2')(x of shape {shape}) in a fresh Python process, after {called(b, n_in, True)}"

    try:
        outputs, modules = fresh.call_in_fresh_process(kata, "load_model", path, apply_to=[x_n.numpy() for x_n in inputs],
                                                       as_tensors="torch")
    except fresh.FreshProcessError as error:
        fail(call(", ".join(str(tuple(x_n.shape)) for x_n in inputs)), "result", "predictions", str(error),
             load_advice(str(error)))
    leaked = sorted({scorer_class().__module__, __name__} & set(modules))
    check_equal(leaked, [], call=call("(1, 4)"), what="test modules the fresh process imported",
                misconception="load_model loads the program only, with torch.export.load")
    for x_n, got, want in zip(inputs, outputs, expected):
        check_tensor(torch.as_tensor(got), want, framework="torch", call=call(tuple(x_n.shape)), rtol=1e-5, atol=1e-6,
                     misconception=LOAD)
    # The fresh process sends arrays back, whatever the callable returned: its type is checked here.
    shape = tuple(inputs[-1].shape)
    with torch.no_grad():
        got = kata.load_model(path)(inputs[-1])
    check_tensor(got, expected[-1], framework="torch", call=f"load_model('model.pt2')(x of shape {shape})",
                 rtol=1e-5, atol=1e-6, misconception=f"{LOAD}: it returns a tensor (no .numpy(), no list)")
