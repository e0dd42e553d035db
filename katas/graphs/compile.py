"""Kata graphs/compile: torch.compile turns eager PyTorch into graphs.

PyTorch runs eagerly: each operation as Python reaches it. ``torch.compile(model)`` returns a
wrapper whose first call hands the forward's Python to TorchDynamo, which captures its tensor
operations in a graph (an FX ``GraphModule``), guarded by what it assumed about the inputs
(dtype, shapes), and gives the graph to a *backend* to compile. A later call whose inputs pass
the guards runs that graph without tracing again; one that fails them compiles a new graph (a
recompile). ``dynamic`` says how shapes are treated: ``False`` specializes every shape, so each
new batch size recompiles; ``True`` makes sizes symbolic from the start; ``None`` (the default)
specializes first, and after a size changes recompiles once with that size symbolic. What
dynamo learnt lives on the code it compiled, not on one ``torch.compile`` wrapper, until
``torch.compiler.reset()``. Needs PyTorch.
"""

from collections.abc import Callable

import torch


def compiled(model: torch.nn.Module) -> Callable[[torch.Tensor], torch.Tensor]:
    """``model`` compiled with ``torch.compile`` and a backend that needs no C compiler:
    ``"aot_eager"`` (AOTAutograd traces the forward and backward graphs, eager kernels run them),
    ``"eager"`` (runs the captured graph as it is), or a backend function of your own (see
    ``count_compiles``). Not inductor, the default (also what any ``mode=`` picks): it writes C++
    and compiles it, which fails on a machine without a C++ compiler, so the tests refuse every
    use of it. Any ``dynamic=`` is fine.

    The result is anything the tests can call: what ``torch.compile(model, ...)`` returns, the
    model itself after ``model.compile(...)`` (which compiles it in place), or a compiled function
    that calls ``model`` (``torch.compile`` of ``model.forward`` or of a closure). It runs
    ``model`` itself, not a copy (or a model compiled earlier): the model's buffers update as in
    eager mode and ``backward`` fills the model's own parameters' ``.grad``. It leaves the model's
    training mode, dtype and parameters as they were (no ``.eval()``, no ``.double()``).

    Calling the result on a float32 batch gives the model's eager output (a float32 tensor of the
    same shape, within rtol=1e-5, atol=1e-5) for any batch size, and ``backward`` through it gives
    the model's parameters eager's gradients: it runs in the caller's grad mode (no
    ``torch.no_grad``, ``inference_mode`` or ``detach`` inside, which cut ``backward`` off). It
    really compiles: its first call compiles at least one graph, and a later call on a batch of a
    shape it has seen compiles none (so no ``torch.compiler.reset()`` between calls). A forward
    dynamo cannot capture whole (a graph break) must still run, its Python between two graphs,
    so no ``fullgraph=True``.

    >>> model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    >>> x = torch.randn(3, 4)
    >>> torch.allclose(compiled(model)(x), model(x), rtol=1e-5, atol=1e-5)
    True
    """
    raise NotImplementedError("compiled(): not implemented yet (kata graphs/compile)")


def count_compiles(model: torch.nn.Module, inputs: list[torch.Tensor], dynamic: bool | None = None) -> int:
    """Make ONE compiled version of ``model`` (call ``torch.compile`` once, with the given
    ``dynamic``, no ``fullgraph=True``, and a counting backend of your own), call it on each of
    ``inputs`` in order (each input once, and the model in no other way: the tests count its
    calls), and return how many graphs were compiled, as an ``int`` (0 for an empty ``inputs``).

    A backend is any callable ``backend(graph_module, example_inputs)`` that returns a callable
    running the graph (``graph_module.forward`` runs it eagerly, no C compiler needed). Dynamo
    calls the backend once for every graph it compiles and never when it reuses one: count those
    calls, not the calls of the graph. The backend you give ``torch.compile`` must be that callable
    (a function, or an object with ``__call__``), not a name: the tests check it, so no reading of
    dynamo's own counters (``torch._dynamo.utils.counters``) behind a named backend. Count from 0
    on every call of ``count_compiles``: dynamo keeps its cached graphs, the sizes it saw change
    and its recompile count from one ``torch.compile`` to the next (they live on the code, shared
    by every model), so call ``torch.compiler.reset()`` first (not only at the end).

    Observe, do not predict. The tests pass models and inputs whose count no rule over the batch
    sizes gets right, and the count must equal what the test's own counting backend sees on the
    same inputs, with dynamo's default settings: a forward with a graph break compiles two graphs
    at a time; with ``dynamic=None`` the order of the sizes matters; batch size 1 is specialized
    even with ``dynamic=True``; once a piece of code has 8 compiled graphs
    (``torch._dynamo.config.recompile_limit``, 8 by default: leave it and the rest of dynamo's
    config as they are) dynamo stops compiling it and runs it eagerly (it warns, the tests hush
    it; hushing warnings yourself is fine). Grad mode is yours to pick: calling the compiled model
    under ``torch.no_grad()`` gives the same count. Leave the inputs as they are (no
    ``torch._dynamo.mark_dynamic`` on them: ``dynamic`` says how sizes are treated).

    >>> model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    >>> batches = [torch.randn(n, 4) for n in (2, 3, 5, 7)]
    >>> count_compiles(model, batches, dynamic=False)
    4   # one graph per batch size
    >>> count_compiles(model, batches, dynamic=None)
    2   # a static graph for 2, then one with a symbolic batch size
    >>> count_compiles(model, batches, dynamic=True)
    1
    """
    raise NotImplementedError("count_compiles(): not implemented yet (kata graphs/compile)")
