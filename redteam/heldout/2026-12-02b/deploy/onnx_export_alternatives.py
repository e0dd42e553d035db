"""Blind red team: correct alternative answers for kata deploy/onnx_export."""
import copy

import numpy as np
import torch

from katas._support.mistakes import alternative


@alternative("TorchScript exporter relying on its own default training=TrainingMode.EVAL (no explicit "
             "model.eval()), input named 'x', batch axis named 'N'", replaces="to_onnx")
def to_onnx_exporter_default_eval(model, example, path):
    torch.onnx.export(model, (example,), str(path), dynamo=False,
                      input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "N"}, "y": {0: "N"}})


@alternative("exports an eval-mode copy.deepcopy with the TorchScript exporter; only the input's batch "
             "axis declared dynamic, in list form", replaces="to_onnx")
def to_onnx_eval_deepcopy(model, example, path):
    frozen = copy.deepcopy(model).eval()
    torch.onnx.export(frozen, (example,), str(path), dynamo=False,
                      input_names=["features"], output_names=["prediction"],
                      dynamic_axes={"features": [0], "prediction": [0]})


@alternative("dynamo exporter (torch.export) with dynamic_shapes and an unbounded Dim, model.eval() "
             "around it; a 1-row example is doubled so the batch can stay dynamic", replaces="to_onnx")
def to_onnx_dynamo(model, example, path):
    traced = example.detach()
    if traced.shape[0] < 2:
        traced = torch.cat([traced, traced], dim=0)
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (traced,), str(path), dynamo=True,
                          dynamic_shapes=({0: torch.export.Dim("batch")},))
    finally:
        model.train(was_training)


@alternative("asks for the first output by name and converts with np.asarray(dtype=float32)",
             replaces="onnx_predict")
def onnx_predict_named_output(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    output_name = session.get_outputs()[0].name
    (output,) = session.run([output_name], {input_name: np.asarray(x, dtype=np.float32)})
    return np.asarray(output, dtype=np.float32)


@alternative("builds SessionOptions explicitly, feeds a contiguous float32 copy, astype(copy=False) on "
             "the way out", replaces="onnx_predict")
def onnx_predict_session_options(path, x):
    import onnxruntime
    options = onnxruntime.SessionOptions()
    session = onnxruntime.InferenceSession(str(path), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    feed = {session.get_inputs()[0].name: np.ascontiguousarray(x, dtype=np.float32)}
    outputs = session.run(None, feed)
    return outputs[0].astype(np.float32, copy=False)
