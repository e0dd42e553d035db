"""Keep framework start-up chatter out of a learner's terminal."""

import os
import sys


def quiet_frameworks() -> None:
    """Silence TensorFlow's C++ start-up log before anything imports it.

    Set as defaults, so a learner who wants the logs back can export the variables.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide INFO and WARNING from C++
    os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
    os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "2")
    # The oneDNN notice is logged before absl reads any level, so no level hides it; with the
    # oneDNN rewrites off there is no notice (and CPU results do not vary with thread timing).
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


#: torch's loggers that record every step of a compile or an export (empty DEBUG lines, partial
#: graphs, "torchvision is not installed"): framework chatter that would fill a failure's page.
CHATTY_TORCH_LOGGERS = ("torch.__trace", "torch.fx.experimental.symbolic_shapes", "torch._subclasses.fake_tensor",
                        "torch.export._trace", "torch.export", "torch._export",
                        "torch.onnx._internal.exporter._registration")


def quiet_torch_logs() -> None:
    """Keep torch's chatty loggers out of a test's captured log (once torch is imported: it sets
    their levels itself). Left alone when TORCH_TRACE or TORCH_LOGS asks for them."""
    import logging

    if "torch" not in sys.modules or os.environ.get("TORCH_TRACE") or os.environ.get("TORCH_LOGS"):
        return
    for name in CHATTY_TORCH_LOGGERS:
        if (logger := logging.getLogger(name)).level != logging.CRITICAL:  # setLevel clears every logger's cache
            logger.setLevel(logging.CRITICAL)
