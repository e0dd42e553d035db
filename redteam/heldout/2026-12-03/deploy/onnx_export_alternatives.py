"""Blind red team: correct answers in other styles for kata deploy/onnx_export."""
import copy

import numpy as np
import onnxruntime as ort
import torch
from katas._support.mistakes import alternative


@alternative(
    "dynamo exporter (torch.export underneath) on an eval-mode deepcopy with dynamic_shapes and "
    "a torch.export.Dim; a one-row example is doubled to two rows first, because torch.export "
    "will not make a size-1 dimension dynamic",
    replaces="to_onnx",
)
def dynamo_export_with_dim(model, example, path):
    m = copy.deepcopy(model).eval()
    ex = example.detach()
    if ex.shape[0] == 1:
        ex = torch.cat([ex, ex], dim=0)
    torch.onnx.export(
        m,
        (ex,),
        str(path),
        dynamo=True,
        dynamic_shapes=({0: torch.export.Dim("batch")},),
    )


@alternative(
    "TorchScript exporter on the caller's model as it comes, relying on the exporter's default "
    "training=TrainingMode.EVAL (which restores the mode afterwards); input 'x', output 'y', "
    "batch axis named 'N'",
    replaces="to_onnx",
)
def torchscript_default_eval_mode(model, example, path):
    torch.onnx.export(
        model,
        (example,),
        str(path),
        input_names=["x"],
        output_names=["y"],
        dynamic_axes={"x": {0: "N"}, "y": {0: "N"}},
        dynamo=False,
    )


@alternative(
    "model.eval() around a TorchScript export in try/finally, model.train(was) afterwards, with "
    "an explicit opset_version=17",
    replaces="to_onnx",
)
def eval_around_export_with_opset(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(
            model,
            (example,),
            str(path),
            opset_version=17,
            input_names=["features"],
            output_names=["logits"],
            dynamic_axes={"features": {0: "batch"}, "logits": {0: "batch"}},
            dynamo=False,
        )
    finally:
        model.train(was_training)


@alternative(
    "asks for the first output by name (session.get_outputs()[0].name), converts with "
    "np.asarray(..., dtype=np.float32) on both sides",
    replaces="onnx_predict",
)
def predict_by_output_name(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    output_name = session.get_outputs()[0].name
    feed = {input_name: np.asarray(x, dtype=np.float32)}
    (result,) = session.run([output_name], feed)
    return np.asarray(result, dtype=np.float32)
