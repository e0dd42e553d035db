"""Named mistakes of kata graphs/compile."""

import copy

import torch

from katas._support.mistakes import mistake


@mistake("returned the model itself: it still runs eagerly, nothing is compiled", replaces="compiled")
def still_eager(model):
    return model


@mistake("torch.compile with its default backend, inductor, which writes C++ and needs a C++ compiler",
         replaces="compiled")
def default_inductor(model):
    return torch.compile(model)


@mistake("returned what model.compile(...) returns, which is None: it compiles the model in place",
         replaces="compiled")
def returned_model_compile(model):
    return model.compile(backend="aot_eager")


@mistake("forgot torch.compiler.reset(): what dynamo learnt before (sizes that changed, cached graphs, the "
         "recompile count) changes the count", replaces="count_compiles")
def no_reset(model, inputs, dynamic=None):
    graphs = 0

    def counting(graph_module, example_inputs):
        nonlocal graphs
        graphs += 1
        return graph_module.forward

    fast = torch.compile(model, backend=counting, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return graphs


@mistake("counted the calls of the compiled graph instead of the calls of the backend", replaces="count_compiles")
def counts_graph_calls(model, inputs, dynamic=None):
    torch.compiler.reset()
    calls = 0

    def counting(graph_module, example_inputs):
        def run(*args):
            nonlocal calls
            calls += 1
            return graph_module.forward(*args)
        return run

    fast = torch.compile(model, backend=counting, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return calls


# Written blind, from the stub alone (red team, 2026-12)


@mistake("picked mode='reduce-overhead' for speed, which silently selects inductor", replaces="compiled")
def compiled_mode_reduce_overhead(model):
    return torch.compile(model, mode="reduce-overhead")


@mistake("asked for fullgraph=True so it 'really' compiles; a forward with a graph break now raises",
         replaces="compiled")
def compiled_fullgraph(model):
    return torch.compile(model, backend="aot_eager", fullgraph=True)


@mistake("used TorchScript (torch.jit.script) instead of torch.compile: dynamo never compiles a graph",
         replaces="compiled")
def compiled_jit_script(model):
    return torch.jit.script(model)


@mistake("compiled a deepcopy to keep the caller's model untouched; gradients land on the copy's parameters",
         replaces="compiled")
def compiled_deepcopy(model):
    return torch.compile(copy.deepcopy(model), backend="aot_eager")


@mistake("ran the compiled model under torch.no_grad() for speed: no graph for backward", replaces="compiled")
def compiled_under_no_grad(model):
    c = torch.compile(model, backend="eager")

    def run(x):
        with torch.no_grad():
            return c(x)

    return run


@mistake("wrote my own backend that detaches the graph inputs (params included): forward ok, no gradients",
         replaces="compiled")
def compiled_detaching_backend(model):
    def backend(gm, example_inputs):
        def run(*args):
            return gm.forward(*[a.detach() if isinstance(a, torch.Tensor) else a for a in args])
        return run

    return torch.compile(model, backend=backend)


@mistake("cached the compiled wrapper in a module global: every later model gets the first model's wrapper",
         replaces="compiled")
def compiled_global_cache(model, _cache={}):
    if "c" not in _cache:
        _cache["c"] = torch.compile(model, backend="aot_eager")
    return _cache["c"]


@mistake("called torch.compiler.reset() before every call 'to be safe': a seen shape compiles again",
         replaces="compiled")
def compiled_reset_every_call(model):
    c = torch.compile(model, backend="aot_eager")

    def run(x):
        torch.compiler.reset()
        return c(x)

    return run


@mistake("converted model and input to float64 for accuracy: returns float64 and changes the caller's model",
         replaces="compiled")
def compiled_double(model):
    c = torch.compile(model.double(), backend="aot_eager")

    def run(x):
        return c(x.double())

    return run


@mistake("put the model in eval() before compiling: changes the caller's model, batchnorm/dropout act differently",
         replaces="compiled")
def compiled_eval_mode(model):
    return torch.compile(model.eval(), backend="aot_eager")


@mistake("reset at the end instead of first: leftovers from whatever ran before still count",
         replaces="count_compiles")
def count_reset_at_end(model, inputs, dynamic=None):
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    torch.compiler.reset()
    return n


@mistake("predicted the count from the batch sizes instead of observing it", replaces="count_compiles")
def count_predicted(model, inputs, dynamic=None):
    sizes = [x.shape[0] for x in inputs]
    if not sizes:
        return 0
    if dynamic is False:
        return len(set(sizes))
    if dynamic is True:
        return 1
    return 1 if len(set(sizes)) == 1 else 2


@mistake("kept the counter in a module-level global that is never set back to 0", replaces="count_compiles")
def count_global_counter(model, inputs, dynamic=None, _count=[0]):
    torch.compiler.reset()

    def backend(gm, example_inputs):
        _count[0] += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    return _count[0]


@mistake("forgot to pass dynamic= through to torch.compile", replaces="count_compiles")
def count_ignores_dynamic(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend)
    for x in inputs:
        c(x)
    return n


@mistake("returned the list of compiled graphs rather than how many", replaces="count_compiles")
def count_returns_list(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = []

    def backend(gm, example_inputs):
        graphs.append(gm)
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    return graphs


@mistake("counted distinct graph code, so identical graphs for different static sizes count once",
         replaces="count_compiles")
def count_unique_code(model, inputs, dynamic=None):
    torch.compiler.reset()
    codes = set()

    def backend(gm, example_inputs):
        codes.add(gm.code)
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    return len(codes)


@mistake("raised the recompile limit (for this count only) so dynamo never falls back to eager: counts graphs "
         "dynamo would not normally compile", replaces="count_compiles")
def count_raised_recompile_limit(model, inputs, dynamic=None):
    torch.compiler.reset()
    old = torch._dynamo.config.recompile_limit
    torch._dynamo.config.recompile_limit = 64
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    try:
        c = torch.compile(model, backend=backend, dynamic=dynamic)
        for x in inputs:
            c(x)
    finally:
        torch._dynamo.config.recompile_limit = old
    return n


@mistake("called the compiled model only once per distinct shape, since repeats compile nothing anyway",
         replaces="count_compiles")
def count_skip_repeated_shapes(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    seen = set()
    for x in inputs:
        if tuple(x.shape) in seen:
            continue
        seen.add(tuple(x.shape))
        c(x)
    return n


@mistake("sorted the inputs by batch size first; with dynamic=None the order matters", replaces="count_compiles")
def count_sorted_inputs(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in sorted(inputs, key=lambda t: t.shape[0]):
        c(x)
    return n


@mistake("ran the plain model once first to check the inputs work: an extra call of the model",
         replaces="count_compiles")
def count_eager_sanity_call(model, inputs, dynamic=None):
    torch.compiler.reset()
    if inputs:
        model(inputs[0])
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    return n


@mistake("used fullgraph=True: a forward with a graph break raises instead of compiling two graphs",
         replaces="count_compiles")
def count_fullgraph(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic, fullgraph=True)
    for x in inputs:
        c(x)
    return n


@mistake("called torch.compile anew for every input (a fresh counting backend each time)",
         replaces="count_compiles")
def count_compile_per_input(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0
    for x in inputs:
        def backend(gm, example_inputs):
            nonlocal n
            n += 1
            return gm.forward

        torch.compile(model, backend=backend, dynamic=dynamic)(x)
    return n


@mistake("marked the batch dim dynamic on the caller's inputs myself: dynamic=None/False no longer behave as asked",
         replaces="count_compiles")
def count_mark_dynamic(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        if x.shape[0] > 1:
            torch._dynamo.mark_dynamic(x, 0)
        c(x)
    return n


@mistake("returned the number of RE-compiles (backend calls minus the first one)", replaces="count_compiles")
def count_recompiles_only(model, inputs, dynamic=None):
    torch.compiler.reset()
    n = 0

    def backend(gm, example_inputs):
        nonlocal n
        n += 1
        return gm.forward

    c = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        c(x)
    return max(n - 1, 0)


# From the red team's notes (the merger's own wording)


@mistake("read dynamo's own counter (counters['stats']['unique_graphs']) with the 'eager' backend instead of counting "
         "with a backend of its own: torch.compiler.reset() does not clear that counter", replaces="count_compiles")
def count_dynamo_counters(model, inputs, dynamic=None):
    from torch._dynamo.utils import counters

    torch.compiler.reset()
    compiled = torch.compile(model, backend="eager", dynamic=dynamic)
    for x in inputs:
        compiled(x)
    return counters["stats"]["unique_graphs"]


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("went around torch.compile: torch._dynamo.optimize('eager') and the change in dynamo's own graph counter",
         replaces="count_compiles")
def dynamo_optimize_and_counter_delta(model, inputs, dynamic=None):
    from torch._dynamo.utils import counters

    torch.compiler.reset()
    before = counters["stats"]["unique_graphs"]
    fast = torch._dynamo.optimize("eager", dynamic=dynamic)(model)
    for x in inputs:
        fast(x)
    return counters["stats"]["unique_graphs"] - before


@mistake("put the model in training mode first, 'because backward needs it'", replaces="compiled")
def compiled_in_train_mode(model):
    model.train()
    return torch.compile(model, backend="aot_eager")
