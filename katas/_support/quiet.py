"""Keep framework start-up chatter out of a learner's terminal."""

import os


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
