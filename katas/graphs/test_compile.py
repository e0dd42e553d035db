"""Tests of kata graphs/compile: a compiled model gives eager's results; compiles are observed.

The number of compiles is never computed from the batch sizes here: the test compiles the same
kind of model over the same inputs with its own counting backend, after
``torch.compiler.reset()`` (an oracle, cached per case: it does not depend on the learner's code),
and the model counts its own calls in a buffer. The property test resets dynamo before the
learner's code (a case and Hypothesis' rerun of it are judged alike);
``test_count_compiles_starts_from_zero_on_every_call`` runs the oracle uncached just before the
learner's code, so a ``count_compiles`` that forgets to reset (or resets only at the end) meets
the oracle's leftovers, then calls it a second time on its own leftovers. Inductor is refused
while the learner's code runs (it would need a C++ compiler, which this machine may or may not
have), and whether something was compiled is read from dynamo's own graph counter.

A failing explicit example stops its test (``report_multiple_bugs=False``): the learner reads one
message, and a wrong answer costs one failing case, not every compile of every case.
"""

import functools
import logging
from contextlib import contextmanager

import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st

from katas._support.checks import KataMismatch, check_equal, check_tensor, describe, error_line, fail

NO_INDUCTOR = ('torch.compile(model, backend="aot_eager") (or "eager"): inductor, the default and what '
               "every mode= picks, writes C++ and needs a C++ compiler")


class Probe(torch.nn.Module):
    """Linear(4, 8), ReLU, Linear(8, 2) with fixed weights. ``calls`` counts its calls: an in-place
    add that dynamo keeps in the graph, so compiled calls count too. With ``graph_break`` dynamo
    cannot capture the forward whole and compiles it as two graphs."""

    def __init__(self, graph_break: bool = False) -> None:
        import torch._dynamo  # noqa: F401  (forward uses torch._dynamo.graph_break, also when run eagerly)

        super().__init__()
        torch.manual_seed(0)
        self.first, self.second, self.graph_break = torch.nn.Linear(4, 8), torch.nn.Linear(8, 2), graph_break
        self.register_buffer("calls", torch.zeros((), dtype=torch.int64))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls.add_(1)
        hidden = torch.relu(self.first(x))
        if self.graph_break:
            torch._dynamo.graph_break()  # a no-op when run eagerly
        return self.second(hidden)

    def __repr__(self) -> str:
        return "model (Linear, ReLU, graph break, Linear)" if self.graph_break else "model (Linear, ReLU, Linear)"


def _layer_norm_mlp() -> torch.nn.Module:
    torch.manual_seed(1)
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.LayerNorm(8), torch.nn.Tanh(), torch.nn.Linear(8, 3))


MODELS = {
    "Sequential(Linear, ReLU, Linear)": lambda: Probe(),
    "a model with a graph break": lambda: Probe(graph_break=True),
    "Sequential(Linear, LayerNorm, Tanh, Linear)": _layer_norm_mlp,
}


