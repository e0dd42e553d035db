"""Tests of kata observe/tensorboard: the event files hold what training did, once per epoch.

The files are read back with TensorBoard's own reader (``EventAccumulator``, every event kept,
none purged) and compared with the returned losses and with the test's own replay of the same
training from the same initial weights: the loop the docstring spells out for PyTorch, the same
``fit`` without the callback for Keras. Each run of the learner's function is cached for the
tests that read its files (keyed by the function itself, so a different answer runs again).
"""

import functools
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import check_equal, check_values, describe, fail

pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)

TORCH_LOOP = ("each epoch: optimizer.zero_grad(); loss = F.mse_loss(model(x), y); loss.backward(); "
              "optimizer.step(); losses.append(loss.item())")
KERAS_FIT = ("model.fit(x, y, epochs=epochs, batch_size=batch_size, shuffle=False, verbose=0, "
             "callbacks=[keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)])")


# --- reading event files ------------------------------------------------------------------------


def event_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*tfevents*"))


def read_run(folder: Path):
    """Every event of the event files directly in ``folder``: {"scalars": {tag: [(step, value)]},
    "histograms": {tag: [(step, num, min, max, sum)]}, "tensors": {tag: [(step, array)]}}, each
    list in step order (as TensorBoard plots it: several files, one per fit or writer, are read in
    the order of their names, which is not always the order they were written in)."""
    from tensorboard.backend.event_processing import event_accumulator as ea
    from tensorboard.util import tensor_util

    keep_all = {ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0, ea.COMPRESSED_HISTOGRAMS: 0}
    accumulator = ea.EventAccumulator(str(folder), size_guidance=keep_all, purge_orphaned_data=False).Reload()
    tags = accumulator.Tags()
    by_step = functools.partial(sorted, key=lambda event: event[0])  # stable: a repeated step keeps its order
    return {
        "scalars": {tag: by_step((e.step, e.value) for e in accumulator.Scalars(tag)) for tag in tags["scalars"]},
        "histograms": {tag: by_step((e.step, e.histogram_value.num, e.histogram_value.min, e.histogram_value.max,
                                     e.histogram_value.sum) for e in accumulator.Histograms(tag))
                       for tag in tags["histograms"]},
        "tensors": {tag: by_step((e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in accumulator.Tensors(tag))
                    for tag in tags["tensors"]},
    }


def scalar_events(run, tag):
    """[(step, value)] of a scalar tag, written the old way (simple_value) or as a tensor."""
    if tag in run["scalars"]:
        return run["scalars"][tag]
    if tag in run["tensors"]:
        return [(step, float(np.asarray(value).reshape(-1)[0])) for step, value in run["tensors"][tag]]
    return None


def writer_threads() -> set[threading.Thread]:
    """The background threads of open tensorboard event writers (a writer's close() stops its own)."""
    from tensorboard.summary.writer.event_file_writer import _AsyncWriterThread

    return {t for t in threading.enumerate() if isinstance(t, _AsyncWriterThread) and t.is_alive()}


def check_float_list(got, epochs, call, misconception):
    check_equal(type(got), list, call=call, what="type of the result", misconception=misconception)
    check_equal(len(got), epochs, call=call, what="number of losses (one per epoch)", misconception=misconception)
    for index, value in enumerate(got):
        if type(value) is not float:
            fail(call, f"type of losses[{index}]", "a Python float", describe(value), misconception)



@functools.cache
def keras_tags_by_name() -> bool:
    """Whether this Keras' TensorBoard callback tags a weight's histogram by its name (Keras 3.11
    and older: 'kernel/histogram') rather than its path (3.15: 'sequential/dense/kernel/histogram')."""
    import inspect

    from keras.src.callbacks import tensorboard

    try:
        return "weight.name" in inspect.getsource(tensorboard.TensorBoard._log_weights)  # noqa: SLF001
    except (AttributeError, OSError, TypeError):
        return False


def check_steps(steps, epochs, call, what, misconception):
    if steps != list(range(epochs)):
        shifted = ""
        if steps == list(range(1, epochs + 1)):
            shifted = " (epoch + 1: the step is the epoch index, from 0)"
        elif steps and steps[0] > 1 and steps == list(range(steps[0], steps[0] + epochs)):
            shifted = (" (carried on from an earlier call: each call starts again at step 0; keep no step counter "
                       "or callback between calls)")
        elif steps == list(range(len(steps))) and len(steps) < epochs:  # the first ones only
            shifted = " (the last epochs are missing)"
            misconception = ("a writer that is never closed keeps its last events in its buffer: close it before "
                             "returning (`with SummaryWriter(logdir) as writer:` around the loop); or the loop "
                             "stopped short of `epochs` epochs")
        fail(call, what, f"{list(range(epochs))} (one event per epoch, step = epoch index)", f"{steps}{shifted}",
             misconception)


# --- PyTorch --------------------------------------------------------------------------------------

OPTIMIZERS = {
    "SGD(lr=0.1)": lambda torch, params: torch.optim.SGD(params, lr=0.1),
    "SGD(lr=0.05, momentum=0.9)": lambda torch, params: torch.optim.SGD(params, lr=0.05, momentum=0.9),
    "Adam(lr=0.05)": lambda torch, params: torch.optim.Adam(params, lr=0.05),
}

# (samples, inputs, hidden units, outputs, epochs, optimizer, seed)
torch_cases = st.tuples(st.integers(2, 8), st.integers(1, 4), st.integers(2, 5), st.integers(1, 3),
                        st.integers(1, 4), st.sampled_from(sorted(OPTIMIZERS)), st.integers(0, 2**16))
PINNED_TORCH = [(5, 3, 4, 2, 3, "SGD(lr=0.1)", 0), (4, 2, 3, 1, 4, "Adam(lr=0.05)", 1)]


def torch_setup(case):
    """The case's model (Linear, Tanh, Linear), its optimizer, x and y: the same on every call."""
    import torch
    from torch import nn

    n, n_in, n_hidden, n_out, _, optimizer, seed = case
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, n_out))
    generator = torch.Generator().manual_seed(seed)
    x, y = torch.randn(n, n_in, generator=generator), torch.randn(n, n_out, generator=generator)
    return model, OPTIMIZERS[optimizer](torch, model.parameters()), x, y


