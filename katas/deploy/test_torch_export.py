"""Tests of kata deploy/torch_export: the file is a torch.export program with a free batch, it
predicts as the model in eval mode, the model is left as it came, and the program loads in a
process that never saw the model's class.

The model's class comes from a throw-away module (``fresh.throwaway_module``) that only this
process can import, so a pickled model cannot load anywhere else. It nests batch norm (running
statistics moved by a few training steps) and dropout in a sub-module, so a program traced in
train mode, or with only the top modules switched to eval, predicts differently; it comes in train
mode, eval mode, or "mixed" (train mode with a frozen batch norm), which only a restore of each
module's own mode and requires_grad survives. Expected predictions are the model's own in eval
mode, computed before the export, for batch sizes other than the example's, thousands included;
examples of a batch of one are pinned because ``torch.export`` fixes sizes 0 and 1. The learner's
``load_model`` is checked in this process first (a second program written over the first at the
same path catches a cache by path), then in one fresh Python process
(``fresh.call_in_fresh_process``: seconds each, so one per target, reached only by answers that
pass everything else)."""

import functools
import zipfile
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from katas._support import fresh
from katas._support.checks import check_equal, check_tensor, error_line, fail
from katas._support.loader import stub_location
from katas._support.strategies import shapes

pytestmark = pytest.mark.usefixtures("torch_one_thread")  # one math thread; torch.export's chatter kept quiet: conftest.py


MODEL_SOURCE = '''
import torch
from torch import nn


class Scorer(nn.Module):
    """Linear, a nested block (batch norm, ReLU, dropout), linear: train and eval mode predict differently."""

    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.block = nn.Sequential(nn.BatchNorm1d(n_hidden), nn.ReLU(), nn.Dropout(0.5))
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, features):
        return self.out(self.block(self.hidden(features)))
'''

EXPORT = ("export in eval mode with a free batch: torch.export.save(torch.export.export(model, (example,), "
          "dynamic_shapes=({0: torch.export.Dim('batch')},)), path)")
LOAD = "torch.export.load(path).module(): the module that runs the program, no class needed"
MODES = {"train": "train mode", "eval": "eval mode",
         "mixed": "train mode with its nested BatchNorm1d frozen (eval mode, parameters not requiring grad)"}


@functools.cache
def scorer_class():
    """The model's class, in a module no other process can import (made once per session)."""
    return fresh.throwaway_module(MODEL_SOURCE, stem="_torch_export_model").Scorer


def trained(sizes, seed, mode):
    """A Scorer three training steps in (batch norm's running statistics moved), in ``mode``
    ("train", "eval", or "mixed": train mode with a frozen batch norm, as when fine-tuning); an
    example batch of ``b`` rows; and a generator for more inputs."""
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
    model.train(mode != "eval")
    if mode == "mixed":
        model.block[0].eval().requires_grad_(False)
    return model, torch.randn(b, n_in, generator=generator), generator


def batch_sizes(b):
    """Batch sizes the program must take: 1, the example's, and others, small and large."""
    return sorted({1, 2, 3, b, b + 1, 11, 37, 20_000})


