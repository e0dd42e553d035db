"""Correct alternatives of kata deploy/onnx_export: other styles the tests must accept."""

import copy
from pathlib import Path

import numpy as np
import torch

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- to_onnx


@alternative("dynamo exporter (the default) with dynamic_shapes as a tuple of Dim('batch'), every submodule's mode saved and restored",
             replaces="to_onnx")
def dynamo_dim_per_module_restore(model, example, path):
    modes = {m: m.training for m in model.modules()}
    model.eval()
    try:
        torch.onnx.export(model, (example,), Path(path),
                          dynamic_shapes=({0: torch.export.Dim("batch")},))
    finally:
        for m, t in modes.items():
            m.training = t


@alternative("export an eval-mode deep copy, so the caller's model is never touched; TorchScript exporter, dynamic_axes in list form (auto-generated axis name)",
             replaces="to_onnx")
def deepcopy_torchscript_list_axes(model, example, path):
    frozen = copy.deepcopy(model).eval()
    torch.onnx.export(frozen, example, str(path), dynamo=False,
                      input_names=["features"], output_names=["scores"],
                      dynamic_axes={"features": [0], "scores": [0]})


@alternative("keep the ONNXProgram that torch.onnx.export returns (dynamo=True, Dim.AUTO) and call .save(); eval()/train(was) around it",
             replaces="to_onnx")
def onnx_program_save_auto(model, example, path):
    was = model.training
    model.eval()
    try:
        program = torch.onnx.export(model, (example,), dynamo=True,
                                    dynamic_shapes=({0: torch.export.Dim.AUTO},))
    finally:
        model.train(was)
    program.save(str(path))


@alternative("TorchScript exporter left to its default training=TrainingMode.EVAL (no explicit eval() call); only the input's axis 0 declared",
             replaces="to_onnx")
def torchscript_default_eval(model, example, path):
    torch.onnx.export(model, (example,), str(path), dynamo=False, opset_version=17,
                      input_names=["x"], dynamic_axes={"x": {0: "N"}})


@alternative("dynamo exporter fed dynamic_axes (which it converts) plus explicit opset 18, inside torch.no_grad()",
             replaces="to_onnx")
def dynamo_with_dynamic_axes(model, example, path):
    was = model.training
    model.eval()
    try:
        with torch.no_grad():
            torch.onnx.export(model, (example,), str(path), dynamo=True, opset_version=18,
                              input_names=["input"], output_names=["output"],
                              dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was)


# ----------------------------------------------------------- onnx_predict


@alternative("np.asarray(x, dtype=np.float32), explicit CPU provider, input name from get_inputs()",
             replaces="onnx_predict")
def asarray_cpu_provider(path, x):
    import onnxruntime as ort
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (inp,) = sess.get_inputs()
    (out, *_) = sess.run(None, {inp.name: np.asarray(x, dtype=np.float32)})
    return np.asarray(out, dtype=np.float32)


@alternative("session built from the file's bytes, asks only for the first output by name",
             replaces="onnx_predict")
def bytes_session_named_output(path, x):
    import onnxruntime
    sess = onnxruntime.InferenceSession(Path(path).read_bytes(),
                                        providers=["CPUExecutionProvider"])
    first = sess.get_outputs()[0].name
    feed = {sess.get_inputs()[0].name: x.astype(np.float32, copy=False)}
    return sess.run([first], feed)[0].astype(np.float32, copy=False)


@alternative("OrtValue in, run_with_ort_values, .numpy() out; graph optimisations disabled",
             replaces="onnx_predict")
def ortvalue_run(path, x):
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    xv = ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(x, dtype=np.float32))
    outs = sess.run_with_ort_values([sess.get_outputs()[0].name], {sess.get_inputs()[0].name: xv})
    return np.float32(outs[0].numpy())


@alternative("cast through torch (torch.as_tensor(..., dtype=torch.float32).numpy()), then run in chunks of 2 rows and concatenate",
             replaces="onnx_predict")
def torch_cast_chunked(path, x):
    import onnxruntime as ort
    x32 = torch.as_tensor(x, dtype=torch.float32).numpy()
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    parts = [sess.run(None, {name: x32[i:i + 2]})[0] for i in range(0, len(x32), 2)]
    if not parts:  # zero rows
        parts = [sess.run(None, {name: x32})[0]]
    return np.concatenate(parts, axis=0).astype(np.float32)