def torch_call(case):
    n, n_in, n_hidden, n_out, epochs, optimizer, _ = case
    return (f"train_and_log(Sequential(Linear({n_in}, {n_hidden}), Tanh(), Linear({n_hidden}, {n_out})), "
            f"{optimizer}, x ({n}, {n_in}), y ({n}, {n_out}), epochs={epochs}, logdir)")


@functools.lru_cache(maxsize=64)
def torch_replay(case):
    """The docstring's loop: the losses (before each step, plus one after the last step) and the
    parameters before and after each step, as NumPy."""
    import torch

    model, optimizer, x, y = torch_setup(case)
    losses, before, after = [], [], []
    for _ in range(case[4]):
        before.append({name: p.detach().numpy().copy() for name, p in model.named_parameters()})
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        after.append({name: p.detach().numpy().copy() for name, p in model.named_parameters()})
    with torch.no_grad():
        losses.append(torch.nn.functional.mse_loss(model(x), y).item())
    return losses, before, after


_runs: dict = {}


def torch_run(kata, fn, case):
    """Run the learner's train_and_log on the case once (per function), and read what it wrote."""
    key = (id(kata), fn, case)
    if key not in _runs:
        model, optimizer, x, y = torch_setup(case)
        root = Path(tempfile.mkdtemp(prefix="kata-tensorboard-"))
        steps = []  # of the optimizer handed in
        hook = optimizer.register_step_post_hook(lambda *_: steps.append(1))
        try:
            threads = writer_threads()
            got = fn(model, optimizer, x, y, case[4], str(root))
            left_open = len(writer_threads() - threads)
            _runs[key] = {"got": got, "left_open": left_open, "files": event_files(root), "run": read_run(root),
                          "params": {name: p.detach().numpy().copy() for name, p in model.named_parameters()},
                          "steps": len(steps)}
        finally:
            hook.remove()
            shutil.rmtree(root, ignore_errors=True)
    return _runs[key]


