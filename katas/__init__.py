"""Tensor katas: small exercises that teach PyTorch and TensorFlow/Keras.

Each ``katas/<topic>/<kata>.py`` is a stub to complete; ``test_<kata>.py`` beside it is the
specification. ``katas/curriculum.toml`` lists the katas in learning order.
"""

from katas._support import frameworks

frameworks.set_up()  # quiet framework logs; a Keras backend that is installed
