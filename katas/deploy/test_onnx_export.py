"""Tests of kata deploy/onnx_export: each function is judged on its own.

The file ``to_onnx`` writes is run with the test's own ONNX Runtime session (not the learner's
``onnx_predict``), against ``copy.deepcopy(model).eval()`` taken before the export. ``onnx_predict``
runs a file the test builds by hand with ``onnx.helper``: no torch model is behind it, its input
is not named as torch names inputs, and it uses an ONNX Runtime operator (com.microsoft
FusedMatMul) that ``onnx.reference`` does not know; it has two outputs, the first sometimes cast to
float64. So an ``onnx_predict`` that re-runs a torch model, assumes the input's name, runs the file
with anything but ONNX Runtime, takes another output or returns float64 fails; and one that keeps a
session by path fails when a new file is written over the old one.
"""

import copy
import tempfile
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from onnx import TensorProto, helper, numpy_helper
from torch import nn

from katas._support.checks import check_equal, check_values, describe, error_line, fail, message_line
from katas._support.strategies import shapes

pytestmark = [
    pytest.mark.usefixtures("torch_one_thread"),  # tiny models: one math thread; the exporter's chatter is kept quiet (conftest.py)
    pytest.mark.filterwarnings("ignore:.*LeafSpec.*:FutureWarning"),  # torch's own deprecation, inside the exporter
    # either exporter will do (the docstring says so): no nagging about the TorchScript one or dynamic_axes
    pytest.mark.filterwarnings("ignore:You are using the legacy TorchScript-based ONNX export:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:.*'dynamic_axes' is not recommended when dynamo=True:UserWarning"),
    pytest.mark.filterwarnings("ignore:from_dynamic_axes_to_dynamic_shapes is deprecated:DeprecationWarning"),
]
ort.set_default_logger_severity(3)  # ONNX Runtime: errors only


RTOL, ATOL = 1e-4, 1e-5
EXPORT = ("model.eval(), then torch.onnx.export(model, (example,), path, dynamic_shapes=({0: torch.export.Dim("
          "'batch')},), dynamo=True), then model.train(was_training)")
PREDICT = ("ort.InferenceSession(path); session.run(None, {session.get_inputs()[0].name: x.astype(np.float32)})[0]"
           ".astype(np.float32)")


def build(n_in, n_hidden, n_out, seed):
    """A model with batch norm and dropout, three training steps in (its running statistics moved)."""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(n_in, n_hidden), nn.BatchNorm1d(n_hidden), nn.ReLU(), nn.Dropout(0.5),
                          nn.Linear(n_hidden, n_out))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.randn(8, n_in, generator=torch.Generator().manual_seed(seed)) * 2
    for _ in range(3):
        optimizer.zero_grad()
        model(x).square().mean().backward()
        optimizer.step()
    return model


def rows(n, features, seed, dtype="float32"):
    return (np.random.default_rng(seed).standard_normal((n, features)) * 2).astype(dtype)


def session_for(path, call):
    """The test's own ONNX Runtime session on the learner's file, after onnx.checker."""
    if not Path(path).exists():
        fail(call, "file", f"an ONNX file at {Path(path).name}", "no file there",
             "write to path exactly as given (torch.onnx.export(model, (example,), path, ...))")
    try:
        onnx.checker.check_model(str(path))
    except Exception as error:  # noqa: BLE001 - ValidationError, or a file onnx cannot parse
        fail(call, "file", "a valid ONNX model (onnx.checker.check_model passes)",
             f"refused: {message_line(error)}", "write the file with torch.onnx.export")
    try:
        return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except Exception as error:  # noqa: BLE001 - any refusal is the file's fault
        fail(call, "file", "a file ONNX Runtime loads", error_line(error),
             "write the file with torch.onnx.export")


def exported(kata, model, example_x, path, call, training):
    """kata.to_onnx(...), with the exporter's error shown by its root cause (torch wraps it in steps)."""
    try:
        kata.to_onnx(model, example_x, path)
    except Exception as error:  # noqa: BLE001 - the stub's TODO is a BaseException and passes
        cause = error
        while cause.__cause__ is not None:
            cause = cause.__cause__
        text = error_line(cause, 240)
        fail(call, "behaviour", "the model written to path", text,
             "export the inference behaviour: model.eval() first (batch norm in train mode cannot even trace a "
             "1-row example)" if training else EXPORT)


