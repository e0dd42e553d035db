"""Tests of kata loops/digits: each step of the pipeline, how train_digits trains, then 92 % on
real handwritten digits.

train_digits is watched on a small random problem (200 rows, 2 epochs) instead of being compared
with one reference run, so any batch size up to 64, learning rate and seeding order pass: every
cross_entropy call is recorded (below torch.nn.functional, so every way of calling it is seen),
and global optimizer step hooks record each step. After each step the hook fills the gradients
with a marker value; a step that still finds the marker in ``.grad`` ran on gradients left over
from the step before (no ``zero_grad``). Only the last test trains on the real digits.
"""

import numpy as np
import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from torch import nn
from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

from katas._support import curves, data
from katas._support.checks import check_close, check_equal, check_tensor, describe, fail
from katas._support.strategies import arrays, shapes, to_torch


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


# --- prepare ---------------------------------------------------------------------------------------

@st.composite
def pixel_images(draw):
    """(images (N, H, W) of integers 0..max_value, in an integer or float dtype, max_value)."""
    max_value = draw(st.sampled_from([16, 255]), label="max_value")
    shape = draw(shapes(min_dims=3, max_dims=3, max_side=6), label="shape")
    dtype = draw(st.sampled_from(["int64", "uint8", "float64", "float32"]), label="dtype")
    images = draw(hnp.arrays("int64", shape, elements=st.integers(0, max_value)), label="images")
    return images.astype(dtype), max_value


@settings(max_examples=20)
@given(problem=pixel_images())
@example(problem=(np.array([[[0, 8, 12], [16, 4, 2]], [[1, 3, 5], [7, 9, 11]]], dtype="float64"), 16))
@example(problem=(np.array([[[0, 51], [102, 153]]], dtype="uint8"), 255))
@example(problem=(np.array([[[0, 4], [8, 16]]], dtype="float32"), 16))  # torch.from_numpy shares a float32 array
def test_prepare_scales_to_the_unit_interval_and_flattens(kata, problem):
    images, max_value = problem
    before = images.copy()
    expected = (images / max_value).astype("float32").reshape(len(images), -1)
    call = f"prepare({describe(images)}, max_value={max_value})"
    got = kata.prepare(images, max_value)
    if not np.array_equal(images, before):
        fail(call, "images afterwards", "unchanged", "changed in place",
             "divide into a new array or tensor (images / max_value), not with out=images or /=; "
             "torch.from_numpy(images) shares the array's memory, and so does .float() of a float32 tensor")
    check_tensor(got, expected, framework="torch", call=call,
                 misconception="divide by max_value (16 for these digits, 255 for MNIST; not the largest pixel "
                               "present), then flatten each image row by row: .flatten(start_dim=1) keeps the batch "
                               "dimension, and no transpose")


# --- digit_mlp -------------------------------------------------------------------------------------

MLP = "nn.Sequential(nn.Linear(n_inputs, 128), nn.ReLU(), nn.Linear(128, 10))"


@settings(max_examples=10)
@given(n_inputs=st.integers(1, 100), seed=st.integers(0, 2**16))
@example(n_inputs=64, seed=0)
def test_digit_mlp_is_linear_relu_linear(kata, n_inputs, seed):
    model = kata.digit_mlp(n_inputs)
    call = f"digit_mlp({n_inputs})"
    check_equal(isinstance(model, nn.Sequential), True, call=call, what="result is an nn.Sequential",
                misconception=MLP)
    check_equal([type(layer).__name__ for layer in model], ["Linear", "ReLU", "Linear"], call=call,
                what="layers, in order", misconception=MLP + ": exactly these three layers, nothing before, "
                "between or after them (x comes already flattened, by prepare)")
    shapes_got = [tuple(p.shape) for p in model.parameters()]
    check_equal(shapes_got, [(128, n_inputs), (128,), (10, 128), (10,)], call=call, what="parameter shapes",
                misconception=MLP)
    w1, b1, w2, b2 = (p.detach() for p in model.parameters())
    x = torch.randn(3, n_inputs, generator=torch.Generator().manual_seed(seed)) * 3
    expected = torch.relu(x @ w1.T + b1) @ w2.T + b2
    with torch.no_grad():
        got = model(x)
    misconception = MLP + ": the ReLU between the layers, and logits out (no softmax, no ReLU after the last layer)"
    check_tensor(got, expected, framework="torch", call=f"{call} on x of shape (3, {n_inputs})", rtol=1e-4, atol=1e-5,
                 misconception=misconception)


# --- probabilities ---------------------------------------------------------------------------------

