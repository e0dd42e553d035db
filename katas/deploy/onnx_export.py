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
    ``(batch, features)``, whose batch size is dynamic: symbolic in the file (a name, not a number;
    any name: ``'batch'``, ``'N'``, the exporter's own such as ``'s0'``), so that ONNX Runtime runs
    it on any number of rows from 1 up, whatever ``example`` has (0 rows is never asked). The
    output's batch axis may have any name too (the input's or another); what counts is one output
    row per input row. ``example`` is one float32 input of that shape (1 row or more) to trace the
    model with; ``model`` is an ``nn.Module`` whose ``forward`` takes that one tensor (an
    ``nn.Sequential`` in the example and the tests: its ``forward``'s parameter is named ``input``).

    The file computes what ``model.eval()`` computes (dropout off, batch norm with its running
    statistics), in float32 (float32 input and output, the model's own float32 weights stored in
    the file, not graph inputs), within float32 rounding (rtol=1e-4, atol=1e-5), and
    ``onnx.checker.check_model`` accepts it. Either exporter will do: ``dynamo=True`` (the default
    since torch 2.9) with ``dynamic_shapes``, or the older TorchScript one (``dynamo=False``) with
    ``dynamic_axes``; and any way to the eval behaviour (``model.eval()`` around the export, an
    eval-mode ``copy.deepcopy``, or the exporter's own default ``training=TrainingMode.EVAL``).
    Any input name. The exporter may also write a side file next to ``path`` (``path`` +
    ``'.data'``, external data, even an empty one): that is fine, leave it there; the file is read
    where you wrote it.

    ``model`` is left as it was: every module of it is in one mode, train or eval
    (``model.training`` says which), and is in that mode again afterwards; with the same parameters
    and buffers, same values and dtypes (no ``.double()``, no forward pass in train mode, which
    moves batch norm's running statistics).

    >>> to_onnx(nn.Sequential(nn.Linear(4, 2), nn.Dropout(0.5)), torch.randn(3, 4), "model.onnx")
    >>> onnxruntime.InferenceSession("model.onnx").get_inputs()[0].shape
    ['batch', 4]
    """
    raise NotImplementedError("to_onnx(): not implemented yet (kata deploy/onnx_export)")


def onnx_predict(path: str | Path, x: np.ndarray) -> np.ndarray:
    """Run the ONNX file at ``path`` on ``x`` with ONNX Runtime (``onnxruntime.InferenceSession``,
    on the CPU) and return the graph's first output (the first of ``session.get_outputs()``; a
    graph may have more) as a NumPy array, float32 even where the graph's output is another float
    dtype (a graph ending in a cast to float64: cast it back), of shape ``(rows of x, outputs)``,
    one row per row of ``x``, 1 row included (no squeeze).

    The file is any ONNX model with one float32 input of shape ``(batch, features)``, not only one
    ``to_onnx`` wrote: there is no torch model behind it to fall back on, and its input may have
    any name (read it from the session, do not assume one). It may use ONNX Runtime's own
    operators (domain ``com.microsoft``), which only ONNX Runtime runs. ``x`` has 1 row or more and
    is float32, or float64 (NumPy's default), which you convert to float32 values (``astype``, not
    a reinterpreting ``view``), the dtype the graph declares. Each call runs the file as it is at
    ``path`` now: a file rewritten at the same path since an earlier call runs the new model (a
    session cached by path would run the old one).

    >>> onnx_predict("model.onnx", np.ones((5, 4), dtype=np.float32)).shape
    (5, 2)
    """
    raise NotImplementedError("onnx_predict(): not implemented yet (kata deploy/onnx_export)")