@settings(max_examples=5)
@given(case=torch_cases)
@example(case=PINNED_TORCH[0])  # SGD, 3 epochs: zero_grad forgotten or a loss after the step shows
@example(case=PINNED_TORCH[1])  # Adam: its own optimizer (with other settings) trains differently
@example(case=(6, 3, 5, 2, 1, "SGD(lr=0.05, momentum=0.9)", 2))  # one epoch
def test_train_and_log_trains_as_the_docstring_says(kata, case):
    fn = kata.train_and_log
    call = torch_call(case)
    result = torch_run(kata, fn, case)
    losses, _, after = torch_replay(case)
    epochs = case[4]
    got = result["got"]
    check_float_list(got, epochs, call, "return the epoch losses as a list of Python floats: loss.item() per epoch")
    close = np.isclose(got, losses[:epochs], rtol=1e-5, atol=1e-6)
    if not close.all():
        if epochs > 1 and np.allclose(got, losses[1:], rtol=1e-5, atol=1e-6):
            why = "each loss was computed after the epoch's step: record the loss computed before optimizer.step()"
        else:
            why = (f"{TORCH_LOOP}: full batch (one step per epoch), mean squared error, the optimizer you are given "
                   "(not a new one), zero_grad every epoch")
        check_values(np.array(got), np.array(losses[:epochs]), call=f"{call}: the returned losses", misconception=why,
                     rtol=1e-5, atol=1e-6)
    check_equal(result["steps"], epochs, call=call, what="steps of the optimizer you were given",
                misconception="one optimizer.step() per epoch with the optimizer you are given: do not make "
                              "another, even with the same settings (the caller's keeps its state: Adam's moments)")
    for name, expected in after[-1].items():
        check_values(result["params"][name], expected, call=f"{call}: model's {name} after training",
                     misconception="train the model you are given in place (not a copy), one step per epoch",
                     rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("case", PINNED_TORCH, ids=["SGD-3-epochs", "Adam-4-epochs"])
def test_train_and_log_logs_the_loss_once_per_epoch(kata, case):
    fn = kata.train_and_log
    call = torch_call(case)
    result = torch_run(kata, fn, case)
    epochs = case[4]
    files = result["files"]
    if not files:
        fail(call, "event files", "one events.out.tfevents.* file directly in logdir", "none: nothing was written "
             "into this call's logdir", "make the SummaryWriter(logdir) inside the call, with the logdir given "
             "(a writer kept from an earlier call writes into that call's folder)")
    if any("/" in name for name in files):
        fail(call, "event files", "one events.out.tfevents.* file directly in logdir", files or "none",
             "SummaryWriter(logdir) itself: the file goes straight into logdir, not into a subfolder of it; "
             "add_scalar, not add_scalars (it writes each curve into a subfolder of its own)")
    if len(files) != 1:
        fail(call, "number of event files in logdir", "exactly 1 (one SummaryWriter for the whole call)",
             f"{len(files)}: {files}", "open the writer once, around the whole loop: every SummaryWriter(logdir) "
             "(one per epoch, or a second one) writes an event file of its own")
    events = scalar_events(result["run"], "loss")
    if events is None:
        fail(call, "scalar tags", "'loss'", sorted(result["run"]["scalars"]) + sorted(result["run"]["tensors"]),
             "writer.add_scalar('loss', loss.item(), epoch): the tag is exactly 'loss'")
    check_steps([step for step, _ in events], epochs, call, "steps of the 'loss' events",
                "one writer.add_scalar('loss', ..., epoch) per epoch, epoch = 0, 1, ...: not per sample, "
                "not epoch + 1, not without a step")
    logged = np.array([value for _, value in events])
    check_values(logged, np.array(torch_replay(case)[0][:epochs]), call=f"{call}: the values logged under 'loss'",
                 misconception="log each epoch's loss, the one computed before optimizer.step()", rtol=1e-5, atol=1e-6)
    if type(result["got"]) is list and len(result["got"]) == epochs:
        check_values(logged, np.array(result["got"], dtype=float), call=f"{call}: 'loss' events vs returned losses",
                     misconception="log the same losses you return", rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("case", PINNED_TORCH, ids=["SGD-3-epochs", "Adam-4-epochs"])
def test_train_and_log_logs_each_parameter_as_a_histogram_per_epoch(kata, case):
    fn = kata.train_and_log
    call = torch_call(case)
    result = torch_run(kata, fn, case)
    _, before, after = torch_replay(case)
    epochs, histograms = case[4], result["run"]["histograms"]
    for name, values in after[0].items():
        if name not in histograms:
            fail(call, "histogram tags", f"one per parameter, named as model.named_parameters() names them: "
                 f"{sorted(after[0])}", sorted(histograms) or "no histogram",
                 "for name, param in model.named_parameters(): writer.add_histogram(name, param, epoch)")
        events = histograms[name]
        check_steps([event[0] for event in events], epochs, call, f"steps of the '{name}' histograms",
                    "one add_histogram per parameter per epoch, step = epoch index from 0")
        for epoch, (_, num, low, high, total) in enumerate(events):
            check_equal(int(num), values.size, call=f"{call}: histogram '{name}' at step {epoch}",
                        what="number of values", misconception="log the parameter itself (all its values)")
            seen = np.array([low, high, total])
            at_end = after[epoch][name]
            if not np.allclose(seen, [at_end.min(), at_end.max(), at_end.sum()], rtol=1e-5, atol=1e-5):
                earlier = before[epoch][name]
                why = ("logged before the step: log the histograms after optimizer.step(), the parameters as they "
                       "end the epoch" if np.allclose(seen, [earlier.min(), earlier.max(), earlier.sum()],
                                                      rtol=1e-5, atol=1e-5)
                       else "log the parameter's values (not its gradient), after the epoch's step")
                fail(f"{call}: histogram '{name}' at step {epoch}", "values (min, max, sum)",
                     [float(at_end.min()), float(at_end.max()), float(at_end.sum())],
                     [float(low), float(high), float(total)], why)


@pytest.mark.parametrize("case", PINNED_TORCH[:1], ids=["SGD-3-epochs"])
def test_train_and_log_closes_its_writer(kata, case):
    fn = kata.train_and_log
    result = torch_run(kata, fn, case)
    if result["left_open"]:
        fail(torch_call(case), "writer state after the call", "closed (no event writer thread left running)",
             f"{result['left_open']} writer(s) still open", "writer.close() before returning, or a "
             "`with SummaryWriter(logdir) as writer:` block; flush() writes the buffer out but leaves the writer open")


# --- Keras ----------------------------------------------------------------------------------------

KERAS_OPTIMIZERS = {
    "SGD(learning_rate=0.1)": lambda keras: keras.optimizers.SGD(learning_rate=0.1),
    "Adam(learning_rate=0.05)": lambda keras: keras.optimizers.Adam(learning_rate=0.05),
}


@st.composite
def keras_cases(draw):
    """(samples, inputs, hidden units, outputs, epochs, batch size, optimizer, seed)."""
    n = draw(st.integers(3, 8), label="samples")
    return (n, draw(st.integers(1, 4), label="inputs"), draw(st.integers(2, 5), label="hidden"),
            draw(st.integers(1, 3), label="outputs"), draw(st.integers(1, 3), label="epochs"),
            draw(st.integers(2, n), label="batch_size"), draw(st.sampled_from(sorted(KERAS_OPTIMIZERS)), label="opt"),
            draw(st.integers(0, 2**16), label="seed"))


PINNED_KERAS = [(7, 3, 4, 2, 3, 3, "SGD(learning_rate=0.1)", 0), (6, 2, 3, 1, 2, 4, "Adam(learning_rate=0.05)", 1)]


def keras_setup(case):
    """The case's compiled model (Dense tanh, Dense) and data: the same weights on every call."""
    import keras

    n, n_in, n_hidden, n_out, _, _, optimizer, seed = case
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(n_in,)), keras.layers.Dense(n_hidden, activation="tanh"),
                              keras.layers.Dense(n_out)])
    model.compile(optimizer=KERAS_OPTIMIZERS[optimizer](keras), loss="mse")
    rng = np.random.default_rng(seed)
    return model, rng.standard_normal((n, n_in)).astype("float32"), rng.standard_normal((n, n_out)).astype("float32")


