"""Tests of kata observe/callbacks: EarlyStopping stops after the right epoch and leaves the best
epoch's weights; a step-decay schedule sets the rate each epoch trains with.

Keras: the model is a linear layer trained full-batch with the test's own SGD (with or without
momentum) on data whose validation optimum differs from the training one, so val_loss falls,
then rises, or swings. The test replays the same training in NumPy (float64; plain SGD and
momentum as Keras applies them, mean squared error) for every epoch up to ``max_epochs``: that
gives the val_loss history, the weights after each epoch, and, by EarlyStopping's rule, the
epoch training must stop after. PyTorch: the test's SGD records the rate of every
``optimizer.step()`` (a step pre-hook), and a replay with the test's own SGD and the scheduled
rates gives the parameters training must end with.
"""

import copy
import math

import keras
import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_equal, check_values, describe, fail

pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)

EARLY = ("model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, batch_size=len(x), verbose=0, "
         "callbacks=[keras.callbacks.EarlyStopping(monitor='val_loss', patience=patience, "
         "restore_best_weights=True)]); return len(history.epoch)")
STEP_LR = ("scheduler = StepLR(optimizer, step_size, gamma); each epoch: note optimizer.param_groups[0]['lr'], "
           "train on every mini-batch (optimizer.step() each), then scheduler.step() once")

# --- Keras: EarlyStopping -----------------------------------------------------------------------

N_TRAIN, N_VAL = 48, 24  # 48 > 32: fit's default batch_size would take two steps per epoch
TRAIN_W, TRAIN_B = np.array([[2.0], [-1.0]]), 0.5


