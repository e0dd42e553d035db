"""Tests of kata scale/mixed_precision: 16-bit compute, float32 weights and loss, still learning.

The torch step is checked against the same step done here (an oracle on a copy of the model):
the Linear outputs are watched with forward hooks, stale gradients sit in ``.grad`` before the
call, and a GradScaler of the test's own records how it is used; one pinned case makes the
scaled loss overflow, so the step must be skipped and the scale halved. The Keras model is
checked layer by layer, for its predictions' dtype, for leaving the global policy as it was
(also when that was not float32), and for fitting a tiny regression.
"""

import copy

import keras
import numpy as np
import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support import curves
from katas._support.checks import check_equal, check_tensor, describe, fail

pytestmark = pytest.mark.usefixtures("torch_one_thread", "autocast_restored")  # tiny models: one math thread


@pytest.fixture
def autocast_restored():
    """Puts torch's autocast state back after each test: an answer that entered autocast and never left
    it fails its own test, and must not turn the next ones (another answer's) into 16-bit runs."""
    devices = [d for d in ("cpu", "cuda") if d == "cpu" or torch.cuda.is_available()]
    saved = {d: (torch.is_autocast_enabled(d), torch.get_autocast_dtype(d)) for d in devices}
    cache = torch.is_autocast_cache_enabled()
    yield
    for _ in range(torch.autocast_increment_nesting()):  # back to nesting level 0
        torch.autocast_decrement_nesting()
    torch.clear_autocast_cache()
    for d, (enabled, dtype) in saved.items():
        torch.set_autocast_enabled(d, enabled)
        torch.set_autocast_dtype(d, dtype)
    torch.set_autocast_cache_enabled(cache)

LR = 0.1
STEP = ("optimizer.zero_grad(); with torch.autocast(x.device.type, dtype=low): output = model(x); "
        "loss = mse_loss(output.float(), y); loss.backward(); optimizer.step(); return loss.item()")


def low_dtype(device):
    return torch.bfloat16 if device == "cpu" else torch.float16


def make_problem(sizes, seed, device, target_scale=2.0):
    """A seeded Linear-ReLU-Linear model with stale gradients in .grad (an earlier step's), and a batch."""
    n, n_in, hidden, n_out = sizes
    generator = torch.Generator().manual_seed(seed)
    model = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_out))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=generator) * 0.5)
            p.grad = torch.rand(p.shape, generator=generator) + 0.5
    x = torch.randn(n, n_in, generator=generator) * 2
    y = torch.randn(n, n_out, generator=generator) * target_scale
    return model.to(device), x.to(device), y.to(device)


def oracle_step(model, x, y):
    """(float32 loss, gradients, parameters after one SGD step), on a copy: the same step done here."""
    twin = copy.deepcopy(model)
    for p in twin.parameters():
        p.grad = None
    with torch.autocast(device_type=x.device.type, dtype=low_dtype(x.device.type)):
        output = twin(x)
    loss = nn.functional.mse_loss(output.float(), y)
    loss.backward()
    grads = [p.grad.detach().clone() for p in twin.parameters()]
    return loss.item(), grads, [p.detach() - LR * g for p, g in zip(twin.parameters(), grads)]


class Watch:
    """Forward hooks on every nn.Linear of a model: the dtype of each output and of its weight."""

    def __init__(self, model):
        self.seen: list[tuple[str, torch.dtype, torch.dtype]] = []
        self.handles = [module.register_forward_hook(self._hook(f"model[{name}]")) for name, module in model.named_modules()
                        if isinstance(module, nn.Linear)]

    def _hook(self, name):
        def hook(module, inputs, output):
            self.seen.append((name, output.dtype, module.weight.dtype))
        return hook

    def close(self):
        for handle in self.handles:
            handle.remove()


def named(model):
    return [(f"model[{name.replace('.', '].', 1)}", p) for name, p in model.named_parameters()]


