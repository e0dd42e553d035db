"""Tensor katas: small exercises that teach PyTorch and TensorFlow/Keras.

Each ``katas/<topic>/<kata>.py`` is a stub to complete; ``test_<kata>.py`` beside it is the
specification. ``katas/curriculum.toml`` lists the katas in learning order.
"""

from katas._support.quiet import quiet_frameworks

quiet_frameworks()