def keras_data(w_val, seed):
    """Training data from y = x @ (2, -1) + 0.5, validation data from another line: training
    moves the weights past the validation optimum, so val_loss falls and rises again."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, (N_TRAIN, 2)).astype("float32")
    y = (x @ TRAIN_W + TRAIN_B).astype("float32")
    x_val = rng.normal(0, 1, (N_VAL, 2)).astype("float32")
    y_val = (x_val @ np.array([[w_val[0]], [w_val[1]]]) + 0.2).astype("float32")
    return x, y, x_val, y_val


def replay(x, y, x_val, y_val, lr, momentum, epochs):
    """Full-batch training of Dense(1) from zero weights, as Keras' SGD does it (m = momentum * m -
    lr * grad; w += m), on the mean squared error: (train loss, val_loss, [kernel, bias]) per epoch.
    The train loss is the one fit reports: measured in the step, before its update."""
    x, y, x_val, y_val = (a.astype("float64") for a in (x, y, x_val, y_val))
    w, b = np.zeros((2, 1)), np.zeros(1)
    mw, mb = np.zeros_like(w), np.zeros_like(b)
    losses, val_losses, weights = [], [], []
    for _ in range(epochs):
        residual = x @ w + b - y
        losses.append(float(np.mean(residual ** 2)))
        mw = momentum * mw - lr * 2 * x.T @ residual / len(x)
        mb = momentum * mb - lr * 2 * residual.sum(axis=0) / len(x)
        w, b = w + mw, b + mb
        val_losses.append(float(np.mean((x_val @ w + b - y_val) ** 2)))
        weights.append([w.copy(), b.copy()])
    return losses, val_losses, weights


def stopping(history, patience, min_delta=0.0, ties_improve=False):
    """EarlyStopping's rule over a history (min_delta=0): (epochs run, 0-based index of the best
    epoch). An epoch improves when it is below the best so far; after ``patience`` epochs in a row
    without improvement, training stops. (``min_delta`` and ``ties_improve``: what mistakes do.)"""
    best, best_epoch, wait = math.inf, 0, 0
    for epoch, value in enumerate(history):
        wait += 1
        if value + min_delta < best or (ties_improve and value == best):
            best, best_epoch, wait = value, epoch, 0
        if wait >= patience:
            return epoch + 1, best_epoch
    return len(history), best_epoch


def clear_margins(history, margin=0.01):
    """No val_loss within 1 % of the best before it: float32 rounding cannot change a decision."""
    best = math.inf
    for value in history:
        if best < math.inf and abs(value - best) <= margin * best:
            return False
        best = min(best, value)
    return True


def compiled_model(lr, momentum):
    """Dense(1) on 2 features, zero weights, compiled by the test (the learner fits it as is)."""
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.set_weights([np.zeros((2, 1), "float32"), np.zeros(1, "float32")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr, momentum=momentum), loss="mse")
    return model


def wrong_epoch_counts(losses, val_losses, patience, max_epochs):
    """What likely mistakes would return, as (count, misconception), for the message."""
    expected, best = stopping(val_losses, patience)
    candidates = [  # the first that matches names the misconception
        *((stopping(val_losses, patience, min_delta=delta)[0],
           "min_delta=0 (EarlyStopping's default): any drop below the best, however small, is an improvement")
          for delta in (0.01, 0.001)),
        (stopping(val_losses, patience, ties_improve=True)[0],
         "an epoch whose val_loss EQUALS the best so far is not an improvement (strictly below; "
         "EarlyStopping's default mode='min', min_delta=0)"),
        (expected - 1, "return the number of epochs that ran (1-based, len(history.epoch)); EarlyStopping's "
                       "stopped_epoch is the 0-based index of the last epoch"),
        (0, "EarlyStopping's stopped_epoch is 0 when training was not stopped early: return len(history.epoch)"),
        (1, "EarlyStopping's stopped_epoch is 0 when training was not stopped early: return len(history.epoch)"),
        (stopping(losses, patience)[0], "monitor='val_loss', the loss on (x_val, y_val), not the training 'loss'"),
        (stopping(val_losses, patience + 1)[0], "patience=patience: stop after `patience` epochs without "
                                                "improvement, not patience + 1"),
        (stopping(val_losses, max(patience - 1, 1))[0], "patience=patience: stop after `patience` epochs without "
                                                         "improvement, not patience - 1"),
        (best + 1, "training stops `patience` epochs after the best one, and returns the epochs that ran, not "
                   "the number of the best epoch"),
        (best, "return the epochs that ran, not the 0-based index of the best epoch"),
        (max_epochs, "stop once `patience` epochs in a row brought no val_loss below the BEST so far (an epoch "
                     "below the previous one but not below the best does not count): "
                     "keras.callbacks.EarlyStopping(monitor='val_loss', patience=patience) in fit's callbacks"),
    ]
    return {count: text for count, text in reversed(candidates) if count != expected}


@st.composite
def early_stopping_cases(draw):
    """(lr, momentum, validation line, data seed, patience, max_epochs) with clear decisions."""
    case = (draw(st.sampled_from([0.05, 0.1, 0.2, 0.3, 0.5]), label="lr"),
            draw(st.sampled_from([0.0, 0.5, 0.8]), label="momentum"),
            draw(st.sampled_from([(1.0, -0.5), (1.5, -1.0), (2.5, -1.5), (0.5, 0.0)]), label="w_val"),
            draw(st.integers(0, 3), label="seed"), draw(st.integers(1, 3), label="patience"),
            draw(st.integers(2, 8), label="max_epochs"))
    lr, momentum, w_val, seed, _, max_epochs = case
    assume(clear_margins(replay(*keras_data(w_val, seed), lr, momentum, max_epochs)[1]))
    return case


@settings(max_examples=3, suppress_health_check=[HealthCheck.function_scoped_fixture])  # capsys: read per example
@given(case=early_stopping_cases())
# val_loss falls to its best in epoch 4, then rises: stops after epoch 6, restores epoch 4
@example(case=(0.1, 0.0, (1.0, -0.5), 0, 2, 10))
# the same curve, patience 3 outlasts max_epochs=6: all 6 epochs run, and epoch 4's weights are restored anyway
@example(case=(0.1, 0.0, (1.0, -0.5), 0, 3, 6))
# momentum swings val_loss: best in epoch 3, then up, up, down (not below the best): stops after epoch 6
@example(case=(0.2, 0.8, (2.5, -1.5), 0, 3, 8))
# epoch 3 improves on epoch 2 by only 0.005 (0.0414 -> 0.0361), a drop all the same (min_delta=0): stops after 5
@example(case=(0.1, 0.0, (1.0, -0.5), 3, 2, 6))
# epoch 7 improves on epoch 6 by 0.0009 (0.5073 -> 0.5064), under the usual tutorial min_delta=0.001:
# still a drop (min_delta=0), so with patience 1 all 8 epochs run
@example(case=(0.07, 0.8, (2.5, -1.5), 2, 1, 8))
# learning rate 0: the weights never move and every val_loss EQUALS epoch 1's, no improvement: stops after 3
@example(case=(0.0, 0.0, (1.0, -0.5), 0, 2, 6))
def test_fit_with_early_stopping_stops_after_patience_and_restores_the_best_epoch(kata, case, capsys):
    lr, momentum, w_val, seed, patience, max_epochs = case
    x, y, x_val, y_val = keras_data(w_val, seed)
    losses, val_losses, weights = replay(x, y, x_val, y_val, lr, momentum, max_epochs)
    expected, best = stopping(val_losses, patience)
    model = compiled_model(lr, momentum)
    optimizer = model.optimizer
    compiled_again = []
    model.compile = lambda *args, **kwargs: compiled_again.append(kwargs.get("optimizer", args[:1]))
    shown = ", ".join(f"{v:.3g}" for v in val_losses)
    call = (f"fit_with_early_stopping(model, x, y, x_val, y_val, patience={patience}, max_epochs={max_epochs}) "
            f"(val_loss of epochs 1..{max_epochs} without stopping: {shown})")

    capsys.readouterr()
    got = kata.fit_with_early_stopping(model, x, y, x_val, y_val, patience, max_epochs)
    printed = capsys.readouterr().out

    if type(got) is not int:
        fail(call, "type", "int (the number of epochs that ran)", describe(got),
             "return len(history.epoch), a Python int")
    if compiled_again or model.optimizer is not optimizer:
        fail(call, "model.compile calls, and the optimizer afterwards",
             f"no compile call; the SGD the model arrived with (learning_rate={lr}, momentum={momentum})",
             f"{len(compiled_again)} compile call(s); a {type(model.optimizer).__name__}"
             + ("" if model.optimizer is optimizer else " that is not the one it arrived with"),
             "the model arrives compiled: fit it as it is, do not call model.compile again (not even with the "
             f"same optimizer). {EARLY}")
    check_equal(got, expected, call=call, what="number of epochs that ran",
                misconception=wrong_epoch_counts(losses, val_losses, patience, max_epochs).get(got, EARLY)
                + f" (the best val_loss is epoch {best + 1}'s)")
    final = [np.asarray(keras.ops.convert_to_numpy(w), "float64") for w in model.get_weights()]
    check_equal([w.shape for w in final], [(2, 1), (1,)], call=call, what="weight shapes",
                misconception="fit the model it is given")
    last = weights[expected - 1]
    moved = not all(np.allclose(b, w, rtol=1e-3, atol=1e-3) for b, w in zip(weights[best], last))
    if moved and all(np.allclose(f, w, rtol=1e-3, atol=1e-3) for f, w in zip(final, last)):
        fail(call, "weights afterwards", f"those after epoch {best + 1}, the best val_loss",
             f"those after epoch {expected}, the last one that ran",
             "restore_best_weights=True: Keras then puts the best epoch's weights back when training ends, "
             "whether it stopped early or ran all max_epochs")
    for name, f, w in zip(("kernel", "bias"), final, weights[best]):
        check_values(f, w, call=f"{call}: the {name} afterwards, vs after epoch {best + 1} (the best)",
                     rtol=1e-3, atol=1e-3, misconception="fit the compiled model as it is, one batch per epoch "
                     f"(batch_size=len(x)), and restore the best epoch's weights: {EARLY}")
    if printed:
        fail(call, "printed output", "nothing (verbose=0)", repr(printed[:60] + "..."),
             "verbose=0 silences fit's progress bar")


# --- PyTorch: a learning-rate schedule -----------------------------------------------------------


def step_decay_model(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))


def recording_sgd(model, lr, momentum):
    """The test's SGD; ``.rates`` gets the learning rate of every optimizer.step(), as it runs."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    optimizer.rates = []
    optimizer.register_step_pre_hook(lambda opt, args, kwargs: opt.rates.append(opt.param_groups[0]["lr"]))
    return optimizer


