"""Kata keras/cnn: the quest's image classifier again, in Keras.

The same network as loops/cnn, layer for layer. Keras puts channels last: images are
(N, 28, 28, 1) (NHWC), where PyTorch used (N, 1, 28, 28) (NCHW). A Keras ``Conv2D`` takes the
activation as an argument (a separate ReLU layer after it computes the same), and
``padding="same"`` is PyTorch's ``padding=1`` for a 3x3 kernel.

    Conv2D(32, 3, padding "same", relu), MaxPooling2D(2)    28x28 -> 14x14
    Conv2D(64, 3, padding "same", relu), MaxPooling2D(2)    14x14 -> 7x7
    Flatten, Dense(128, relu), Dense(10)                    10 logits

Nothing else: max pooling (not average pooling, not strided convolutions), no dropout, no
softmax on the logits. The tests put known weights into the eight weight arrays (kernel and
bias of each layer above, in order, through ``model.set_weights``) and compare the outputs
with this network's, in inference and in training mode.
Declare the input with ``keras.Input(shape=...)``: the first item of a ``keras.Sequential`` (or
the start of a functional ``keras.Model(inputs, outputs)``: either is fine). The Keras 2 habit
of ``input_shape=`` on the first layer is deprecated: Keras 3 warns, and the tests fail it.
Runs on any Keras backend.
"""

import keras


def build_cnn() -> keras.Model:
    """The network above, from ``keras.Input(shape=(28, 28, 1))`` (one image is 28x28 with its
    channel last: not (28, 28), not (1, 28, 28)); 421,642 parameters, exactly as many as the
    PyTorch ImageClassifier.

    >>> build_cnn()(np.zeros((5, 28, 28, 1))).shape
    (5, 10)
    """
    raise NotImplementedError("build_cnn(): not implemented yet (kata keras/cnn)")
