"""Blind red team: wrong answers for kata deploy/onnx_export."""
import copy

import numpy as np
import onnxruntime as ort
import torch
from katas._support.mistakes import mistake


@mistake(
    "named the input 'x' in input_names but kept the tutorial's 'input'/'output' keys in "
    "dynamic_axes; the exporter only warns about unknown keys, so the batch stays fixed",
    replaces="to_onnx",
)
def dynamic_axes_key_mismatch(model, example, path):
    m = copy.deepcopy(model).eval()
    torch.onnx.export(
        m,
        (example,),
        str(path),
        input_names=["x"],
        output_names=["y"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        dynamo=False,
    )


@mistake(
    "marked axis 1 of the input as dynamic instead of axis 0; the features become symbolic "
    "and the batch size is fixed to the example's",
    replaces="to_onnx",
)
def dynamic_axis_on_features(model, example, path):
    m = copy.deepcopy(model).eval()
    torch.onnx.export(
        m,
        (example,),
        str(path),
        input_names=["input"],
        output_names=["output"],
        dynamic_axes={"input": {1: "batch"}, "output": {0: "batch"}},
        dynamo=False,
    )


@mistake(
    "passed training=TrainingMode.PRESERVE to keep the model 'as it is'; a model that comes in "
    "train mode is exported with dropout and batch statistics on",
    replaces="to_onnx",
)
def preserve_training_mode(model, example, path):
    torch.onnx.export(
        model,
        (example,),
        str(path),
        input_names=["input"],
        output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        training=torch.onnx.TrainingMode.PRESERVE,
        dynamo=False,
    )


@mistake(
    "put the model back with model.train() after exporting, unconditionally; a model that came "
    "in eval mode is left in train mode",
    replaces="to_onnx",
)
def always_back_to_train(model, example, path):
    model.eval()
    try:
        torch.onnx.export(
            model,
            (example,),
            str(path),
            input_names=["input"],
            output_names=["output"],
            dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
            dynamo=False,
        )
    finally:
        model.train()


@mistake(
    "exported a float64 copy 'for precision'; the file's input and weights are then float64, "
    "not the float32 the docstring asks for",
    replaces="to_onnx",
)
def exported_in_float64(model, example, path):
    m = copy.deepcopy(model).double().eval()
    torch.onnx.export(
        m,
        (example.double(),),
        str(path),
        input_names=["input"],
        output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        dynamo=False,
    )


@mistake(
    "copied export_params=False from a snippet; the weights become extra graph inputs instead "
    "of being stored in the file, and a session fed only the batch cannot run",
    replaces="to_onnx",
)
def weights_not_stored(model, example, path):
    m = copy.deepcopy(model).eval()
    torch.onnx.export(
        m,
        (example,),
        str(path),
        export_params=False,
        input_names=["input"],
        output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        dynamo=False,
    )


@mistake(
    "fed the array under the name 'input' that torch's exporter uses; the docstring says the "
    "input may have any name, to be read from the session",
    replaces="onnx_predict",
)
def hard_coded_input_name(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = session.run(None, {"input": x.astype(np.float32)})[0]
    return out.astype(np.float32)


@mistake(
    "passed x as it came; NumPy's default float64 is refused by ONNX Runtime for a float32 "
    "graph input",
    replaces="onnx_predict",
)
def no_input_cast(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    out = session.run(None, {name: x})[0]
    return out.astype(np.float32)


@mistake(
    "converted float64 input with x.view(np.float32), which reinterprets the bytes (twice the "
    "columns, garbage values) instead of converting the values with astype",
    replaces="onnx_predict",
)
def reinterpreting_view(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    if x.dtype != np.float32:
        x = x.view(np.float32)
    out = session.run(None, {name: x})[0]
    return out.astype(np.float32)


_SESSIONS = {}


@mistake(
    "kept one InferenceSession per path in a dict to save start-up time; a file rewritten at "
    "the same path still runs the old model",
    replaces="onnx_predict",
)
def session_cached_by_path(path, x):
    key = str(path)
    if key not in _SESSIONS:
        _SESSIONS[key] = ort.InferenceSession(key, providers=["CPUExecutionProvider"])
    session = _SESSIONS[key]
    name = session.get_inputs()[0].name
    out = session.run(None, {name: x.astype(np.float32)})[0]
    return out.astype(np.float32)


@mistake(
    "squeezed the output to drop 'extra' dimensions; one input row gives shape (outputs,) "
    "instead of (1, outputs)",
    replaces="onnx_predict",
)
def squeezed_output(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    out = session.run(None, {name: x.astype(np.float32)})[0]
    return np.squeeze(out).astype(np.float32)


@mistake(
    "returned the graph's output as ONNX Runtime gives it; a graph that ends in a cast to "
    "float64 gives back float64, not float32",
    replaces="onnx_predict",
)
def output_dtype_not_cast(path, x):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    return session.run(None, {name: x.astype(np.float32)})[0]