def eval_predictions(model, inputs):
    """What the model predicts in eval mode, each module's mode put back afterwards."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        expected = [model(x) for x in inputs]
    for m, training in modes:
        m.train(training)
    return expected


def called(b, n_in, mode):
    return (f"export_model(model in {MODES[mode]}, a Scorer with a nested Sequential(BatchNorm1d, ReLU, Dropout), "
            f"example of shape ({b}, {n_in}), 'model.pt2')")


def check_left_as_it_was(model, before, call, mode):
    modes, grads, weights, example, x = before
    switched = {"train": "model.eval() for the export without switching back: put back the mode it came in, "
                         "or export a copy (copy.deepcopy(model).eval())",
                "eval": "model.train() afterwards switches a model that came in eval mode to train mode: put back "
                        "the mode it came in",
                "mixed": "model.train(was_training) puts every layer in the model's own mode, and setting "
                         "model.training reaches no layer: save each module's mode, "
                         "modes = [(m, m.training) for m in model.modules()], and put each back, or export a copy "
                         "(copy.deepcopy(model).eval())"}[mode]
    names = [name or type(model).__name__ for name, _ in model.named_modules()]
    check_equal(dict(zip(names, (m.training for m in model.modules()))), dict(zip(names, modes)), call=call,
                what="training flags of the model and its layers (model.named_modules()) afterwards",
                misconception=switched)
    check_equal([p.requires_grad for p in model.parameters()], grads, call=call,
                what="requires_grad of the model's parameters afterwards",
                misconception="leave requires_grad as it was, parameter by parameter (a frozen layer stays frozen): "
                              "torch.export needs no requires_grad_(False)")
    state = model.state_dict()
    for name, value in weights.items():
        check_tensor(state[name], value, framework="torch", call=f"{call}: model's {name} afterwards", rtol=0, atol=0,
                     misconception="leave the model's weights alone: a forward pass in train mode (a trial run "
                                   "before the export, say) moves batch norm's running statistics, and "
                                   "model.double() changes the model itself")
    check_tensor(x, example, framework="torch", call=f"{call}: the example afterwards", rtol=0, atol=0,
                 misconception="leave example as it came: trace on a new tensor (torch.cat([example, example]) for a "
                               "batch of one), not on the example changed in place")


def export_and_check(kata, model, x, path, mode, inputs, expected):
    """Run the learner's export_model; check the model and example are left as they were, and read
    the file back here with torch.export.load: a program that predicts ``expected`` for ``inputs``."""
    b, n_in = x.shape
    before = ([m.training for m in model.modules()], [p.requires_grad for p in model.parameters()],
              {name: value.clone() for name, value in model.state_dict().items()}, x.clone(), x)
    call = called(b, n_in, mode)

    export = kata.export_model  # outside the try: a kata that does not import fails as such
    try:
        export(model, x, path)
    except Exception as error:  # noqa: BLE001 - torch.export's refusals are long: say which fix they need
        if isinstance(error, NotImplementedError) and stub_location(error):
            raise  # the stub's own TODO
        fail(call, "result", "a program written to path (None returned)", error_line(error, 160),
             export_advice(b, error))

    check_left_as_it_was(model, before, call, mode)
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
                     misconception=f"{EXPORT}; export in eval mode, model.eval() first (it switches every layer, "
                                   "nested ones included; torch.no_grad() or setting .training on the model or its "
                                   "children does not): in train mode the program drops units and normalizes with "
                                   "the batch's own statistics")


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
        return ("a pickle written by torch.save (of the model, or of the program itself)",
                "torch.save pickles: a pickled model needs its class wherever it loads, and a program pickled so is "
                "no .pt2 archive; write it with torch.export.save(torch.export.export(model, (example,), ...), path)")
    return "a zip archive of another kind", "write the program with torch.export.save(program, path)"


def read_program(path, call):
    """torch.export.load(path), or a failure that says which kind of file it is not."""
    path = Path(path)
    if not path.is_file():
        fail(call, "file", "a .pt2 archive at the path given", "no file there",
             "torch.export.save(program, path), to path exactly as given")
    try:
        return torch.export.load(path)
    except Exception:  # noqa: BLE001 - any refusal means: not a torch.export archive
        got, advice = what_file(path)
        fail(call, "file", "a torch.export program (torch.export.load(path) reads it)", got, advice)


def no_free_batch(b, error):
    got = error_line(error, 160)
    if b == 1 and "== 1" in str(error):
        advice = ("torch.export fixes sizes 0 and 1, so an example with a batch of 1 gives a program for a batch "
                  "of 1 only (Dim.AUTO quietly, Dim('batch') refuses): export from an example of 2 rows or more, "
                  "made from the one given (torch.cat([example, example]))")
    elif "<=" in str(error):
        advice = ("the batch Dim has a max below this batch size: the program must take any batch size, thousands "
                  "included, so give it no max, dynamic_shapes=({0: torch.export.Dim('batch')},)")
    else:
        advice = ("without dynamic_shapes the program takes the example's batch size only: "
                  "dynamic_shapes=({0: torch.export.Dim('batch')},), with no max")
    return got, advice


def export_advice(b, error):
    """The likely fix for an error the learner's export_model raised."""
    text = str(error)
    if "top-level keys" in text:
        return ("dynamic_shapes has one entry per argument of forward, in a tuple, ({0: torch.export.Dim('batch')},), "
                "or a dict keyed by forward's own argument name, which the model decides (here 'features')")
    if b == 1 and ("specialized" in text or "Constraints violated" in text):
        return ("torch.export fixes sizes 0 and 1, so it refuses a dynamic batch traced from a batch of 1: export "
                "from an example of 2 rows or more, made from the one given (torch.cat([example, example]))")
    return EXPORT


def load_advice(error):
    """The likely fix for an error that load_model, or the callable it returned, raised."""
    if "ExportedProgram directly" in error:
        return f"{LOAD}: the ExportedProgram that torch.export.load returns cannot be called itself"
    if "Calling eval()" in error or "Calling train()" in error:
        return f"{LOAD}, as it is: the program already runs as the model did in eval mode, and refuses .eval()"
    if "required positional arguments" in error:
        return f"{LOAD}: the program's graph_module takes the weights as inputs; .module() supplies them"
    if any(sign in error for sign in ("data.pkl", "npickl", "No module named", "Can't get attribute")):
        return (f"{LOAD}; torch.load reads pickles, and a pickled model (torch.save(model)) needs its class, which "
                "this process never imported; so does a state_dict")
    return f"{LOAD}, called on the whole (n, features) batch as it comes: it returns the (n, out) predictions"


def predictions_here(kata, path, inputs, expected, call, misconception):
    """The learner's load_model(path) in this process, on each of ``inputs``: quick and precise
    messages before the fresh process (which costs seconds) is started. Returns the predictor."""
    load, predict = kata.load_model, None  # outside the try: a kata that does not import fails as such
    for x_n, want in zip(inputs, expected):
        try:
            predict = load(path) if predict is None else predict
            with torch.no_grad():
                got = predict(x_n)
        except Exception as error:  # noqa: BLE001 - the likely mistakes raise (an ExportedProgram called, .eval())
            if isinstance(error, NotImplementedError) and stub_location(error):
                raise  # the stub's own TODO
            text = error_line(error, 160)
            fail(call(tuple(x_n.shape)), "result", f"predictions of shape {tuple(want.shape)}", text, load_advice(text))
        check_tensor(got, want, framework="torch", call=call(tuple(x_n.shape)), rtol=1e-5, atol=1e-6,
                     misconception=misconception)
    return predict


