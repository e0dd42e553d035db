"""Named mistakes of kata deploy/onnx_export."""

import numpy as np
import onnxruntime as ort
import torch

from katas._support.mistakes import mistake


@mistake("exported without dynamic_shapes: the example's batch size is fixed in the file", replaces="to_onnx")
def fixed_batch(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), path, dynamo=True, verbose=False)
    finally:
        model.train(was_training)


@mistake("called model.eval() for the export and left the model in eval mode", replaces="to_onnx")
def left_in_eval_mode(model, example, path):
    model.eval()
    torch.onnx.export(model, (example,), path, dynamic_shapes=({0: torch.export.Dim("batch")},), verbose=False)


@mistake("fed x under the name torch gives the input, 'input', instead of the name the file declares",
         replaces="onnx_predict")
def input_name_assumed(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"input": np.asarray(x, dtype=np.float32)})[0]


@mistake("returned what session.run returns, a list of outputs, instead of the first output", replaces="onnx_predict")
def returned_the_list(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: np.asarray(x, dtype=np.float32)})