def state_of(model):
    return {name: value.detach().clone() for name, value in model.state_dict().items()}


@settings(max_examples=1)  # an export takes a second or more
@given(sizes=shapes(min_dims=3, max_dims=3, min_side=1, max_side=6), example_rows=st.integers(1, 6),
       training=st.booleans(), seed=st.integers(0, 2**16))
@example(sizes=(4, 5, 3), example_rows=1, training=True, seed=0)  # train mode stays; a 1-row example, a dynamic batch
@example(sizes=(2, 3, 1), example_rows=3, training=False, seed=1)  # eval mode stays
def test_to_onnx_writes_the_eval_model_with_a_dynamic_batch(kata, sizes, example_rows, training, seed):
    n_in, n_hidden, n_out = sizes
    model = build(n_in, n_hidden, n_out, seed).train(training)
    reference, before = copy.deepcopy(model).eval(), state_of(model)
    example_x = torch.from_numpy(rows(example_rows, n_in, seed))
    mode = "train" if training else "eval"
    call = (f"to_onnx(model with BatchNorm1d and Dropout in {mode} mode, example of shape {tuple(example_x.shape)},"
            " 'model.onnx')")
    with tempfile.TemporaryDirectory(prefix="kata-onnx-") as folder:
        path = Path(folder) / "model.onnx"
        exported(kata, model, example_x, path, call, training)

        left = sorted({"train" if m.training else "eval" for m in model.modules()})
        check_equal(left, [mode], call=call, what="mode of the model's modules afterwards",
                    misconception="leave the model in the mode it was in: remember model.training, call "
                                  "model.eval() for the export, then model.train(was_training)")
        after = state_of(model)
        changed = [name for name, value in before.items()
                   if name not in after or after[name].dtype != value.dtype or not torch.equal(after[name], value)]
        check_equal(changed, [], call=call, what="parameters and buffers changed by the export",
                    misconception="export only: no forward pass in train mode (it moves batch norm's running "
                                  "statistics), no .double() or other change to the model")

        session = session_for(path, call)
        inputs = session.get_inputs()
        if len(inputs) != 1:
            fail(call, "inputs of the ONNX graph", "one input, x", [entry.name for entry in inputs],
                 "one input, x: torch.onnx.export(model, (example,), path, ...), with the weights kept inside the "
                 "graph (export_params=True, the default), not passed in as inputs")
        batch = inputs[0].shape[0] if inputs[0].shape else None
        if not isinstance(batch, str):
            fail(call, "batch axis of the ONNX input", "symbolic, a name such as 'batch' (any number of rows)",
                 f"{'fixed' if isinstance(batch, int) else 'not named'}: shape {inputs[0].shape}",
                 "declare axis 0 of the input (not only the output's, not axis 1) dynamic: dynamic_shapes=({0: "
                 "torch.export.Dim('batch')},) with dynamo=True, or dynamic_axes={name: {0: 'batch'}} with "
                 "dynamo=False; otherwise the example's size is baked into the file")
        for n in (1, example_rows + 3):  # one row, and more rows than the example had
            x = rows(n, n_in, seed + n)
            with torch.no_grad():
                expected = reference(torch.from_numpy(x)).numpy()
            run = f"{call}, then the file run by ONNX Runtime on x of shape {x.shape}"
            try:
                got = session.run(None, {inputs[0].name: x})[0]
            except Exception as error:  # noqa: BLE001
                fail(run, "behaviour", f"outputs of shape {expected.shape}",
                     error_line(error), EXPORT)
            check_equal(got.dtype.name, "float32", call=run, what="dtype of the file's output",
                        misconception="export the float32 model as it is (no .double())")
            check_values(got, expected, call=run, rtol=RTOL, atol=ATOL,
                         misconception="export the inference behaviour: model.eval() before exporting (dropout "
                                       "off, batch norm with its running statistics), not training=TRAINING")