sizes_strategy = shapes(min_dims=4, max_dims=4, min_side=1, max_side=6)  # (b, in, hidden, out)


@settings(max_examples=3, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=sizes_strategy, mode=st.sampled_from(sorted(MODES)), seed=st.integers(0, 2**16))
@example(sizes=(2, 3, 4, 2), mode="train", seed=0)
@example(sizes=(1, 3, 5, 2), mode="train", seed=1)  # a batch of one: torch.export fixes sizes 0 and 1
@example(sizes=(4, 2, 3, 3), mode="eval", seed=2)  # came in eval mode: stays in eval mode
@example(sizes=(3, 3, 4, 2), mode="mixed", seed=5)  # layers in different modes: each keeps its own
def test_the_file_is_a_program_for_any_batch_that_predicts_as_in_eval_mode(kata, tmp_path, sizes, mode, seed):
    b, n_in, _, _ = sizes
    model, x, generator = trained(sizes, seed, mode)
    inputs = [torch.randn(n, n_in, generator=generator) for n in batch_sizes(b)]
    expected = eval_predictions(model, inputs)
    path = tmp_path / "model.pt2"
    path.unlink(missing_ok=True)  # Hypothesis runs this body several times in one tmp_path

    export_and_check(kata, model, x, path, mode, inputs, expected)


def test_load_model_predicts_in_a_fresh_process_without_the_models_class(kata, tmp_path):
    """load_model is checked here first (quick, precise messages), then in one fresh process (each
    costs seconds) on every batch size; the sizes vary in the test above. The path is a str here,
    as in the docstring's examples (a pathlib.Path above)."""
    path = str(tmp_path / "model.pt2")
    # An earlier program at the same path, loaded once: load_model must read the file again below.
    earlier, x_earlier, generator = trained((3, 4, 3, 2), seed=4, mode="eval")
    probe = [torch.randn(2, 4, generator=generator)]
    probe_expected = eval_predictions(earlier, probe)
    export_and_check(kata, earlier, x_earlier, path, "eval", probe, probe_expected)
    earlier_predict = predictions_here(
        kata, path, probe, probe_expected, misconception=LOAD,
        call=lambda shape: f"load_model('model.pt2')(x of shape {shape}), after {called(3, 4, 'eval')}")

    b, n_in, mode = 1, 4, "mixed"  # a batch of one, layers in train and eval mode: the hardest export above
    model, x, generator = trained((b, n_in, 3, 2), seed=3, mode=mode)
    inputs = [torch.randn(n, n_in, generator=generator) for n in batch_sizes(b)]
    expected = eval_predictions(model, inputs)
    export_and_check(kata, model, x, path, mode, inputs, expected)  # written over the earlier program

    def here(shape):
        return (f"load_model('model.pt2')(x of shape {shape}), after {called(b, n_in, mode)} over an earlier "
                "program at the same path")

    predictions_here(kata, path, inputs, expected, call=here,
                     misconception=f"{LOAD}; load_model reads the file each time it is called: a program written "
                                   "again at the same path replaces the earlier one (no cache by path); it returns "
                                   "a torch tensor (no .numpy(), no list), the predictions as they come (no squeeze, "
                                   "softmax or cast)")
    with torch.no_grad():
        got = earlier_predict(probe[0])
    check_tensor(got, probe_expected[0], framework="torch", rtol=1e-5, atol=1e-6,
                 call="the predictor the first load_model('model.pt2') returned, called again after another program "
                      "was written at the same path",
                 misconception="load_model reads the file when it is called, once: the predictor it returns holds "
                               "that program (torch.export.load(path).module()), not the path to read at each "
                               "prediction")

    def call(shape):
        return f"load_model('model.pt2')(x of shape {shape}) in a fresh Python process, after {called(b, n_in, mode)}"

    try:
        outputs, modules = fresh.call_in_fresh_process(kata, "load_model", path, apply_to=[x_n.numpy() for x_n in inputs],
                                                       as_tensors="torch", preload=("torch",))
    except fresh.FreshProcessError as error:
        fail(call(", ".join(str(tuple(x_n.shape)) for x_n in inputs)), "result", "predictions", str(error),
             load_advice(str(error)))
    leaked = sorted({scorer_class().__module__, __name__} & set(modules))
    check_equal(leaked, [], call=call("(1, 4)"), what="test modules the fresh process imported",
                misconception="load_model loads the program only, with torch.export.load")
    for x_n, got, want in zip(inputs, outputs, expected):
        check_tensor(torch.as_tensor(got), want, framework="torch", call=call(tuple(x_n.shape)), rtol=1e-5, atol=1e-6,
                     misconception=LOAD)
