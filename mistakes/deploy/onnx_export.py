"""Named mistakes of kata deploy/onnx_export."""

import functools

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


# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- to_onnx


@mistake("named the input 'x' but keyed dynamic_axes by 'input', so the batch axis silently stays fixed",
         replaces="to_onnx")
def dynamic_axes_wrong_key(model, example, path):
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["x"], output_names=["y"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was)


@mistake("made axis 1 (features) dynamic instead of axis 0 (batch)", replaces="to_onnx")
def dynamic_features_axis(model, example, path):
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {1: "features"}})
    finally:
        model.train(was)


@mistake("switched back with model.train() after exporting, so a model that came in eval mode leaves in train mode",
         replaces="to_onnx")
def always_train_after(model, example, path):
    model.eval()
    torch.onnx.export(model, (example,), str(path), dynamo=False,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    model.train()


@mistake("restored the mode by assigning model.training, which only sets the top module's flag: the submodules (dropout, batch norm) stay in eval",
         replaces="to_onnx")
def restore_root_flag_only(model, example, path):
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.training = was


@mistake("ran the model once on example to check it works before switching to eval: in train mode that moves batch norm's running statistics",
         replaces="to_onnx")
def sanity_forward_in_train_mode(model, example, path):
    with torch.no_grad():
        out = model(example)  # "check the output shape first"
    assert out.shape[0] == example.shape[0]
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was)


@mistake("dynamo exporter with training=PRESERVE and no eval(): the train-mode behaviour goes into the file",
         replaces="to_onnx")
def preserve_training_mode_dynamo(model, example, path):
    torch.onnx.export(model, (example,), str(path), dynamo=True,
                      training=torch.onnx.TrainingMode.PRESERVE,
                      dynamic_shapes=({0: torch.export.Dim("batch")},))


@mistake("traced the model with torch.jit.trace first (still in train mode) and exported the traced module",
         replaces="to_onnx")
def jit_trace_then_export(model, example, path):
    traced = torch.jit.trace(model, example, check_trace=False)
    torch.onnx.export(traced, (example,), str(path), dynamo=False,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


@mistake("converted model and example to float64 'for precision': the file's input is float64 and the caller's model now has float64 parameters",
         replaces="to_onnx")
def exported_in_float64(model, example, path):
    was = model.training
    model.double().eval()
    try:
        torch.onnx.export(model, (example.double(),), str(path), dynamo=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was)


@mistake("exported with export_params=False to keep the file small: the weights become extra graph inputs instead of being stored",
         replaces="to_onnx")
def weights_not_exported(model, example, path):
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=False, export_params=False,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    finally:
        model.train(was)


@mistake("keyed dynamic_shapes by the argument name 'x', which only fits models whose forward is forward(self, x) (nn.Sequential's is 'input')",
         replaces="to_onnx")
def dynamic_shapes_keyed_x(model, example, path):
    was = model.training
    model.eval()
    try:
        torch.onnx.export(model, (example,), str(path), dynamo=True,
                          dynamic_shapes={"x": {0: torch.export.Dim("batch")}})
    finally:
        model.train(was)


# ----------------------------------------------------------- onnx_predict


@mistake("passed x as it came: a float64 array is rejected by the float32 graph", replaces="onnx_predict")
def no_float32_cast(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: x})[0].astype(np.float32)


@mistake("took the last output (outputs[-1]) instead of the first", replaces="onnx_predict")
def last_output(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: np.asarray(x, dtype=np.float32)})[-1].astype(np.float32)


@mistake("indexed [0] twice: returned the first row of the first output", replaces="onnx_predict")
def first_row_only(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: np.asarray(x, dtype=np.float32)})[0][0].astype(np.float32)


@mistake("returned the output in whatever dtype the graph produces (float64 when the graph casts), not float32",
         replaces="onnx_predict")
def output_dtype_not_cast(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out = sess.run(None, {sess.get_inputs()[0].name: x.astype(np.float32)})[0]
    return np.asarray(out)


@mistake("squeezed the output to drop 'extra' dimensions: a 1-row input gives a 1-D array",
         replaces="onnx_predict")
def squeezed_output(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: np.asarray(x, dtype=np.float32)})[0].squeeze().astype(np.float32)


@mistake("ran the file with onnx.reference.ReferenceEvaluator instead of ONNX Runtime: com.microsoft operators are unknown to it",
         replaces="onnx_predict")
def reference_evaluator(path, x):
    from onnx.reference import ReferenceEvaluator
    ev = ReferenceEvaluator(str(path))
    return np.asarray(ev.run(None, {ev.input_names[0]: np.asarray(x, dtype=np.float32)})[0],
                      dtype=np.float32)


@mistake("used x.view(np.float32) to 'cast': it reinterprets the float64 bytes (twice the columns, garbage values)",
         replaces="onnx_predict")
def view_instead_of_astype(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x32 = x if x.dtype == np.float32 else x.view(np.float32)
    return sess.run(None, {sess.get_inputs()[0].name: x32})[0].astype(np.float32)


@functools.lru_cache(maxsize=None)
def _cached_session(path):
    return ort.InferenceSession(path, providers=["CPUExecutionProvider"])


@mistake("cached the session by path with lru_cache: a file rewritten at the same path is still served by the old model",
         replaces="onnx_predict")
def session_cached_by_path(path, x):
    sess = _cached_session(str(path))
    return sess.run(None, {sess.get_inputs()[0].name: np.asarray(x, dtype=np.float32)})[0].astype(np.float32)


@mistake("read the feed name from get_outputs() instead of get_inputs()", replaces="onnx_predict")
def name_from_outputs(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_outputs()[0].name: np.asarray(x, dtype=np.float32)})[0].astype(np.float32)


@mistake("passed the inputs as a list [x] instead of a name -> array dict", replaces="onnx_predict")
def positional_feed(path, x):
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, [np.asarray(x, dtype=np.float32)])[0].astype(np.float32)
