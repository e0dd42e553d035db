"""Reference answers of the keras katas.

This folder is ``solutions.keras``, never the top-level ``keras``. If a learner runs Python from
inside ``solutions/`` (so this folder is found as ``keras``), hand over to the real Keras package.
"""

if __name__ == "keras":  # imported as the top-level `keras`: step aside for the real one
    import importlib
    import os
    import sys

    _here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]
    del sys.modules["keras"]
    sys.modules["keras"] = importlib.import_module("keras")