def check_step(model, x, y, got, watch, call, *, expected_loss, scaled_by=None, batch=None):
    """What every step must leave behind: dtypes first, then the loss, gradients and parameters.
    ``batch``: copies of (x, y) taken before the call; they must be unchanged."""
    __tracebackhide__ = True
    low, device = low_dtype(x.device.type), x.device.type
    if not isinstance(got, float):
        fail(call, "type of the result", "a Python float", describe(got), "return loss.item(): the float32 loss "
             "as a Python number")
    for name, now, before in zip("xy", (x, y), batch or ()):
        if now.dtype != before.dtype or not torch.equal(now, before):
            fail(call, f"the caller's {name} afterwards", f"unchanged ({describe(before)})",
                 describe(now) if now.dtype != before.dtype else "other values",
                 f"leave {name} as it is: autocast casts copies for each op (no {name}.data = ..., no in-place ops)")
    if not watch.seen:
        fail(call, "behaviour", "model(x) called (its Linear layers run)", "no Linear ran", STEP)
    for name, out_dtype, weight_dtype in watch.seen:
        if out_dtype != low:
            fail(call, f"dtype of {name}'s output (seen by a forward hook)", low, out_dtype,
                 f"run the forward pass under torch.autocast(device_type={device!r}, dtype={low}): "
                 + ("on the CPU autocast uses bfloat16, float16 is for GPUs" if out_dtype == torch.float16 else
                    "without autocast a Linear computes in its weight's dtype"))
        if weight_dtype != torch.float32:
            fail(call, f"dtype of {name}.weight during the forward pass", torch.float32, weight_dtype,
                 "leave the model float32 (no model.half() or model.to(torch.bfloat16)): autocast casts "
                 "copies of the weights for each op")
    for name, p in named(model):
        if p.dtype != torch.float32:
            fail(call, f"dtype of {name} afterwards", torch.float32, p.dtype, "the parameters stay float32: "
                 "a 16-bit weight loses small updates (1.0 + 1e-4 == 1.0 in bfloat16)")
        if p.grad is None or p.grad.dtype != torch.float32:
            fail(call, f"{name}.grad afterwards", "float32 gradients of this step",
                 "None" if p.grad is None else describe(p.grad), "gradients of float32 parameters are float32; "
                 "leave them in .grad after the step (no zero_grad after optimizer.step())")
    if torch.is_autocast_enabled(device):
        fail(call, "autocast state afterwards", "autocast off", "still on", "use autocast in a with block, "
             "so it ends when the forward pass does")
    if not np.isclose(got, expected_loss, rtol=1e-5, atol=1e-6):
        ratio = got / expected_loss if np.isfinite(got) and expected_loss else 0.0
        if scaled_by and (not np.isfinite(got) or np.isclose(got, expected_loss * scaled_by, rtol=1e-3)):
            wrong = f"you returned the scaled loss (x {scaled_by:g}): return loss.item(), not scaler.scale(loss)"
        elif ratio > 1.5 and np.isclose(ratio, round(ratio), rtol=1e-3) and y.numel() % round(ratio) == 0:
            wrong = (f"your loss is {round(ratio)} x the MSE: average the squared errors over all {y.numel()} "
                     "elements of y (mse_loss's default reduction='mean'), not a sum over rows or columns")
        else:
            wrong = ("compute the MSE in float32 from this batch before the step: mse_loss(output.float(), y) "
                     f"(with y of shape {tuple(y.shape)}, the output's); a loss taken in bfloat16/float16 "
                     "(y cast down, or after a half model) is rounded, and a loss after the step is another one")
        fail(call, "loss returned", f"{expected_loss!r} (float32 MSE, rtol 1e-5)", repr(got), wrong)


@st.composite
def sizes(draw):
    return draw(st.tuples(st.integers(2, 12), st.integers(1, 5), st.integers(2, 8), st.integers(1, 3)),
                label="(N, in, hidden, out)")


@settings(max_examples=4)
@given(shape=sizes(), seed=st.integers(0, 2**16))
@example(shape=(16, 3, 8, 1), seed=0)
@example(shape=(5, 4, 6, 2), seed=7)
def test_mixed_train_step_computes_in_16_bits_and_keeps_float32(kata, device, shape, seed):
    model, x, y = make_problem(shape, seed, device)
    expected_loss, expected_grads, expected_params = oracle_step(model, x, y)
    n, n_in, hidden, n_out = shape
    call = (f"mixed_train_step(Linear({n_in}, {hidden}) ReLU Linear({hidden}, {n_out}), SGD(lr={LR}), "
            f"x {tuple(x.shape)}, y {tuple(y.shape)}) on {device}, with old gradients in .grad")
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    batch = (x.clone(), y.clone())
    watch = Watch(model)
    try:
        got = kata.mixed_train_step(model, optimizer, x, y)
    finally:
        watch.close()
    check_step(model, x, y, got, watch, call, expected_loss=expected_loss, batch=batch)
    for (name, p), grad, new in zip(named(model), expected_grads, expected_params):
        check_tensor(p.grad, grad, framework="torch", call=f"{call}: {name}.grad afterwards (this batch's gradient)",
                     rtol=1e-4, atol=1e-5, misconception="zero the old gradients first (optimizer.zero_grad()), then "
                     "backward the float32 loss once")
        check_tensor(p.detach(), new, framework="torch", call=f"{call}: {name} after the step (one SGD step with "
                     "this batch's gradient)", rtol=1e-5, atol=1e-6, misconception=STEP + " (exactly one "
                     "optimizer.step())")