def replay_step_decay(model, x, y, lr, momentum, rates, batch_size):
    """The training the docstring asks for, with the test's own SGD and the scheduled rates."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    for rate in rates:
        optimizer.param_groups[0]["lr"] = rate
        for start in range(0, len(x), batch_size):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(x[start:start + batch_size]), y[start:start + batch_size]).backward()
            optimizer.step()
    return model


def check_rates(got, expected, *, call, what, misconception):
    """Rates equal up to float rounding (StepLR multiplies by gamma step by step), shown as lists."""
    __tracebackhide__ = True
    if not np.allclose(got, expected, rtol=1e-9, atol=0):
        fail(call, what, [float(f"{r:.6g}") for r in expected], [float(f"{r:.6g}") for r in got], misconception)


def rate_mistake(observed, epochs, batches, schedule):
    """Why the observed per-step rates differ from the schedule, for the message."""
    per_epoch = [observed[e * batches:(e + 1) * batches] for e in range(epochs)]
    if any(not math.isclose(r, rates[0], rel_tol=1e-9) for rates in per_epoch for r in rates):
        return ("the rate changed inside an epoch: call scheduler.step() once per epoch, after all of its "
                "mini-batches, not after every optimizer.step()")
    if all(math.isclose(rates[0], schedule(e + 1), rel_tol=1e-9) for e, rates in enumerate(per_epoch)):
        return ("each epoch trained at the next epoch's rate: scheduler.step() goes after the epoch's "
                "optimizer steps, not before them")
    return f"the rate of epoch e is lr * gamma ** (e // step_size): {STEP_LR}"


@st.composite
def step_decay_cases(draw):
    n = draw(st.integers(3, 9), label="samples")
    return (n, draw(st.integers(1, n), label="batch_size"), draw(st.integers(1, 6), label="epochs"),
            draw(st.integers(1, 4), label="step_size"), draw(st.sampled_from([0.1, 0.5, 0.9]), label="gamma"),
            draw(st.sampled_from([0.05, 0.2]), label="lr"), draw(st.sampled_from([0.0, 0.9]), label="momentum"),
            draw(st.integers(0, 2**16), label="seed"))


@settings(max_examples=8)
@given(case=step_decay_cases())
@example(case=(6, 2, 4, 1, 0.5, 0.2, 0.0, 0))  # 3 mini-batches an epoch, the rate halves every epoch
@example(case=(5, 2, 5, 2, 0.1, 0.2, 0.9, 1))  # a smaller last batch; the rate falls every 2 epochs; momentum
@example(case=(4, 4, 3, 4, 0.5, 0.05, 0.0, 2))  # one batch an epoch; step_size > epochs: the rate never changes
def test_train_with_step_decay_trains_each_epoch_at_its_scheduled_rate(kata, case):
    n, batch_size, epochs, step_size, gamma, lr, momentum, seed = case
    generator = torch.Generator().manual_seed(seed)
    x, y = torch.randn(n, 3, generator=generator), torch.randn(n, 2, generator=generator)
    model = step_decay_model(seed)
    start = copy.deepcopy(model)
    optimizer = recording_sgd(model, lr, momentum)
    call = (f"train_with_step_decay(model, SGD(lr={lr}, momentum={momentum}), x ({n} samples), y, epochs={epochs}, "
            f"batch_size={batch_size}, step_size={step_size}, gamma={gamma})")

    def schedule(epoch):
        return lr * gamma ** (epoch // step_size)

    got = kata.train_with_step_decay(model, optimizer, x.clone(), y.clone(), epochs, batch_size, step_size, gamma)

    batches = math.ceil(n / batch_size)
    check_equal(len(optimizer.rates), epochs * batches, call=call, what="number of optimizer.step() calls",
                misconception=f"one optimizer.step() per mini-batch ({batches} per epoch), with the optimizer "
                "given (do not make another)")
    expected_steps = [schedule(e) for e in range(epochs) for _ in range(batches)]
    check_rates(optimizer.rates, expected_steps, call=call, what=f"rate of each optimizer.step() ({batches} per epoch)",
                misconception=rate_mistake(optimizer.rates, epochs, batches, schedule))

    if not isinstance(got, list) or not all(isinstance(r, float) for r in got):
        fail(call, "result", "a list (not a tuple) of Python floats, one per epoch", describe(got),
             "return a list, not a tuple: " * isinstance(got, tuple)
             + "rates.append(float(optimizer.param_groups[0]['lr'])) once per epoch, before its mini-batches")
    check_equal(len(got), epochs, call=call, what="number of rates returned",
                misconception="one rate per epoch, not per mini-batch")
    shifted = [schedule(e + 1) for e in range(epochs)]
    check_rates(got, [schedule(e) for e in range(epochs)], call=call, what="rates returned (one per epoch)",
                misconception="return the rate each epoch trained with: read it before scheduler.step(), which "
                "sets the next epoch's rate" if np.allclose(got, shifted, rtol=1e-9, atol=0) else STEP_LR)

    expected = replay_step_decay(start, x, y, lr, momentum, [schedule(e) for e in range(epochs)], batch_size)
    for (name, got_p), want in zip(model.named_parameters(), expected.parameters()):
        check_values(got_p.detach().numpy(), want.detach().numpy(), rtol=1e-4, atol=1e-5,
                     call=f"{call}: parameter {name} afterwards",
                     misconception="each mini-batch in order (no shuffling): zero_grad, "
                     "nn.functional.mse_loss(model(xb), yb), backward, optimizer.step()")