def softmax_oracle(logits):
    wide = logits.astype("float64")
    exp = np.exp(wide - wide.max(axis=1, keepdims=True))
    return (exp / exp.sum(axis=1, keepdims=True)).astype(logits.dtype)


@settings(max_examples=20)
@given(logits=st.sampled_from(["float32", "float64"]).flatmap(
    lambda dtype: arrays(dtype, shapes(min_dims=2, max_dims=2, max_side=8, distinct=True))))
@example(logits=np.array([[1000.0, 999.0, 0.0], [-1000.0, 5.0, 1000.0]], dtype="float32"))
@example(logits=np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], dtype="float64"))
def test_probabilities_are_the_softmax_over_classes(kata, logits):
    tensor = to_torch(logits)
    call = f"probabilities({describe(logits)}" + (", logits up to 1000)" if np.abs(logits).max() >= 100 else ")")
    got = kata.probabilities(tensor)
    check_tensor(tensor, logits, framework="torch", call=f"{call}: logits afterwards", rtol=0, atol=0,
                 misconception="leave the logits alone: no in-place exp_() or sub_() on the caller's tensor")
    if isinstance(got, torch.Tensor) and bool(torch.isnan(got).any()):
        fail(call, "values", "probabilities, no nan", "nan", "exp(1000) overflows: torch.softmax(logits, dim=1), or "
             "subtract each row's max before exp")
    tolerance = 1e-6 if logits.dtype == np.float32 else 1e-12
    check_tensor(got, softmax_oracle(logits), framework="torch", call=call, rtol=tolerance, atol=tolerance,
                 misconception="torch.softmax(logits, dim=1): each row (one image) sums to 1")


# --- accuracy --------------------------------------------------------------------------------------

@st.composite
def scored_rows(draw):
    n, classes = draw(shapes(min_dims=2, max_dims=2, max_side=10), label="(N, classes)")
    logits = draw(arrays("float32", (n, classes)), label="logits")
    labels = draw(hnp.arrays("int64", n, elements=st.integers(0, classes - 1)), label="labels")
    return logits, labels


@settings(max_examples=25)
@given(problem=scored_rows())
@example(problem=(np.array([[2.0, 1.0], [0.0, 3.0], [5.0, 1.0]], dtype="float32"), np.array([0, 1, 1])))
@example(problem=(np.array([[1.0, 0.9, 0.8], [0.0, 3.0, 0.0], [0.2, 0.1, 0.0]], dtype="float32"), np.array([0, 0, 0])))
@example(problem=(np.array([[1.0, 1.0], [0.0, 0.0]], dtype="float32"), np.array([1, 0])))  # ties: the first wins
def test_accuracy_is_the_fraction_of_right_predictions(kata, problem):
    logits, labels = problem
    expected = float(np.mean(to_torch(logits).argmax(dim=1).numpy() == labels))
    check_close(kata.accuracy(to_torch(logits), to_torch(labels)), expected, rel=1e-6,
                call=f"accuracy({describe(logits)}, labels {labels.tolist()})",
                misconception="(logits.argmax(dim=1) == labels).float().mean().item(): a fraction of the rows, "
                              "right when the largest logit is at the label, however sure the model is; "
                              "in a tie the first largest logit is the prediction")


# --- train_digits ----------------------------------------------------------------------------------

STALE = 1e6  # no real gradient of this problem comes near it


