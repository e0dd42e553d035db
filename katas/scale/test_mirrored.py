"""Tests of kata scale/mirrored: a Keras model built, compiled and fit under a MirroredStrategy
over two logical CPU devices trains exactly as it would on one device.

Logical devices can be configured only before TensorFlow initialises its devices, and this
process has long done so: ``fit_mirrored`` runs in a fresh Python process
(``fresh.call_in_fresh_process``), once per target (it costs seconds), and both tests read that
one run. The model it trains comes from :class:`ProbedModel`, which the fresh process unpickles
from this module: it notes (in a file) the distribution strategy in force when the model is built
and when it is compiled. The one-device reference is trained here, with plain Keras.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from katas._support.checks import check_values, describe, fail
from katas._support.fresh import FreshProcessError, call_in_fresh_process
from katas._support.loader import KataTodo

FEATURES, HIDDEN, OUTPUTS, SAMPLES = 3, 4, 2, 24
# Three steps an epoch at the global batch of 8: a per-replica batch of 4 takes six, a "global"
# batch of 24 one, half the data per replica (12) two; shuffling changes which samples share a
# step. Not the docstring example's values (3 epochs, batch 8, learning rate 0.1): those must come
# from the arguments.
EPOCHS, BATCH, LEARNING_RATE = 2, 8, 0.05
RTOL, ATOL = 1e-4, 1e-5

_rng = np.random.default_rng(7)
X = _rng.normal(size=(SAMPLES, FEATURES)).astype("float32")
Y = _rng.normal(size=(SAMPLES, OUTPUTS)).astype("float32")
WEIGHTS = [_rng.normal(0, 0.8, (FEATURES, HIDDEN)).astype("float32"), _rng.normal(0, 0.1, HIDDEN).astype("float32"),
           _rng.normal(0, 0.8, (HIDDEN, OUTPUTS)).astype("float32"), _rng.normal(0, 0.1, OUTPUTS).astype("float32")]

CALL = (f"fit_mirrored(build_model, x, y, epochs={EPOCHS}, batch_size={BATCH}, learning_rate={LEARNING_RATE}) "
        f"with x {describe(X)}, y {describe(Y)}, build_model() -> Sequential(Input(({FEATURES},)), "
        f"Dense({HIDDEN}, 'tanh'), Dense({OUTPUTS})), in a fresh Python process")
DEVICES = ["/job:localhost/replica:0/task:0/device:CPU:0", "/job:localhost/replica:0/task:0/device:CPU:1"]


#: The fresh process is forked from a zygote that imported these once (seconds each time
#: otherwise); importing them initialises none of TensorFlow's devices.
PRELOAD = ("tensorflow", "keras")

def _note(path: str, event: str, model: Any) -> None:
    """Append what distribution strategy is in force now, how many logical CPUs there are, the dtype
    policy, and (after compile) whether the optimizer's variables are mirrored (the fresh process's side)."""
    import keras
    import tensorflow as tf

    seen: dict[str, Any] = {"event": event, "model": id(model), "in_scope": tf.distribute.has_strategy(),
                            "logical_cpus": len(tf.config.list_logical_devices("CPU")),
                            "policy": keras.config.dtype_policy().name}
    if event == "compile":
        optimizer = getattr(model, "optimizer", None)
        variables = list(getattr(optimizer, "variables", []))
        seen["optimizer_plain"] = sorted({f"{v.name} ({type(getattr(v, 'value', v)).__name__})" for v in variables
                                          if not isinstance(getattr(v, "value", v), tf.distribute.DistributedValues)})
    if seen["in_scope"]:
        strategy = tf.distribute.get_strategy()
        seen.update(strategy=type(strategy).__name__, id=id(strategy), replicas=int(strategy.num_replicas_in_sync),
                    devices=[str(d) for d in getattr(strategy.extended, "worker_devices", ())])
    with open(path, "a") as notes:
        notes.write(json.dumps(seen) + "\n")


class ProbedModel:
    """``build_model``: a new uncompiled Sequential model with WEIGHTS, which notes the strategy in
    force when it is built and compiled. Pickled by reference, so the fresh process imports it."""

    def __init__(self, weights: list[np.ndarray], notes: str) -> None:
        self.weights, self.notes = weights, notes

    def __call__(self) -> Any:
        import keras

        notes = self.notes

        class Probed(keras.Sequential):
            def compile(self, *args: Any, **kwargs: Any) -> Any:
                done = super().compile(*args, **kwargs)
                _note(notes, "compile", self)
                return done

        model = Probed([keras.Input(shape=(FEATURES,)), keras.layers.Dense(HIDDEN, activation="tanh"),
                        keras.layers.Dense(OUTPUTS)])
        model.set_weights(self.weights)
        _note(notes, "build", model)
        return model


def one_device_weights() -> list[np.ndarray]:
    """The reference: the same training in this process, on one device (no strategy)."""
    if "reference" not in _runs:
        import keras

        model = keras.Sequential([keras.Input(shape=(FEATURES,)), keras.layers.Dense(HIDDEN, activation="tanh"),
                                  keras.layers.Dense(OUTPUTS)])
        model.set_weights(WEIGHTS)
        model.compile(optimizer=keras.optimizers.SGD(LEARNING_RATE), loss="mse")
        model.fit(X, Y, epochs=EPOCHS, batch_size=BATCH, shuffle=False, verbose=0)
        _runs["reference"] = model.get_weights()
    return _runs["reference"]


_runs: dict[Any, Any] = {}


def trained(kata: Any, fn: Any) -> tuple[Any, str | None, list[dict[str, Any]]]:
    """(result, error in the fresh process or None, notes of ProbedModel) of one fresh run of
    ``fn``, cached for the other test of the same target."""
    key = (id(kata), getattr(fn, "__wrapped__", fn))
    if key not in _runs:
        with tempfile.TemporaryDirectory(prefix="kata-mirrored-") as folder:
            notes = Path(folder) / "notes.jsonl"
            result, error = None, None
            hidden = os.environ.get("CUDA_VISIBLE_DEVICES")
            os.environ["CUDA_VISIBLE_DEVICES"] = ""  # no GPU: the same devices on every machine
            try:
                result, _ = call_in_fresh_process(kata, "fit_mirrored", ProbedModel(WEIGHTS, str(notes)), X, Y,
                                                  EPOCHS, BATCH, LEARNING_RATE, timeout=90, preload=PRELOAD)
            except (FreshProcessError, KataTodo) as raised:
                error = raised
            finally:
                if hidden is None:
                    del os.environ["CUDA_VISIBLE_DEVICES"]
                else:
                    os.environ["CUDA_VISIBLE_DEVICES"] = hidden
            seen = [json.loads(line) for line in notes.read_text().splitlines()] if notes.exists() else []
        _runs[key] = (result, error, seen)
    result, error, seen = _runs[key]
    if isinstance(error, KataTodo):
        raise error
    return result, (str(error) if error is not None else None), seen


def check_ran(error: str | None) -> None:
    if error is not None:
        likely = ("configure the logical devices first, before anything initialises TensorFlow's devices"
                  if "RuntimeError" in error else
                  "build AND compile the model inside strategy.scope(); fit may run after the with block"
                  if "AssertionError" in error else
                  "return model.get_weights(): NumPy arrays (not the model, its Variables or the History)"
                  if "cannot be sent back" in error else "read the error: it is raised by your code")
        fail(CALL, "behaviour", "the trained weights", error, likely)


def test_model_and_optimizer_are_made_inside_a_two_device_mirrored_scope(kata):
    fn = kata.fit_mirrored
    _, error, seen = trained(kata, fn)
    check_ran(error)
    built = [note for note in seen if note["event"] == "build"]
    if not built:
        fail(CALL, "behaviour", "build_model() called (once) to make the model", "build_model was never called",
             "call build_model() inside strategy.scope(); do not make a model of your own")
    compiled = [note for note in seen if note["event"] == "compile"]
    if not compiled:
        fail(CALL, "behaviour", "model.compile(...) called on the model build_model() returned",
             "compile was never called on it", "compile the model inside strategy.scope(), then fit it")
    for note in [*built, *compiled]:
        where = f"strategy in force when build_model's model was {'built' if note['event'] == 'build' else 'compiled'}"
        if not note["in_scope"]:
            fail(CALL, where, "a MirroredStrategy (inside strategy.scope())", "none (the default strategy)",
                 f"{'call build_model()' if note['event'] == 'build' else 'call model.compile(...)'} inside "
                 "`with strategy.scope():`, so its variables are MirroredVariables (one copy per device); "
                 "outside, they live on one device")
        if note["strategy"] != "MirroredStrategy":
            fail(CALL, where, "MirroredStrategy", note["strategy"],
                 "tf.distribute.MirroredStrategy keeps a replica on each device; OneDeviceStrategy has one")
        if note["replicas"] != 2 or sorted(note["devices"]) != DEVICES:
            fail(CALL, f"{where}: replicas and devices", f"2 replicas on {DEVICES}",
                 f"{note['replicas']} replica(s) on {note['devices']}",
                 "split the CPU into 2 logical devices (tf.config.set_logical_device_configuration) and pass both "
                 'to MirroredStrategy(["/cpu:0", "/cpu:1"]) (MirroredStrategy() takes the GPUs where there are some)')
    for note in [*built, *compiled]:
        if note["logical_cpus"] != 2:
            fail(CALL, "logical CPU devices (len(tf.config.list_logical_devices('CPU')))", 2, note["logical_cpus"],
                 "split the first physical CPU into exactly 2 logical devices: "
                 "[tf.config.LogicalDeviceConfiguration()] * 2, no more")
        if note["policy"] != "float32":
            fail(CALL, "dtype policy when the model was built and compiled", "float32 (the default)", note["policy"],
                 "set no mixed-precision policy: the model must train in float32, like the one-device reference")
    for note in compiled:
        if note["optimizer_plain"]:
            fail(CALL, "optimizer variables after compile", "MirroredVariables (the optimizer made inside "
                 "strategy.scope())", f"plain variables: {', '.join(note['optimizer_plain'])}",
                 "make the optimizer inside `with strategy.scope():` too (keras.optimizers.SGD(learning_rate) "
                 "in the compile call there); one made before the scope keeps its variables on one device")
    strategies = {note["id"] for note in [*built, *compiled]}
    if len(strategies) != 1:
        fail(CALL, "behaviour", "one strategy: the model built and compiled in the same strategy.scope()",
             f"{len(strategies)} different MirroredStrategy objects", "make the strategy once and use its scope for both")


def test_training_matches_one_device_training(kata):
    fn = kata.fit_mirrored
    got, error, _ = trained(kata, fn)
    check_ran(error)
    expected = one_device_weights()
    if not isinstance(got, list):
        fail(CALL, "type", f"a list of {len(expected)} float32 NumPy arrays (model.get_weights())", describe(got),
             "return model.get_weights() (NumPy arrays), not the model, its Variables or the History")
    if len(got) != len(expected):
        fail(CALL, "length", f"{len(expected)} arrays: {[w.shape for w in expected]}", f"{len(got)} items",
             "return every weight of the model, in model.get_weights() order")
    for index, (weight, want) in enumerate(zip(got, expected)):
        here = f"{CALL}, weight [{index}]"
        if not isinstance(weight, np.ndarray):
            fail(here, "type", "a NumPy array", describe(weight), "return model.get_weights(): NumPy arrays")
        if weight.dtype != np.float32:
            fail(here, "dtype", "float32", weight.dtype.name, "return the weights as they are (float32)")
        check_values(weight, want, call=f"{here} (vs. the same training on one device)", rtol=RTOL, atol=ATOL,
                     misconception=f"batch_size={BATCH} is the GLOBAL batch (each of the 2 replicas gets "
                     f"{BATCH // 2}): pass it to fit as it is, with shuffle=False, epochs={EPOCHS}, "
                     f"SGD(learning_rate={LEARNING_RATE}), loss='mse'; return the weights after fit")