class RecordingScaler(torch.amp.GradScaler):
    """A real GradScaler (growth every step) that records which of its methods ran, and what scale got."""

    def __init__(self, device, init_scale):
        super().__init__(device, init_scale=init_scale, growth_interval=1)
        self.calls: list[str] = []
        self.scaled: list[torch.Tensor] = []

    def scale(self, outputs):
        self.calls.append("scale")
        self.scaled.append(outputs.detach().clone())
        return super().scale(outputs)

    def step(self, optimizer, *args, **kwargs):
        self.calls.append("step")
        return super().step(optimizer, *args, **kwargs)

    def update(self, new_scale=None):
        self.calls.append("update")
        return super().update(new_scale)

    def __repr__(self):
        return f"GradScaler(init_scale=2**{int(np.log2(self._init_scale))}, growth_interval=1)"


@pytest.mark.parametrize("overflow", [False, True], ids=["scale 2**10", "scale 2**127 overflows"])
def test_mixed_train_step_uses_the_grad_scaler(kata, device, overflow):
    shape = (12, 3, 6, 1)
    model, x, y = make_problem(shape, seed=3, device=device, target_scale=100.0 if overflow else 2.0)
    expected_loss, expected_grads, expected_params = oracle_step(model, x, y)
    before = [p.detach().clone() for p in model.parameters()]
    init_scale = 2.0**127 if overflow else 2.0**10
    scaler = RecordingScaler(device, init_scale)
    call = (f"mixed_train_step(Linear(3, 6) ReLU Linear(6, 1), SGD(lr={LR}), x (12, 3), y (12, 1), "
            f"scaler={scaler!r}) on {device}" + (" (loss ~1e4: the scaled loss overflows)" if overflow else ""))
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    watch = Watch(model)
    try:
        got = kata.mixed_train_step(model, optimizer, x, y, scaler)
    finally:
        watch.close()
    check_equal(scaler.calls, ["scale", "step", "update"], call=call, what="GradScaler calls, in order",
                misconception="scaler.scale(loss).backward(); scaler.step(optimizer); scaler.update(): step "
                "unscales the gradients and skips an overflowing step, update adjusts the scale; "
                "optimizer.step() itself must not be called directly")
    if scaler.scaled[0].dtype != torch.float32 or scaler.scaled[0].dim() != 0:
        fail(call, "loss given to scaler.scale", "a float32 scalar tensor", describe(scaler.scaled[0]),
             "scale the float32 loss: mse_loss(output.float(), y)")
    check_step(model, x, y, got, watch, call, expected_loss=expected_loss, scaled_by=init_scale)
    if overflow:
        for (name, p), old in zip(named(model), before):
            if not torch.equal(p.detach(), old):
                fail(call, f"{name} after the step", "unchanged: the scaled gradients hold inf/nan, so "
                     "scaler.step skips optimizer.step()", "changed", "let scaler.step(optimizer) call the "
                     "optimizer; a direct optimizer.step() applies the overflowed gradients")
        check_equal(scaler.get_scale(), init_scale / 2, call=call, what="scale after the step",
                    misconception="call scaler.update() after scaler.step(): it halves the scale after an overflow")
        return
    check_equal(scaler.get_scale(), init_scale * 2, call=call, what="scale after the step (growth_interval=1)",
                misconception="call scaler.update() once after scaler.step(optimizer)")
    for (name, p), grad, new in zip(named(model), expected_grads, expected_params):
        check_tensor(p.grad, grad, framework="torch", call=f"{call}: {name}.grad afterwards (the unscaled gradient "
                     "of the float32 loss)", rtol=1e-4, atol=1e-5, misconception="scaler.step(optimizer) unscales "
                     ".grad before stepping; zero the old gradients first; clip nothing")
        check_tensor(p.detach(), new, framework="torch", call=f"{call}: {name} after the step (one SGD step with the "
                     "unscaled gradient)", rtol=1e-5, atol=1e-6, misconception="scaler.scale(loss).backward(); "
                     "scaler.step(optimizer); scaler.update(): one step, unscaled")