def hand_built_file(path, input_name, features, outputs, seed, float64_output=False):
    """An ONNX file no torch model is behind: first output tanh(0.5 * x @ W + B) with ONNX Runtime's
    com.microsoft FusedMatMul (cast to float64 with ``float64_output``), second output the
    pre-tanh 0.5 * x @ W + B, batch axis 'N'; and two functions computing them in NumPy."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((features, outputs)).astype("float32")
    b = rng.standard_normal(outputs).astype("float32")
    nodes = [helper.make_node("FusedMatMul", [input_name, "W"], ["scaled"], domain="com.microsoft", alpha=0.5),
             helper.make_node("Add", ["scaled", "B"], ["shifted"]),
             helper.make_node("Tanh", ["shifted"], ["tanh" if float64_output else "score"])]
    if float64_output:
        nodes.append(helper.make_node("Cast", ["tanh"], ["score"], to=TensorProto.DOUBLE))
    graph = helper.make_graph(
        nodes, "hand_built", [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, ["N", features])],
        [helper.make_tensor_value_info("score", TensorProto.DOUBLE if float64_output else TensorProto.FLOAT,
                                       ["N", outputs]),
         helper.make_tensor_value_info("shifted", TensorProto.FLOAT, ["N", outputs])],
        [numpy_helper.from_array(w, "W"), numpy_helper.from_array(b, "B")])
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets, ir_version=8)
    onnx.save(model, str(path))
    shifted = lambda x: 0.5 * x.astype("float32").astype("float64") @ w + b  # noqa: E731
    return lambda x: np.tanh(shifted(x)), shifted


def predicted(kata, path, x, call):
    """kata.onnx_predict(path, x), with an error read as a wrong answer that names its likely cause."""
    try:
        return kata.onnx_predict(path, x)
    except Exception as error:  # noqa: BLE001 - the stub's TODO is a BaseException and passes
        said = " ".join(line.strip() for line in str(error).strip().splitlines()[:2])  # ORT puts the numbers on line 2
        text = f"{type(error).__name__}: {said[:280]}"
        if "input name" in text or "Required inputs" in text:
            why = "read the input's name from the session, session.get_inputs()[0].name: this file's is not 'input'"
        elif "invalid dimensions" in text or "Invalid rank" in text:
            why = ("feed x with its shape as it is, (rows, features), only its dtype changed: x.astype(np.float32) "
                   "(a .view(np.float32) of float64 data doubles the columns)")
        elif "data type" in text or "double" in text:
            why = "cast x to float32 (x.astype(np.float32)): ONNX Runtime refuses any dtype but the declared one"
        elif "com.microsoft" in text or "FusedMatMul" in text:
            why = "run the file with ONNX Runtime (onnxruntime.InferenceSession): only it knows com.microsoft operators"
        else:
            why = f"the file is all there is, with no torch model behind it: {PREDICT}"
        fail(call, "behaviour", "the model's output", text, why)


def check_is_array(got, call):
    if not isinstance(got, np.ndarray):
        fail(call, "type", "a NumPy array (np.ndarray)", describe(got),
             "session.run returns a list, one array per output: return its first element, session.run(...)[0]"
             if isinstance(got, (list, tuple)) else "return the NumPy array ONNX Runtime gives, as it is")


@settings(max_examples=4)
@given(sizes=shapes(min_dims=3, max_dims=3, min_side=1, max_side=7),
       dtype=st.sampled_from(["float32", "float64"]),
       input_name=st.sampled_from(["readings", "x.1", "pixels", "onnx::FusedMatMul_0"]),
       float64_output=st.booleans(), seed=st.integers(0, 2**16))
@example(sizes=(1, 3, 2), dtype="float64", input_name="readings", float64_output=False, seed=0)  # one row, NumPy's default dtype
@example(sizes=(6, 4, 3), dtype="float32", input_name="x.1", float64_output=True, seed=1)  # a float64 first output
def test_onnx_predict_runs_any_onnx_file_with_onnx_runtime(kata, sizes, dtype, input_name, float64_output, seed):
    n, features, outputs = sizes
    x = rows(n, features, seed, dtype)
    with tempfile.TemporaryDirectory(prefix="kata-onnx-") as folder:
        path = Path(folder) / "hand_built.onnx"
        first, second = hand_built_file(path, input_name, features, outputs, seed, float64_output)
        call = (f"onnx_predict(path, {describe(x)}), path: an ONNX file built with onnx.helper (input "
                f"{input_name!r} of shape ['N', {features}], com.microsoft operators, two outputs, the first "
                f"{'float64' if float64_output else 'float32'}, no torch model behind it)")
        got = predicted(kata, path, x, call)
    check_is_array(got, call)
    check_equal(got.dtype.name, "float32", call=call, what="dtype",
                misconception="this graph's first output is float64: cast it, .astype(np.float32)" if float64_output
                else "return the array ONNX Runtime gives, float32: no .astype(np.float64)")
    check_equal(got.shape, (n, outputs), call=call, what="shape",
                misconception="the first output whole, one row per row of x: no .squeeze(), no second [0]")
    took_second = np.allclose(got, second(x), rtol=RTOL, atol=ATOL)
    check_values(got, first(x), call=call, rtol=RTOL, atol=ATOL,
                 misconception="this is the graph's second output: return the first, session.run(None, feed)[0]"
                 if took_second else f"run the file as it is, on x as float32 (astype, not view): {PREDICT}")


def test_onnx_predict_runs_the_file_now_at_path(kata):
    """One path, two files written there in turn: the second call must run the second file."""
    with tempfile.TemporaryDirectory(prefix="kata-onnx-") as folder:
        path = Path(folder) / "model.onnx"
        for turn, (features, outputs, seed) in enumerate([(3, 2, 5), (3, 4, 6)]):
            x = rows(4, features, seed)
            expected = hand_built_file(path, "features", features, outputs, seed)[0](x)
            call = (f"onnx_predict(path, {describe(x)}), the {'first' if turn == 0 else 'second'} call on this path"
                    + ("" if turn == 0 else ", after a new model (4 outputs, not 2) was written over the file"))
            got = predicted(kata, path, x, call)
            check_is_array(got, call)
            misconception = ("open the file again on every call: a session kept from the first call (cached by "
                             f"path, or global) still runs the old model; {PREDICT}") if turn else PREDICT
            check_equal(got.shape, (4, outputs), call=call, what="shape", misconception=misconception)
            check_values(got, expected, call=call, rtol=RTOL, atol=ATOL, misconception=misconception)


def test_onnx_predict_runs_what_to_onnx_wrote(kata):
    model, x = build(4, 5, 3, seed=2), rows(7, 4, seed=3)
    with torch.no_grad():
        expected = copy.deepcopy(model).eval()(torch.from_numpy(x)).numpy()
    call = "onnx_predict('net.onnx', float32 x of shape (7, 4)) after to_onnx(model in train mode, example of " \
           "shape (2, 4), 'net.onnx')"
    with tempfile.TemporaryDirectory(prefix="kata-onnx-") as folder:
        path = str(Path(folder) / "net.onnx")  # a str this time
        exported(kata, model, torch.from_numpy(rows(2, 4, seed=4)), path, call, training=True)
        batch = session_for(path, call).get_inputs()[0].shape[0]
        if isinstance(batch, int):  # 7 rows cannot run: the fault is to_onnx's, not onnx_predict's
            fail(call, "batch axis of the file to_onnx wrote", "symbolic (any number of rows)",
                 f"fixed at {batch}, the example's rows", "to_onnx: declare axis 0 of the input dynamic (dynamic_shapes="
                 "({0: torch.export.Dim('batch')},) with dynamo=True, or dynamic_axes with dynamo=False)")
        got = predicted(kata, path, x, call)
    check_is_array(got, call)
    check_equal(got.dtype.name, "float32", call=call, what="dtype", misconception="return the float32 array as it is")
    check_values(got, expected, call=call, rtol=RTOL, atol=ATOL,
                 misconception=f"the file computes model.eval(): {EXPORT}; then {PREDICT}")
