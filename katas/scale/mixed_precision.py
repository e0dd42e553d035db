"""Kata scale/mixed_precision: compute in 16 bits, keep the weights and the loss in 32.

Mixed precision runs the big matrix products in a 16-bit float (half the memory traffic, and
the fast units of modern chips) while everything that accumulates stays float32: the weights
(an update of 1e-4 vanishes when added to a 16-bit 1.0), their gradients, and the loss.

- PyTorch: ``with torch.autocast(device_type, dtype):`` runs each op inside in the dtype that
  suits it: Linear and matmul in ``dtype``, reductions such as ``mse_loss`` in float32. The model's
  parameters stay float32; autocast casts copies of them for each op. On the CPU use bfloat16
  (float32's 8-bit exponent: no overflow or underflow to fear); on CUDA float16 (5-bit exponent:
  small gradients underflow to 0), so there a ``torch.amp.GradScaler`` multiplies the loss by a
  large scale before ``backward`` and divides the gradients by it before the step, skipping the
  step (and lowering the scale) when a gradient overflowed to inf or nan. Backward needs no
  autocast: each backward op runs in the dtype its forward op chose.
- Keras: a dtype policy ``"mixed_float16"`` or ``"mixed_bfloat16"`` gives a layer a 16-bit
  ``compute_dtype`` and a float32 ``variable_dtype``. Layers read the global policy
  (``keras.mixed_precision.set_dtype_policy``) when they are created, so it must be set before
  building (a layer built earlier keeps its policy), or given per layer with ``dtype=``. The
  output layer stays float32 for a numerically stable loss.

Runs on any Keras backend. (TensorFlow, PyTorch or JAX.)
"""

import keras
import torch
from torch import nn


def mixed_train_step(model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor,
                     scaler: torch.amp.GradScaler | None = None) -> float:
    """One mixed-precision training step of ``model`` (float32 parameters) on the batch ``(x, y)``
    (float32, on the model's device); returns the loss as a Python ``float``.

    1. Zero the gradients left in ``.grad`` by earlier steps (set to None or to zeros: either).
    2. Forward under ``torch.autocast(device_type=x.device.type, dtype=...)`` with dtype
       ``torch.bfloat16`` when ``x`` is on the CPU and ``torch.float16`` on any other device
       (autocast's own defaults, so ``dtype=`` may be left out): every ``nn.Linear`` inside
       computes (and outputs) that dtype, while its weight stays float32.
    3. The loss is the mean squared error in float32: ``mse_loss(output.float(), y)``, or
       ``mse_loss(output, y)`` inside the autocast block, which autocast runs in float32.
    4. ``loss.backward()`` then ``optimizer.step()``; with a ``scaler``:
       ``scaler.scale(loss).backward()``, ``scaler.step(optimizer)``, ``scaler.update()``, each
       once and in this order (so an overflowing step is skipped and the scale lowered); never a
       direct ``optimizer.step()``. An extra ``scaler.unscale_(optimizer)`` between backward and
       ``scaler.step`` is allowed (it unscales ``.grad`` early, as clipping would need; clip
       nothing here: the tests compare the gradients), and so is a backward inside the autocast
       block (it runs the same ops either way).

    The parameters stay float32, and so do the gradients, which stay in ``.grad`` after the step
    (unscaled, as ``scaler.step`` leaves them). Autocast is off again when the function returns.
    ``x`` and ``y`` are left as they were (same dtype and values: no ``x.data = ...``, no in-place
    ops). The returned loss is the float32 loss of this batch before the step, never the scaled one,
    also when the scaler skips an overflowing step.

    >>> model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
    >>> optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    >>> mixed_train_step(model, optimizer, torch.randn(16, 3), torch.randn(16, 1))
    1.0871  # (some float) the float32 MSE before the step; model[0].weight is still float32
    """
    raise NotImplementedError("mixed_train_step(): not implemented yet (kata scale/mixed_precision)")


def mixed_regressor(n_features: int, policy: str) -> keras.Model:
    """A new regression model under the dtype policy ``policy`` (``"mixed_float16"`` or
    ``"mixed_bfloat16"``): ``keras.Input(shape=(n_features,))``, a hidden ``Dense(16,
    activation="relu")`` and an output ``Dense(1)``, and no other layers with weights.

    The hidden Dense computes in the policy's 16-bit dtype (``compute_dtype`` "float16" or
    "bfloat16", so its outputs are 16-bit) and keeps its variables float32 (``variable_dtype``).
    The output Dense is all float32 (policy "float32"), so the model's predictions are float32.
    Layers without weights are free (a functional ``keras.Model`` also lists its ``InputLayer``,
    float32, in ``model.layers``; the tests look at the layers with weights only).
    The global dtype policy is the same after the call as before it (the same policy name; the same
    object or a new one of that name), whatever it was, not just "float32": set ``dtype=`` per layer,
    or set the global policy before building and restore the previous one.
    The model trains as usual with ``compile`` and ``fit``.

    >>> model = mixed_regressor(3, "mixed_bfloat16")  # a keras.Sequential here
    >>> [(layer.compute_dtype, layer.variable_dtype) for layer in model.layers]
    [('bfloat16', 'float32'), ('float32', 'float32')]
    >>> model(np.ones((2, 3), "float32")).dtype  # float32 (as the backend spells it)
    """
    raise NotImplementedError("mixed_regressor(): not implemented yet (kata scale/mixed_precision)")
