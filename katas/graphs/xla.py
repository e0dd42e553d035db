"""Kata graphs/xla: the whole graph compiled by XLA, with ``tf.function(jit_compile=True)``.

A plain ``tf.function`` (kata keras/graph_eager) traces a graph and then runs its operations one
TensorFlow kernel at a time. With ``jit_compile=True`` XLA compiles the whole graph into one
program: it fuses operations and may reorder them or use its own approximations of ``exp`` or
``erf``, so on the same inputs it gives eager's results within float32 tolerance, not always to
the last bit. Like a trace, the compilation is made for one input signature: a new shape or dtype
compiles again. XLA only compiles operations it has a kernel for. A string op
(``tf.strings.as_string``, the string formatting inside ``tf.print``) or a call back into Python
(``tf.py_function``, ``tf.numpy_function``) makes it refuse the WHOLE function, which a plain
``tf.function`` runs happily: calling it raises ``tf.errors.InvalidArgumentError: Detected
unsupported operations when trying to compile graph ...``. What is refused depends on the XLA
backend (CPU or GPU) and version, so observe it, do not predict it. Needs TensorFlow.
"""

from collections.abc import Callable

import tensorflow as tf


def xla_version(fn: Callable[[tf.Tensor], tf.Tensor]) -> Callable[[tf.Tensor], tf.Tensor]:
    """``fn`` compiled by XLA (a ``tf.function`` with ``jit_compile=True``, or a callable that
    calls one). For every tensor ``x`` of a dtype and shape ``fn`` accepts (scalars, float64 and
    int32 too), it returns what calling ``fn(x)`` eagerly returns: a tensor of that result's dtype
    and shape (not necessarily ``x``'s: ``fn`` may turn floats into int32), equal within
    rtol=1e-5, atol=1e-5. Every input goes through XLA, integers too. One result of
    ``xla_version`` serves inputs of several shapes and dtypes, one after the other (no fixed
    input signature: XLA compiles again for each new one). The result belongs to the ``fn`` it
    was made for: never hand out one made for another ``fn`` (a cache keyed on ``fn.__name__``
    mixes up lambdas, which are all called ``<lambda>``); the same ``fn`` twice may get the same
    one. When XLA refuses ``fn``'s operations, calling the result raises XLA's own
    ``tf.errors.InvalidArgumentError`` ("Detected unsupported operations ..."), unchanged: never
    fall back to a graph without XLA, or to eager, and do not wrap it in another error.

    >>> xla_version(lambda x: 2 * tf.sin(x) + x)(tf.constant([0.0, 1.0]))
    <tf.Tensor: shape=(2,), dtype=float32, numpy=array([0.      , 2.682942], dtype=float32)>
    >>> xla_version(tf.strings.as_string)(tf.constant([1.0]))
    InvalidArgumentError: Detected unsupported operations when trying to compile graph ... AsString ...
    """
    raise NotImplementedError("xla_version(): not implemented yet (kata graphs/xla)")


def compiles_with_xla(fn: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> bool:
    """Whether XLA compiles ``fn`` for the input ``x``: ``True`` (a Python ``bool``) when an XLA
    version of ``fn`` compiles and runs on ``x``, whatever it returns (results a few float32
    steps from eager's, ``inf`` or ``nan`` count as compiled too), ``False`` when XLA refuses it
    with a ``tf.errors.InvalidArgumentError`` whose message says "Detected unsupported
    operations" (whichever operation it names). Ask XLA anew for each ``fn`` (no answer cached by
    ``fn.__name__``: two lambdas share that name). Any other error propagates unchanged: ``fn``'s
    own ``ValueError`` for an input it cannot take (as tracing ``fn`` for ``x`` raises it: ask XLA
    straight away, do not run ``fn`` eagerly first), or an ``InvalidArgumentError`` that is not
    XLA's refusal (a ``tf.debugging`` assertion failing while tracing) is not XLA's answer.
    Observe, do not predict: the tests compare with what XLA does on this machine, and use
    operations with data-dependent output shapes (``tf.unique``, ``tf.boolean_mask``) that XLA on
    CPU does compile.

    >>> compiles_with_xla(tf.sin, tf.constant([1.0]))
    True
    >>> compiles_with_xla(tf.strings.as_string, tf.constant([1.0]))
    False
    """
    raise NotImplementedError("compiles_with_xla(): not implemented yet (kata graphs/xla)")


def largest_difference(fn: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> float:
    """The largest absolute difference, over all elements, between ``fn``'s XLA result and its
    eager result on the same float tensor ``x``: max |xla(x) - fn(x)|, as a Python ``float``
    (``0.0`` when they agree to the bit: never rounded, never relative to the values). ``fn``
    returns a float tensor of any shape, a scalar too; the tests use inputs where both results are
    finite. A ``np.float64`` (a subclass of ``float``) is fine, a ``np.float32`` or a tensor is
    not. Observe it by running both: the tests compare it with their own run of the two (relative
    tolerance 1e-6), on inputs where XLA's rounding differs from eager's.

    >>> largest_difference(tf.sigmoid, tf.constant([1.0, 2.0, 3.0]))
    5.960464477539063e-08   # on an x86 CPU: XLA's sigmoid(2.0) is one float32 step from eager's
    """
    raise NotImplementedError("largest_difference(): not implemented yet (kata graphs/xla)")
