"""Data the loops and keras katas train on: made by the code, or shipped inside a package.

Nothing is downloaded. The handwritten digits are the 1,797 8x8 images that scikit-learn ships
in its wheel (``sklearn/datasets/data/digits.csv.gz``); they are read straight from that file, so
the tests do not pay for importing scikit-learn (about a second) on every run.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import numpy as np

#: Hours studied and the score each student got: the Keras regression kata's data.
HOURS = np.array([1, 2, 3, 4, 5, 6, 7, 8], dtype="float32")
SCORES = np.array([52, 56, 61, 67, 71, 75, 81, 85], dtype="float32")


def noisy_line(n: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The quest's data: y = 2x + 1 plus Gaussian noise, x uniform on [-1, 1]; shapes (n, 1), float32."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(n, 1)).astype("float32")
    return x, (2 * x + 1 + rng.normal(0, noise, size=(n, 1))).astype("float32")


def digits_file() -> Path:
    spec = importlib.util.find_spec("sklearn")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the digits data ships with scikit-learn: pip install scikit-learn")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data" / "digits.csv.gz"


@functools.cache
def digits() -> tuple[np.ndarray, np.ndarray]:
    """(images uint8 (1797, 8, 8) with values 0..16, labels int64 (1797,))."""
    table = np.loadtxt(digits_file(), delimiter=",", dtype="int64")
    return table[:, :-1].reshape(-1, 8, 8).astype("uint8"), table[:, -1]


def digits_split(test_fraction: float = 0.2, seed: int = 0) -> tuple[np.ndarray, ...]:
    """(train images, train labels, test images, test labels), a fixed shuffled split."""
    images, labels = digits()
    order = np.random.default_rng(seed).permutation(len(labels))
    cut = int(len(labels) * (1 - test_fraction))
    train, test = order[:cut], order[cut:]
    return images[train], labels[train], images[test], labels[test]


def bright_squares(n: int, seed: int = 0, size: int = 28) -> tuple[np.ndarray, np.ndarray]:
    """A synthetic 10-class image task: class k is a bright 6x6 square at the k-th of ten places
    on a noisy grey image. Images (n, 1, size, size) float32 in [0, 1], labels int64."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, size=n)
    images = rng.uniform(0, 0.3, size=(n, 1, size, size)).astype("float32")
    for i, label in enumerate(labels):
        row, col = divmod(int(label), 5)
        top, left = 4 + row * 12, 1 + col * 5
        images[i, 0, top:top + 6, left:left + 5] = 1.0
    return images, labels.astype("int64")
