"""Blind red team: wrong answers for kata deploy/onnx_export."""
import numpy as np
import torch

from katas._support.mistakes import mistake

_SESSIONS = {}


# ---------------------------------------------------------------- to_onnx


@mistake("I exported without declaring any dynamic axis, so the batch size is frozen at the example's",
         replaces="to_onnx")
def to_onnx_fixed_batch(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"])
    finally:
        model.train(was_training)


@mistake("I named the input 'x' but kept the tutorial's dynamic_axes keys 'input'/'output', so the axes "
         "are never made dynamic", replaces="to_onnx")
def to_onnx_dynamic_axes_wrong_names(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["x"], output_names=["y"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was_training)


@mistake("I declared axis 1 dynamic instead of axis 0, so the features are symbolic and the batch is fixed",
         replaces="to_onnx")
def to_onnx_wrong_axis_dynamic(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {1: "batch"}})
    finally:
        model.train(was_training)


@mistake("I passed training=TrainingMode.PRESERVE to 'keep the model as it is', so a train-mode model is "
         "exported with dropout on and batch statistics", replaces="to_onnx")
def to_onnx_preserve_training_mode(model, example, path):
    torch.onnx.export(model, (example,), str(path), dynamo=False,
                      training=torch.onnx.TrainingMode.PRESERVE,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


@mistake("I exported model.eval() inline and never switched the model back to its mode", replaces="to_onnx")
def to_onnx_leaves_eval(model, example, path):
    torch.onnx.export(model.eval(), (example,), str(path), dynamo=False,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


@mistake("after exporting I call model.train() unconditionally, so a model that came in eval mode comes "
         "back in train mode", replaces="to_onnx")
def to_onnx_always_back_to_train(model, example, path):
    model.eval()
    torch.onnx.export(model, (example,), str(path), dynamo=False,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    model.train()


@mistake("I ran the model on the example first (under no_grad) to check it works, before eval: that "
         "forward in train mode moves batch norm's running statistics", replaces="to_onnx")
def to_onnx_after_sanity_forward(model, example, path):
    with torch.no_grad():
        model(example)
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was_training)


@mistake("I set export_params=False to keep the file small, so the weights are graph inputs instead of "
         "being stored in the file", replaces="to_onnx")
def to_onnx_without_params(model, example, path):
    was_training = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False, export_params=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was_training)


# ---------------------------------------------------------------- onnx_predict


@mistake("I fed the input under the name 'input' (what my export used) instead of reading it from the "
         "session", replaces="onnx_predict")
def onnx_predict_hardcoded_input_name(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    output = session.run(None, {"input": np.asarray(x).astype(np.float32)})[0]
    return np.asarray(output).astype(np.float32)


@mistake("I passed x straight through, so NumPy's default float64 reaches a graph that declares float32",
         replaces="onnx_predict")
def onnx_predict_no_input_cast(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    output = session.run(None, {name: x})[0]
    return np.asarray(output).astype(np.float32)


@mistake("I cached the InferenceSession by path to save load time, so a file rewritten at the same path "
         "still runs the old model", replaces="onnx_predict")
def onnx_predict_cached_session(path, x):
    import onnxruntime
    key = str(path)
    if key not in _SESSIONS:
        _SESSIONS[key] = onnxruntime.InferenceSession(key, providers=["CPUExecutionProvider"])
    session = _SESSIONS[key]
    name = session.get_inputs()[0].name
    output = session.run(None, {name: np.asarray(x).astype(np.float32)})[0]
    return np.asarray(output).astype(np.float32)


@mistake("I wrapped the list that session.run returns in np.array, which adds a leading axis of outputs",
         replaces="onnx_predict")
def onnx_predict_array_of_all_outputs(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    outputs = session.run(None, {name: np.asarray(x).astype(np.float32)})
    return np.array(outputs, dtype=np.float32)


@mistake("I squeezed the output to get rid of the extra axis, which drops it for a single output column "
         "or a single row", replaces="onnx_predict")
def onnx_predict_squeezed(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    output = session.run(None, {name: np.asarray(x).astype(np.float32)})[0]
    return np.squeeze(output).astype(np.float32)


@mistake("I returned the output in whatever dtype the graph produces, so a graph ending in a cast to "
         "float64 gives float64", replaces="onnx_predict")
def onnx_predict_output_dtype_not_cast(path, x):
    import onnxruntime
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    return session.run(None, {name: np.asarray(x).astype(np.float32)})[0]


@mistake("I ran the file with onnx's ReferenceEvaluator instead of ONNX Runtime, which cannot run "
         "com.microsoft operators", replaces="onnx_predict")
def onnx_predict_reference_evaluator(path, x):
    import onnx
    from onnx.reference import ReferenceEvaluator
    evaluator = ReferenceEvaluator(onnx.load(str(path)))
    name = evaluator.input_names[0]
    output = evaluator.run(None, {name: np.asarray(x).astype(np.float32)})[0]
    return np.asarray(output).astype(np.float32)
