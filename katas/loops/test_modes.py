"""Tests of kata loops/modes: predictions in eval mode without a graph, and the mode restored.

The model has Dropout (random in train mode) and BatchNorm (batch statistics, and its running
statistics updated, in train mode), and comes in train or in eval mode. A forward hook records
whether autograd was recording while the model ran.
"""

import copy

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_equal, check_on_meta, check_tensor, describe, fail

EVAL = ("model.eval() (dropout off, BatchNorm's running statistics; it switches every sub-module, setting "
        "model.training by hand does not), torch.no_grad(), softmax over dim 1; then model.train(was_training)")


pytestmark = pytest.mark.usefixtures("torch_one_thread")  # tiny models: one math thread (conftest.py)


def make_model(sizes, seed, training, dtype, device):
    """A classifier with BatchNorm and Dropout, seeded, in the mode asked for, and a batch x."""
    n, n_in, n_hidden, n_classes = sizes
    generator = torch.Generator().manual_seed(seed)
    model = nn.Sequential(nn.Linear(n_in, n_hidden), nn.BatchNorm1d(n_hidden), nn.ReLU(), nn.Dropout(0.5),
                          nn.Linear(n_hidden, n_classes)).to(dtype)
    with torch.no_grad():
        for value in model.state_dict().values():
            if value.is_floating_point():
                value.copy_(torch.randn(value.shape, generator=generator, dtype=dtype))
        model[1].running_var.abs_().add_(0.5)
    model.train(training)
    return model.to(device), (torch.randn(n, n_in, generator=generator, dtype=dtype) * 2).to(device)



def pair(result, call):
    """predict's (probabilities, classes), or a failure that says what it returned instead."""
    if not (isinstance(result, tuple) and len(result) == 2):
        got = f"a {type(result).__name__}" + (f" of {len(result)} items" if hasattr(result, "__len__") else "")
        fail(call, "result", "a tuple (probabilities, classes)", got, "return probabilities, classes")
    return result


@pytest.mark.parametrize("which", ["probabilities", "classes"])
def test_predict_keeps_both_tensors_on_x_s_device(kata, which):
    """"Both tensors are on x's device", checked on every machine, on torch's meta device (see
    ``check_on_meta``): the model and x there have shapes and dtypes but no values."""
    model, x = make_model((3, 4, 6, 2), 0, True, torch.float32, "meta")
    index, shape, dtype = {"probabilities": (0, (3, 2), torch.float32), "classes": (1, (3,), torch.int64)}[which]
    call = f"predict(model in train mode, float32 x (3, 4), 2 classes), all on the meta device (shapes without " \
           f"values, for a GPU): {which}"
    check_on_meta(lambda: pair(kata.predict(model, x), call)[index], shape=shape, dtype=dtype, call=call,
                  misconception=EVAL if which == "probabilities" else
                  "probabilities.argmax(dim=1): the index (int64) of the largest probability in each row",
                  advice="softmax and argmax run where the model's output is: no .cpu(), .numpy(), .item() or "
                  "new tensor made without device= on the way, which leaves x's device")


@settings(max_examples=25)
@given(sizes=st.tuples(st.integers(2, 8), st.integers(1, 5), st.integers(2, 8), st.integers(2, 5)),
       seed=st.integers(0, 2**16), training=st.booleans(), dtype=st.sampled_from([torch.float32, torch.float64]))
@example(sizes=(3, 4, 6, 2), seed=0, training=True, dtype=torch.float32)  # N differs from the number of classes
@example(sizes=(5, 3, 4, 4), seed=1, training=False, dtype=torch.float64)  # a model that came in eval mode
def test_predict_is_eval_mode_inference_and_restores_the_mode(kata, device, sizes, seed, training, dtype):
    if device == "mps" and dtype == torch.float64:
        return
    model, x = make_model(sizes, seed, training, dtype, device)
    reference = copy.deepcopy(model).eval()
    with torch.no_grad():
        expected = torch.softmax(reference(x), dim=1)
    before = {name: value.clone() for name, value in model.state_dict().items()}
    call = (f"predict(model in {'train' if training else 'eval'} mode with BatchNorm and Dropout(0.5), "
            f"{str(dtype).removeprefix('torch.')} x {tuple(x.shape)}, {sizes[3]} classes)")
    tolerance = {"rtol": 1e-5, "atol": 1e-6} if dtype == torch.float32 else {"rtol": 1e-9, "atol": 1e-12}

    grad_modes = []
    hook = model.register_forward_hook(lambda module, inputs, output: grad_modes.append(torch.is_grad_enabled()))
    try:
        result = kata.predict(model, x)
        leaked = not torch.is_grad_enabled()
    finally:
        hook.remove()
        torch.set_grad_enabled(True)  # a leaked grad mode must not spoil the next test
    probabilities, classes = pair(result, call)
    if leaked:
        fail(call, "grad mode afterwards", "recording again (torch.is_grad_enabled() is True)", "still switched off",
             "with torch.no_grad(): ... switches recording off for the block only; torch.set_grad_enabled(False) "
             "as a plain call leaves it off for the caller")
    check_equal(model.training, training, call=call, what="model.training afterwards",
                misconception="was_training = model.training first; model.train(was_training) at the end")
    check_equal([m.training for m in model], [training] * len(model), call=call,
                what="each layer's training flag afterwards",
                misconception="model.train(was_training) sets every layer; setting model.training by hand sets "
                "the top module only")
    if any(grad_modes):
        fail(call, "grad mode while the model ran", "off (torch.no_grad())",
             f"on for {sum(grad_modes)} of {len(grad_modes)} forward passes",
             "inference records no graph: run the model inside with torch.no_grad():")
    check_equal(getattr(probabilities, "requires_grad", None), False, call=call, what="probabilities.requires_grad",
                misconception="inference under torch.no_grad() records no graph")
    check_tensor(probabilities, expected, framework="torch", device=device, call=f"{call}: probabilities",
                 misconception=EVAL, **tolerance)
    argmax = "probabilities.argmax(dim=1): the index (int64) of the largest probability in each row"
    if not isinstance(classes, torch.Tensor):
        fail(f"{call}: classes", "type", "a torch tensor", describe(classes), argmax)
    check_equal(str(classes.dtype), "torch.int64", call=f"{call}: classes", what="dtype", misconception=argmax)
    check_equal(tuple(classes.shape), (sizes[0],), call=f"{call}: classes", what="shape (one class per row)",
                misconception=argmax)
    check_equal(classes.device.type, device, call=f"{call}: classes", what="device", misconception=argmax)
    # a tie may go either way: the class must point at a largest probability of its row
    picked = expected.gather(1, classes.reshape(-1, 1).long()).reshape(-1)
    check_tensor(picked, expected.max(dim=1).values, framework="torch", device=device,
                 call=f"{call}: the probability of each predicted class", **tolerance,
                 misconception=argmax)
    for name, value in model.state_dict().items():
        check_tensor(value, before[name], framework="torch", device=device, call=f"{call}: model.{name} afterwards",
                     rtol=0, atol=0, misconception="in train mode BatchNorm updates its running statistics on every "
                     "forward pass: predict in eval mode, which leaves the model as it was")

    again = kata.predict(model, x)
    torch.set_grad_enabled(True)
    for name, first, second in zip(("probabilities", "classes"), (probabilities, classes), again):
        check_tensor(second, first, framework="torch", device=device, call=f"{call}, called a second time: {name}",
                     rtol=0, atol=0, misconception="the same answer every time: eval mode, so no dropout and no "
                     "batch statistics")