class TrainingSpy:
    """While the block runs: every cross_entropy call (its arguments, and whether autograd was
    recording) and every optimizer step (the optimizer's type, whether .grad still held the marker
    the previous step left there)."""

    def __init__(self, *, steps=True):
        self.watch_steps = steps  # False: only the losses (their values too), the training left alone

    def __enter__(self):
        self.losses, self.steps, self.stale_steps = [], [], 0
        self._original = torch._C._nn.cross_entropy_loss  # noqa: SLF001  (what F.cross_entropy calls)

        def cross_entropy_loss(input, target, *args):  # noqa: A002
            result = self._original(input, target, *args)
            self.losses.append({"input": (input.dtype, tuple(input.shape)), "target": (target.dtype, tuple(target.shape)),
                                "recording": torch.is_grad_enabled(), "labels": target.detach().clone(),
                                "made_by": type(input.grad_fn).__name__, "steps_before": len(self.steps),
                                "value": float(result.detach()) if result.dim() == 0 else None})
            return result

        torch._C._nn.cross_entropy_loss = cross_entropy_loss  # noqa: SLF001
        self._hooks = [register_optimizer_step_pre_hook(self._before_step),
                       register_optimizer_step_post_hook(self._after_step)] if self.watch_steps else []
        return self

    def epoch_losses(self, n):
        """The mean training loss of each pass over ``n`` rows (each batch weighted by its rows), from
        the cross_entropy calls made while autograd was recording; [] when they cannot be told apart."""
        means, total, rows = [], 0.0, 0
        for loss in self.losses:
            if not loss["recording"]:
                continue
            if loss["value"] is None or not loss["input"][1]:
                return []
            size = loss["input"][1][0]
            total, rows = total + loss["value"] * size, rows + size
            if rows >= n:
                means.append(total / rows)
                total, rows = 0.0, 0
        return means

    def batch_losses(self):
        """The recording cross_entropy calls that an optimizer step followed before the next one:
        a training batch's loss (a loss computed only to watch, grad on or off, is left out)."""
        recording = [loss for loss in self.losses if loss["recording"]]
        after = [loss["steps_before"] for loss in recording[1:]] + [len(self.steps)]
        return [loss for loss, steps in zip(recording, after) if steps > loss["steps_before"]]

    @staticmethod
    def _grads(optimizer):
        return [p.grad for group in optimizer.param_groups for p in group["params"] if p.grad is not None]

    def _before_step(self, optimizer, args, kwargs):
        self.steps.append(optimizer)
        if any(bool((g.abs() > STALE / 2).any()) for g in self._grads(optimizer)):
            self.stale_steps += 1

    def _after_step(self, optimizer, args, kwargs):
        for grad in self._grads(optimizer):
            grad.fill_(STALE)

    def __exit__(self, *exc):
        torch._C._nn.cross_entropy_loss = self._original  # noqa: SLF001
        for hook in self._hooks:
            hook.remove()
        return False


def small_problem(seed=0, n=200):
    generator = torch.Generator().manual_seed(seed)
    return torch.rand(n, 64, generator=generator), torch.randint(0, 10, (n,), generator=generator)


LOOP = "for each epoch, for xb, yb in DataLoader(TensorDataset(x, labels), batch_size=32, shuffle=True, " \
       "generator=...): optimizer.zero_grad(); nn.functional.cross_entropy(model(xb), yb).backward(); optimizer.step()"


def check_trained_model(model, call):
    if not isinstance(model, nn.Module):
        fail(call, "result", "the trained model (an nn.Module)", describe(model), "return the model")
    check_equal(isinstance(model, nn.Sequential) and [type(layer).__name__ for layer in model],
                ["Linear", "ReLU", "Linear"], call=call, what="layers of the trained model, in order",
                misconception="train a digit_mlp(x.shape[1]): exactly Linear, ReLU, Linear")
    check_equal([tuple(p.shape) for p in model.parameters()], [(128, 64), (128,), (10, 128), (10,)], call=call,
                what="parameter shapes", misconception="train a digit_mlp(x.shape[1])")
    training = [name or "the model" for name, m in model.named_modules() if m.training]
    check_equal(training, [], call=call, what="modules still in train mode", misconception="return model.eval()")