def test_mixed_train_step_trains_a_regression(kata, device):
    """60 steps with a default GradScaler on a tiny linear regression bring the loss down."""
    generator = torch.Generator().manual_seed(11)
    x = torch.randn(32, 4, generator=generator)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5], [1.0]]) + 0.3
    torch.manual_seed(0)
    model = nn.Linear(4, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scaler = torch.amp.GradScaler(device)
    call = f"mixed_train_step(Linear(4, 1), SGD(lr={LR}), x (32, 4), y (32, 1), GradScaler({device!r})), 60 times"
    fn = kata.mixed_train_step
    x, y = x.to(device), y.to(device)
    losses = [fn(model, optimizer, x, y, scaler) for _ in range(60)]
    curves.record(losses, title=f"loss per step: {call}", target=0.05 * losses[0], target_label="5% of the first")
    if not all(isinstance(loss, float) for loss in losses):
        fail(call, "type of the results", "Python floats", describe(next(v for v in losses if not isinstance(v, float))),
             "return loss.item()")
    if not losses[-1] < 0.05 * losses[0]:
        fail(call, "last loss", f"below 5% of the first ({0.05 * losses[0]:.4g})", f"{losses[-1]:.4g}",
             "mixed precision still learns: the weights stay float32, the scaler unscales before stepping")


# --- Keras ---------------------------------------------------------------------------------------


def standard(dtype):
    return keras.backend.standardize_dtype(dtype)


@pytest.mark.parametrize(("policy", "previous", "n_features"), [
    ("mixed_float16", "float32", 3),
    ("mixed_bfloat16", "float32", 2),
    ("mixed_float16", "mixed_bfloat16", 4),  # restoring means "as before", not "float32"
], ids=["mixed_float16", "mixed_bfloat16", "mixed_float16 after a global mixed_bfloat16"])
def test_mixed_regressor_keeps_float32_where_it_matters(kata, policy, previous, n_features):
    low = policy.removeprefix("mixed_")
    call = f"mixed_regressor({n_features}, {policy!r})"
    saved = keras.mixed_precision.dtype_policy()
    keras.mixed_precision.set_dtype_policy(previous)
    try:
        keras.utils.set_random_seed(0)
        model = kata.mixed_regressor(n_features, policy)
        after = keras.mixed_precision.dtype_policy().name
    finally:
        keras.mixed_precision.set_dtype_policy(saved)  # whatever the learner's code left behind
    check_equal(after, previous, call=call + f" with the global policy {previous!r}", what="global dtype policy "
                "afterwards", misconception="leave the global policy as it was: pass dtype=policy to the layers, or "
                "save keras.mixed_precision.dtype_policy() and set it back after building (not just to 'float32')")
    if not isinstance(model, keras.Model):
        fail(call, "type", "a keras.Model", describe(model), "return the model you built")
    dense = [layer for layer in model.layers if layer.weights]
    if len(dense) != 2 or not all(isinstance(layer, keras.layers.Dense) for layer in dense):
        fail(call, "layers with weights", "two Dense layers", [type(layer).__name__ for layer in dense],
             "Input(shape=(n_features,)), Dense(16, activation='relu'), Dense(1)")
    hidden, output = dense
    check_equal((hidden.units, hidden.activation.__name__, output.units, output.activation.__name__),
                (16, "relu", 1, "linear"), call=call,
                what="(hidden units, hidden activation, output units, output activation)",
                misconception="Dense(16, activation='relu'), then Dense(1) with no activation (a plain line)")
    check_equal((hidden.compute_dtype, hidden.variable_dtype), (low, "float32"), call=call, what="hidden Dense "
                "(compute_dtype, variable_dtype)", misconception=f"give the hidden layer the {policy!r} policy when "
                "it is created (dtype=policy, or the global policy set BEFORE building): a policy set afterwards "
                "changes nothing; mixed keeps the variables float32")
    check_equal((output.compute_dtype, output.variable_dtype), ("float32", "float32"), call=call,
                what="output Dense (compute_dtype, variable_dtype)", misconception="build the output layer with "
                "dtype='float32': its outputs feed the loss, which wants float32")
    if any(standard(v.dtype) != "float32" for v in model.weights):
        fail(call, "dtype of the variables", "all float32", sorted({standard(v.dtype) for v in model.weights}),
             "a mixed policy keeps the variables float32")
    x = np.random.default_rng(n_features).normal(size=(64, n_features)).astype("float32")
    check_equal(standard(hidden(x).dtype), low, call=f"{call}: the hidden Dense on float32 inputs", what="output "
                "dtype", misconception=f"the {policy!r} policy computes the layer in {low}")
    check_equal(standard(model(x).dtype), "float32", call=f"{call}(x)", what="prediction dtype",
                misconception="the output Dense computes in float32 (dtype='float32'), so predictions are float32")
    if previous != "float32":
        return  # the fit below is the same as in the case without a global policy set beforehand
    y = x @ np.linspace(-1.5, 2.0, n_features, dtype="float32")[:, None] + 0.5
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse")
    losses = model.fit(x, y, epochs=30, batch_size=64, verbose=0).history["loss"]
    curves.record(losses, title=f"loss per epoch: fit({call})", target=0.1 * losses[0], target_label="10% of the first")
    if not losses[-1] < 0.1 * losses[0]:
        fail(f"{call}, compiled with Adam(0.05) and MSE, fit 30 epochs", "last loss",
             f"below 10% of the first ({0.1 * losses[0]:.4g})", f"{losses[-1]:.4g}",
             "float32 variables and a float32 output let mixed precision train like float32")
