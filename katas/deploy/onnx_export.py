"""Kata deploy/onnx_export: a PyTorch model as an ONNX file, run by ONNX Runtime.

ONNX is a file format for a model's computation graph and its weights; ONNX Runtime
(``onnxruntime``) runs such a file from Python, C++, C#, Java or JavaScript, with no PyTorch and
none of the model's code. ``torch.onnx.export`` writes the file by tracing the model on an example
input, and every size the trace sees is fixed in the graph unless you declare it dynamic: the
batch size, which a server chooses per request, must be. The file records one behaviour of the
model, so export the inference one (``model.eval()``: dropout off, batch norm with its running
statistics). ONNX Runtime is strict about inputs: each is passed under the graph input's name, in
the dtype the graph declares.
Needs torch, onnx, onnxscript and onnxruntime.
"""

from pathlib import Path

import numpy as np
import torch
from torch import nn


def to_onnx(model: nn.Module, example: torch.Tensor, path: str | Path) -> None:
    """Write ``model`` to ``path`` as an ONNX file with one input, float32 of shape
    ``(batch, features)``, whose batch size is dynamic: symbolic in the file (a name, not a number),
    so that ONNX Runtime runs it on any number of rows, 1 included, whatever ``example`` has.
    ``example`` is one float32 input of that shape (1 row or more) to trace the model with.

    The file computes what ``model.eval()`` computes (dropout off, batch norm with its running
    statistics), in float32, within float32 rounding (rtol=1e-4, atol=1e-5), and
    ``onnx.checker.check_model`` accepts it. Either exporter will do: ``dynamo=True`` (the default
    since torch 2.9) with ``dynamic_shapes``, or the older TorchScript one (``dynamo=False``) with
    ``dynamic_axes``. Any input name. ``model`` is left as it was: in the mode (train or eval) it
    was in, with the same parameters and buffers (no forward pass in train mode, which moves batch
    norm's running statistics).

    >>> to_onnx(nn.Sequential(nn.Linear(4, 2), nn.Dropout(0.5)), torch.randn(3, 4), "model.onnx")
    >>> onnxruntime.InferenceSession("model.onnx").get_inputs()[0].shape
    ['batch', 4]
    """
    raise NotImplementedError("to_onnx(): not implemented yet (kata deploy/onnx_export)")


def onnx_predict(path: str | Path, x: np.ndarray) -> np.ndarray:
    """Run the ONNX file at ``path`` on ``x`` with ONNX Runtime (``onnxruntime.InferenceSession``,
    on the CPU) and return the graph's first output as a NumPy array, float32, one row per row of
    ``x``.

    The file is any ONNX model with one float32 input of shape ``(batch, features)``, not only one
    ``to_onnx`` wrote: there is no torch model behind it to fall back on, and its input may have
    any name (read it from the session, do not assume one). It may use ONNX Runtime's own
    operators (domain ``com.microsoft``), which only ONNX Runtime runs. ``x`` is float32, or
    float64 (NumPy's default), which you cast to float32, the dtype the graph declares.

    >>> onnx_predict("model.onnx", np.ones((5, 4), dtype=np.float32)).shape
    (5, 2)
    """
    raise NotImplementedError("onnx_predict(): not implemented yet (kata deploy/onnx_export)")