def test_train_digits_runs_the_loop_the_docstring_describes(kata):
    x, labels = small_problem()
    x_before, labels_before = x.clone(), labels.clone()
    n, epochs = len(x), 2
    call = f"train_digits(x (200, 64), labels (200,), epochs={epochs}, seed=3)"
    with TrainingSpy() as spy:
        try:
            model = kata.train_digits(x, labels, epochs=epochs, seed=3)
        except Exception as error:
            if any(loss["input"][0] == torch.int64 for loss in spy.losses):
                fail(call, "cross_entropy arguments", "(logits (B, 10) float, labels (B,) int64)",
                     f"(labels, logits): {type(error).__name__}",
                     "nn.functional.cross_entropy(model(xb), yb): the logits first, then the labels")
            raise
    for name, now, before in (("x", x, x_before), ("labels", labels, labels_before)):
        check_tensor(now, before, framework="torch", call=f"{call}: {name} afterwards", rtol=0, atol=0,
                     misconception="train on the data as given: no in-place normalising (x.sub_(...), x /= ...)")
    check_trained_model(model, call)
    if not any(loss["recording"] for loss in spy.losses):
        fail(call, "loss", "nn.functional.cross_entropy(logits, labels) for each batch", "no cross_entropy call",
             "cross_entropy takes the raw logits (it applies log_softmax itself); nll_loss on logits is not the same")
    kinds = sorted({type(o).__name__ for o in spy.steps})
    if not spy.steps or not all(isinstance(o, torch.optim.Adam) for o in spy.steps):
        fail(call, "optimizer", "torch.optim.Adam, stepped once per batch", kinds or "no optimizer step",
             "optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)")
    training = spy.batch_losses()
    for loss in training:
        if loss["input"][0] == torch.int64 or len(loss["input"][1]) != 2 or loss["target"][0] != torch.int64:
            fail(call, "cross_entropy arguments", "(logits (B, 10) float, labels (B,) int64)",
                 f"({loss['input']}, {loss['target']})", "nn.functional.cross_entropy(model(xb), yb)")
        if loss["made_by"] == "SoftmaxBackward0":
            fail(call, "cross_entropy's first argument", "the model's raw logits", "probabilities (made by softmax)",
                 "nn.functional.cross_entropy(model(xb), yb): it applies log_softmax itself, so a softmax before it "
                 "squashes the logits twice")
    sizes = [loss["input"][1][0] for loss in training]
    check_equal(sum(sizes), epochs * n, call=call, what="rows trained on in all (epochs x N)",
                misconception=f"epochs full passes: for epoch in range(epochs), and every batch of the loader in each "
                              f"(no break, no range(1, epochs)); {LOOP}")
    if sizes and max(sizes) > 64:
        fail(call, "largest batch", "64 rows or fewer (mini-batches)", max(sizes),
             "DataLoader(TensorDataset(x, labels), batch_size=32, shuffle=True, ...)")
    check_equal(len(spy.steps), len(training), call=call, what="optimizer steps (one per batch)",
                misconception=LOOP)
    if spy.stale_steps:
        fail(call, "gradients at each step", "that batch's gradient alone",
             f"gradients left over from earlier batches added in, at {spy.stale_steps} of {len(spy.steps)} steps",
             "optimizer.zero_grad() in every batch: backward adds to .grad")
    order, start = [], 0
    for _ in range(epochs):
        end, seen = start, 0
        while seen < n and end < len(sizes):
            seen, end = seen + sizes[end], end + 1
        order.append(torch.cat([loss["labels"] for loss in training[start:end]]))
        start = end
    if any(torch.equal(epoch, labels) for epoch in order) or torch.equal(order[0], order[1]):
        fail(call, "order of the rows", "shuffled anew in every epoch",
             "the same order " + ("as the data" if any(torch.equal(e, labels) for e in order) else "in both epochs"),
             "DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(seed))")


def test_train_digits_depends_on_its_seed_only(kata):
    x, labels = small_problem(seed=1, n=100)
    torch.manual_seed(12345)  # what the global generator held before does not matter
    first = kata.train_digits(x, labels, epochs=1, seed=4)
    torch.manual_seed(54321)
    torch.rand(7)
    again = kata.train_digits(x, labels, epochs=1, seed=4)
    other = kata.train_digits(x, labels, epochs=1, seed=5)
    call = "train_digits(x (100, 64), labels, epochs=1, seed=4) called twice, from different global RNG states"
    for model in (first, again, other):
        check_trained_model(model, call)
    for (name, a), b in zip(first.state_dict().items(), again.state_dict().values()):
        check_tensor(b, a, framework="torch", call=f"{call}: {name} of the second model", rtol=0, atol=0,
                     misconception="torch.manual_seed(seed) before building the model (its initial weights are "
                                   "random too), and a DataLoader generator seeded from seed")
    if all(torch.equal(a, b) for a, b in zip(first.state_dict().values(), other.state_dict().values())):
        fail("train_digits(x, labels, epochs=1, seed=4) and the same with seed=5", "models", "different models",
             "the same weights", "seed from the seed argument, not a fixed number: torch.manual_seed(seed)")


def test_the_pipeline_reads_92_percent_of_unseen_digits(kata):
    train_images, train_labels, test_images, test_labels = data.digits_split()
    with TrainingSpy(steps=False) as spy:  # records the loss of each batch, for the learner's loss curve
        model = kata.train_digits(kata.prepare(train_images, 16), torch.from_numpy(train_labels))
    if len(losses := spy.epoch_losses(len(train_labels))) >= 2:
        curves.record(losses, title="mean training loss per epoch: train_digits(1,437 digits)")
    with torch.no_grad():
        predicted = model.eval()(kata.prepare(test_images, 16)).argmax(dim=1).numpy()
    score = float(np.mean(predicted == test_labels))
    if score < 0.92:
        fail("train_digits(prepare(1,437 training digits, 16), labels), tested on 360 unseen digits",
             "test accuracy", "at least 0.92", f"{score:.3f}",
             "pixels scaled to [0, 1], a hidden layer of 128 with ReLU, Adam (lr=1e-3), mini-batches of 32, "
             "about 10 epochs")