def keras_call(case):
    n, n_in, n_hidden, n_out, epochs, batch_size, optimizer, _ = case
    return (f"fit_and_log(Sequential(Input(({n_in},)), Dense({n_hidden}, 'tanh'), Dense({n_out})) compiled with "
            f"{optimizer} and 'mse', x ({n}, {n_in}), y ({n}, {n_out}), epochs={epochs}, batch_size={batch_size}, logdir)")


@functools.lru_cache(maxsize=64)
def keras_replay(case):
    """The fit by hand, eagerly: batches in order, the compiled optimizer's kind, mean squared error; an
    epoch's loss is the mean of its batch losses weighted by batch size (what fit reports)."""
    import tensorflow as tf

    model, x, y = keras_setup(case)
    optimizer, batch_size, losses = model.optimizer, case[5], []
    for _ in range(case[4]):
        total = 0.0
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(model(xb) - yb))
            optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
            total += float(loss) * len(xb)
        losses.append(total / len(x))
    return losses, [np.array(w) for w in model.get_weights()]


def keras_run(kata, fn, case):
    key = (id(kata), fn, case)
    if key not in _runs:
        model, x, y = keras_setup(case)
        root = Path(tempfile.mkdtemp(prefix="kata-tensorboard-"))
        try:
            got = fn(model, x, y, case[4], case[5], str(root))
            train = root / "train"
            _runs[key] = {"got": got, "listing": sorted(p.name for p in root.iterdir()), "files": event_files(root),
                          "run": read_run(train) if train.is_dir() else None,
                          "weights": [(w.path, tuple(w.shape), w.name) for w in model.weights],
                          "final": [np.array(w) for w in model.get_weights()]}
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return _runs[key]