def batches(sizes: list[int], seed: int = 0) -> list[torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    return [torch.randn(size, 4, generator=generator) for size in sizes]


def graphs_compiled() -> int:
    """Dynamo's own count of the graphs it compiled (any backend) since the last counters.clear()."""
    from torch._dynamo.utils import counters

    return counters["stats"]["unique_graphs"]


def is_graph_break(error):
    """Dynamo refusing a graph break (what fullgraph=True raises on one): the hint about fullgraph
    fits it; any other error is the learner's own and is let through as it came."""
    import torch._dynamo.exc

    return isinstance(error, torch._dynamo.exc.Unsupported)


@contextmanager
def quiet_dynamo():
    """Hush dynamo's recompile-limit warning (the kata's docstring tells the learner about it)."""
    logger = logging.getLogger("torch._dynamo")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextmanager
def inductor_refused(call: str):
    """Inductor (by default, by name, through mode=, or looked up by dynamo) fails while the block
    runs, and the block fails with the rule even when the error was caught or wrapped."""
    import torch._dynamo
    from torch._dynamo.backends.registry import _COMPILER_FNS, lookup_backend

    used: list[bool] = []

    def refused(*args, **kwargs):
        used.append(True)
        raise RuntimeError("inductor is refused in this kata: it generates C++ and needs a C++ compiler")

    lookup_backend("inductor")  # registers the entry replaced below
    saved_fn, saved_call = _COMPILER_FNS["inductor"], torch._TorchCompileInductorWrapper.__call__
    _COMPILER_FNS["inductor"], torch._TorchCompileInductorWrapper.__call__ = refused, refused
    try:
        yield
    except KataMismatch:
        raise
    except Exception as error:
        if used:
            fail(call, "backend", "a backend that needs no C compiler", "inductor", NO_INDUCTOR)
        if is_graph_break(error):
            fail(call, "behaviour", "the compiled model's output", error_line(error),
                 "torch.compile(model, backend=...) with no fullgraph=True "
                 "runs every forward eager PyTorch runs, graph breaks included")
        raise  # any other error: the learner's own, as it came
    finally:
        _COMPILER_FNS["inductor"], torch._TorchCompileInductorWrapper.__call__ = saved_fn, saved_call
    if used:
        fail(call, "backend", "a backend that needs no C compiler", "inductor", NO_INDUCTOR)


def compiled_by(kata, model, call):
    """kata.compiled(model), which must be something the tests can call."""
    fast = kata.compiled(model)
    if not callable(fast):
        fail(call, "result", "a callable (the compiled model)", describe(fast),
             "return what torch.compile(model, backend=...) returns, or call model.compile(backend=...) (it "
             "returns None) and then return model")
    return fast


def compiled_outputs(kata, model, inputs, call):
    """compiled(model) called on each input, inductor refused; also the graphs compiled per call."""
    torch.compiler.reset()
    outputs, graphs = [], []
    with inductor_refused(call), quiet_dynamo():
        fast = compiled_by(kata, model, call)
        for x in inputs:
            before = graphs_compiled()
            outputs.append(fast(x))
            graphs.append(graphs_compiled() - before)
    return outputs, graphs


@settings(max_examples=2, report_multiple_bugs=False)
@given(name=st.sampled_from(sorted(MODELS)), sizes=st.lists(st.integers(1, 6), min_size=1, max_size=3),
       seed=st.integers(0, 2**16))
@example(name="Sequential(Linear, ReLU, Linear)", sizes=[2, 3, 5], seed=0)  # three batch sizes, one compiled model
@example(name="a model with a graph break", sizes=[3, 1], seed=1)  # fullgraph=True fails here
def test_compiled_gives_the_eager_outputs(kata, name, sizes, seed):
    model, inputs = MODELS[name](), batches(sizes, seed)
    with torch.no_grad():
        expected = [model(x) for x in inputs]
    call = f"compiled({name}) called on float32 batches of sizes {sizes}"
    calls_before = int(getattr(model, "calls", 0))
    outputs, _ = compiled_outputs(kata, model, inputs, call)
    for x, got, want in zip(inputs, outputs, expected):
        check_tensor(got, want, framework="torch", call=f"{call}: on the {tuple(x.shape)} batch", rtol=1e-5, atol=1e-5,
                     misconception="the compiled model computes what the model computes, as a tensor of the same "
                     "dtype and shape, for every batch size")
    if isinstance(model, Probe):
        check_equal(int(model.calls) - calls_before, len(inputs), call=call,
                    what="calls of the model itself (its buffer `calls` counts them)",
                    misconception="compile the model you were given, not a copy of it (or a model compiled earlier): "
                    "the compiled model runs that very model, its buffers and parameters")
    check_equal(model.training, True, call=call, what="model.training afterwards (the model was in training mode)",
                misconception="leave the model's mode as it is: no model.eval() (a BatchNorm or Dropout model would "
                "compute something else than the model)")
    check_equal(sorted({str(p.dtype) for p in model.parameters()}), ["torch.float32"], call=call,
                what="dtype of the model's parameters afterwards",
                misconception="leave the model's dtype as it is: no model.double() or .half()")


def test_compiled_compiles_once_and_reuses_the_graph(kata):
    model, inputs = Probe().eval(), batches([3, 3, 3])
    call = "compiled(model in eval mode) called 3 times on float32 (3, 4) batches"
    _, graphs = compiled_outputs(kata, model, inputs, call)
    check_equal(model.training, False, call=call, what="model.training afterwards (the model was in eval mode)",
                misconception="leave the model's mode as it is: no model.train() either")
    if graphs[0] < 1:
        fail(call, "graphs compiled by the first call", "at least 1 (dynamo captures the forward)", graphs[0],
             "return torch.compile(model, backend=...): the model itself, a wrapper that runs it eagerly, "
             "torch.jit or torch.export compile nothing through dynamo")
    check_equal(graphs[1:], [0, 0], call=call, what="graphs compiled by the 2nd and 3rd calls (same shape)",
                misconception="compile once and keep the compiled model: a torch.compile (or a new backend) "
                "made inside each call compiles again")


def test_compiled_gives_eager_gradients(kata):
    model, (x,) = Probe(), batches([5])
    model(x).square().sum().backward()
    expected = {name: parameter.grad.clone() for name, parameter in model.named_parameters()}
    model.zero_grad(set_to_none=True)
    call = "compiled(model)(x).square().sum().backward(), x a float32 (5, 4) batch"
    with inductor_refused(call), quiet_dynamo():
        torch.compiler.reset()
        output = compiled_by(kata, model, call)(x)
        if not isinstance(output, torch.Tensor) or not output.requires_grad:
            got = f"{describe(output)}, requires_grad=False" if isinstance(output, torch.Tensor) else describe(output)
            fail(call, "output", "a tensor that requires grad (autograd flows through the compiled model)", got,
                 "return the compiled model itself: no torch.no_grad, inference_mode or detach")
        output.square().sum().backward()
    for name, parameter in model.named_parameters():
        if parameter.grad is None:
            fail(call, f"gradient of {name}", "a tensor", None, "backward through the compiled model reaches the "
                 "model's own parameters: compile the model, not a copy of it")
        check_tensor(parameter.grad, expected[name], framework="torch", call=f"{call}: gradient of {name}",
                     rtol=1e-5, atol=1e-5, misconception="backward through a compiled model gives eager's gradients")


_observed: dict[tuple, int] = {}


def observed_compiles(sizes: list[int], dynamic: bool | None, graph_break: bool, cached: bool = True) -> int:
    """The oracle: after a reset, one torch.compile of a fresh Probe with a counting backend. Its
    count depends only on the case (not on the learner's code), so it is computed once per case;
    ``cached=False`` runs it anyway, to leave its state in dynamo just before the learner's code."""
    key = (tuple(sizes), dynamic, graph_break)
    if cached and key in _observed:
        return _observed[key]
    torch.compiler.reset()
    graphs = 0

    def counting(graph_module, example_inputs):
        nonlocal graphs
        graphs += 1
        return graph_module.forward

    fast = torch.compile(Probe(graph_break), backend=counting, dynamic=dynamic)
    for x in batches(sizes):
        fast(x)
    _observed[key] = graphs
    return graphs


@contextmanager
def torch_compile_calls():
    """The torch.compile calls made in the block that were given a model (the decorator form's
    first call is not one)."""
    original, calls = torch.compile, []
    optimize, inside = torch._dynamo.optimize, []

    @functools.wraps(original)
    def spy(*args, **kwargs):
        if (args[0] if args else kwargs.get("model")) is not None:
            calls.append(kwargs)
        inside.append(True)
        try:
            return original(*args, **kwargs)
        finally:
            inside.pop()

    @functools.wraps(optimize)
    def optimize_spy(*args, **kwargs):  # torch.compile's own way into dynamo; called directly, it is not one
        if not inside:
            calls.append({"backend": "torch._dynamo.optimize called directly", "direct": True})
        return optimize(*args, **kwargs)

    torch.compile, torch._dynamo.optimize = spy, optimize_spy
    try:
        yield calls
    finally:
        torch.compile, torch._dynamo.optimize = original, optimize


def check_count(kata, sizes, dynamic, graph_break, attempt="", after_oracle=False):
    """count_compiles on a fresh Probe and fresh batches against the oracle's count. The learner's
    code starts from a clean dynamo (so a case and its rerun are judged alike), except
    ``after_oracle`` (the oracle's leftovers) and a second ``attempt`` (the first one's)."""
    with quiet_dynamo():
        expected = observed_compiles(sizes, dynamic, graph_break, cached=not after_oracle)
        if not (after_oracle or attempt):
            torch.compiler.reset()
        probe, inputs = Probe(graph_break), batches(sizes)
        call = f"count_compiles({probe!r}, [batches of sizes {sizes}], dynamic={dynamic}){attempt}"
        with torch_compile_calls() as compiles:
            try:
                got = kata.count_compiles(probe, inputs, dynamic)
            except (NotImplementedError, KataMismatch):
                raise
            except Exception as error:
                if not is_graph_break(error):
                    raise  # the learner's own error, as it came
                fail(call, "behaviour", "the number of graphs compiled", error_line(error),
                     "no fullgraph=True: a forward with a graph break compiles as two graphs, with its Python run "
                     "between them")
    if marked := [tuple(x.shape) for x in inputs if hasattr(x, "_dynamo_dynamic_indices")]:
        fail(call, "inputs afterwards", "as they were", f"the batches of shapes {marked} marked dynamic",
             "leave the inputs alone: the given dynamic says how dynamo treats their sizes")
    check_equal(type(got), int, call=call, what="type of the result", misconception="return the counter, an int")
    check_equal(int(probe.calls), len(inputs), call=call, what="number of calls of the model",
                misconception="call the compiled model once on each input, and the model in no other way")
    if any(kwargs.get("direct") for kwargs in compiles):
        fail(call, "way into dynamo", "torch.compile(model, backend=counting, dynamic=dynamic)",
             "torch._dynamo.optimize(...) called directly", "call torch.compile itself, with a counting backend of "
             "your own: dynamo's internal entry points and its counters are not the compiled model's story")
    if len(compiles) > 1:
        fail(call, "number of torch.compile calls", 1, len(compiles), "make ONE compiled version and call it on "
             "every input: a torch.compile per input is not the compiled model the count is about")
    if compiles and not callable(backend := compiles[0].get("backend", "inductor")):
        fail(call, "backend given to torch.compile", "a counting backend of your own (a callable)", repr(backend),
             "write the backend: a function (graph_module, example_inputs) that counts its calls and returns "
             "graph_module.forward; dynamo's own counters are not it (torch.compiler.reset() does not clear them)")
    if isinstance(got, int) and got > expected and len(set(sizes)) > 8:
        hint = ("dynamo stops compiling a piece of code once it has 8 graphs (torch._dynamo.config.recompile_limit, "
                "8 by default: leave dynamo's config as it is) and runs the later calls eagerly, compiling nothing")
    elif got == len(inputs) != expected:
        hint = "count the calls of the backend (one per graph compiled), not the calls of the graph or the inputs"
    else:
        hint = ("observe, do not predict: torch.compiler.reset() first, then ONE torch.compile(model, backend="
                "counting, dynamic=dynamic) called on every input; a count from the sizes misses graph breaks, "
                "automatic dynamic shapes and the recompile limit")
    check_equal(got, expected, call=call, what="number of graphs compiled", misconception=f"{hint} (the expected "
                "count is what the test's own counting backend saw on the same inputs, after a reset)")


@settings(max_examples=3, report_multiple_bugs=False)
@given(sizes=st.lists(st.integers(1, 6), min_size=1, max_size=5), dynamic=st.sampled_from([False, None, True]),
       graph_break=st.booleans())
# No rule over the batch sizes gives these counts; compiling does (cheapest first: the first failure stops the test):
@example(sizes=[2, 2, 2], dynamic=None, graph_break=False)  # 1: three calls, one compile
@example(sizes=[2, 3, 5, 7], dynamic=False, graph_break=False)  # 4: one graph per size
@example(sizes=[2, 3, 5, 7], dynamic=None, graph_break=False)  # 2: static, then symbolic (1 without a reset)
@example(sizes=[2, 3, 5, 7], dynamic=True, graph_break=False)  # 1: symbolic from the start
@example(sizes=[1, 2, 3], dynamic=True, graph_break=False)  # 2: size 1 is specialized
@example(sizes=[2, 3, 1], dynamic=None, graph_break=False)  # 3, although [1, 2, 3] gives 2
@example(sizes=[2, 3], dynamic=None, graph_break=True)  # 4: a graph break compiles two graphs at a time
@example(sizes=list(range(1, 12)), dynamic=False, graph_break=False)  # 8: the recompile limit, then eager
@example(sizes=[], dynamic=None, graph_break=False)  # 0: no input, nothing compiled
def test_count_compiles_observes_the_compiles(kata, sizes, dynamic, graph_break):
    check_count(kata, sizes, dynamic, graph_break)


def test_count_compiles_starts_from_zero_on_every_call(kata):
    # the oracle runs uncached first: its sizes seen and cached graphs are in dynamo when the learner's code starts
    check_count(kata, [2, 3, 5, 7], None, False, ", just after the test's own torch.compile of this kind of model",
                after_oracle=True)
    check_count(kata, [2, 3, 5, 7], None, False, ", called a second time")