@settings(max_examples=2)
@given(case=keras_cases())
@example(case=PINNED_KERAS[0])  # 3 batches of 3, 3, 1: batch size, shuffling and the epoch count all show
@example(case=PINNED_KERAS[1])  # Adam
def test_fit_and_log_trains_as_the_docstring_says(kata, case):
    fn = kata.fit_and_log
    call = keras_call(case)
    result = keras_run(kata, fn, case)
    losses, final = keras_replay(case)
    check_float_list(result["got"], case[4], call, "return history.history['loss'], a list of Python floats")
    check_values(np.array(result["got"]), np.array(losses), call=f"{call}: the returned losses", rtol=1e-5, atol=1e-6,
                 misconception=f"{KERAS_FIT}: the model as compiled (not compiled again), that batch size, no "
                 "shuffling, no validation split; return history.history['loss']")
    for (path, _, _), got, expected in zip(result["weights"], result["final"], final, strict=True):
        check_values(got, expected, call=f"{call}: model weight {path} after training", rtol=1e-5, atol=1e-6,
                     misconception="fit the model you are given, in place")


@pytest.mark.parametrize("case", PINNED_KERAS, ids=["SGD-3-epochs", "Adam-2-epochs"])
def test_fit_and_log_writes_epoch_loss_under_train(kata, case):
    fn = kata.fit_and_log
    call = keras_call(case)
    result = keras_run(kata, fn, case)
    if result["run"] is None or result["listing"] != ["train"]:
        fail(call, "contents of logdir", "['train'] (the callback's folder of training events, and nothing else)",
             f"{result['listing']} (event files: {result['files'] or 'none'})",
             "keras.callbacks.TensorBoard(log_dir=logdir, ...): logdir itself, not a subfolder; no validation "
             "data (it adds a 'validation' folder)")
    run = result["run"]
    tags = sorted(run["tensors"]) + sorted(run["scalars"])
    batch_tags = [tag for tag in tags if tag.startswith("batch_")]
    if batch_tags:
        fail(call, "tags", "epoch_... tags only", f"also {batch_tags}",
             "leave update_freq at its default, 'epoch': per-batch logging writes batch_loss at every batch")
    events = scalar_events(run, "epoch_loss")
    if events is None:
        fail(call, "tags", "'epoch_loss' among the tags", tags, "pass the TensorBoard callback to fit")
    check_steps([step for step, _ in events], case[4], call, "steps of the 'epoch_loss' events",
                "keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1) in one fit of all the epochs")
    logged = np.array([value for _, value in events])
    check_values(logged, np.array(keras_replay(case)[0]), call=f"{call}: the values logged under 'epoch_loss'",
                 misconception=KERAS_FIT, rtol=1e-5, atol=1e-6)
    if type(result["got"]) is list and len(result["got"]) == case[4]:
        check_values(logged, np.array(result["got"], dtype=float), call=f"{call}: 'epoch_loss' vs returned losses",
                     misconception="return history.history['loss'] of the fit that logged", rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("case", PINNED_KERAS, ids=["SGD-3-epochs", "Adam-2-epochs"])
def test_fit_and_log_writes_a_histogram_of_each_weight_per_epoch(kata, case):
    fn = kata.fit_and_log
    call = keras_call(case)
    result = keras_run(kata, fn, case)
    if result["run"] is None:
        fail(call, "contents of logdir", "a 'train' folder", result["listing"],
             "keras.callbacks.TensorBoard(log_dir=logdir, histogram_freq=1)")
    tensors = result["run"]["tensors"]
    tags: dict[str, list[tuple[int, ...]]] = {}  # tag -> the shapes of the weights logged under it
    for path, shape, name in result["weights"]:
        tags.setdefault(f"{(name if keras_tags_by_name() else path).replace(':', '_')}/histogram", []).append(shape)
    for tag, shapes in tags.items():
        if tag not in tensors:
            fail(call, "histogram tags", f"'{tag}' (one per weight)", sorted(t for t in tensors if "histogram" in t)
                 or "no histogram", "histogram_freq=1: a histogram of every weight at the end of every epoch")
        events = tensors[tag]
        steps = [step for step, _ in events]
        if len(shapes) == 1:
            check_steps(steps, case[4], call, f"steps of the '{tag}' events",
                        "histogram_freq=1 (every epoch), in one fit of all the epochs")
        else:  # an older Keras names tags by weight name: both Dense kernels land under 'kernel/histogram'
            check_equal(sorted(steps), sorted(list(range(case[4])) * len(shapes)), call=call,
                        what=f"steps of the '{tag}' events", misconception="histogram_freq=1 (every epoch)")
        for step in sorted(set(steps)):  # (left edge, right edge, count) per bucket
            counts = sorted(int(round(float(np.sum(b[:, 2])))) for s, b in events if s == step)
            check_equal(counts, sorted(int(np.prod(shape)) for shape in shapes),
                        call=f"{call}: histogram '{tag}' at step {step}", what="number of values",
                        misconception="a histogram of the whole weight")
