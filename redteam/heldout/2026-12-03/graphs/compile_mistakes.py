"""Blind red team: wrong answers for kata graphs/compile."""
import copy

import torch

from katas._support.mistakes import mistake


# ---------------------------------------------------------------- compiled


@mistake(
    "I called torch.compile(model) with its defaults, as every tutorial does; the default backend "
    "is inductor, which writes and compiles C++ and which the docstring rules out",
    replaces="compiled",
)
def default_inductor(model):
    return torch.compile(model)


@mistake(
    "I compiled a deepcopy of the model so compiling cannot touch the original; the outputs match, "
    "but backward fills the copy's .grad and the copy's buffers update, not the model's",
    replaces="compiled",
)
def compiles_a_copy(model):
    return torch.compile(copy.deepcopy(model), backend="aot_eager")


@mistake(
    "I switched the model to eval() before compiling, as one does for inference; that changes "
    "the caller's model's training mode (and dropout/batch-norm behaviour)",
    replaces="compiled",
)
def switches_to_eval(model):
    model.eval()
    return torch.compile(model, backend="aot_eager")


@mistake(
    "I ran the compiled model under torch.no_grad() to save memory; the output is right but "
    "has no grad_fn, so backward through it cannot reach the parameters",
    replaces="compiled",
)
def runs_under_no_grad(model):
    compiled_model = torch.compile(model, backend="aot_eager")

    def run(x):
        with torch.no_grad():
            return compiled_model(x)

    return run


@mistake(
    "I passed fullgraph=True to be sure everything is in one graph; a forward with a graph break "
    "then raises instead of running its Python between two graphs",
    replaces="compiled",
)
def full_graph_only(model):
    return torch.compile(model, backend="eager", fullgraph=True)


@mistake(
    "I call torch.compiler.reset() before each call to start from a clean state; dynamo forgets "
    "its graphs, so a batch of a shape already seen compiles again",
    replaces="compiled",
)
def resets_before_every_call(model):
    compiled_model = torch.compile(model, backend="eager")

    def run(x):
        torch.compiler.reset()
        return compiled_model(x)

    return run


# ---------------------------------------------------------------- count_compiles


@mistake(
    "I count with my own backend but never call torch.compiler.reset(); graphs that dynamo cached "
    "in an earlier call for the same model are reused and not counted",
    replaces="count_compiles",
)
def no_reset_first(model, inputs, dynamic=None):
    graphs = 0

    def backend(gm, example_inputs):
        nonlocal graphs
        graphs += 1
        return gm.forward

    compiled_model = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        compiled_model(x)
    return graphs


@mistake(
    "my backend returns a wrapper that counts each run of the compiled graph, so I count the "
    "graph's calls (one per input, or more) instead of the compilations",
    replaces="count_compiles",
)
def counts_graph_runs(model, inputs, dynamic=None):
    torch.compiler.reset()
    runs = 0

    def backend(gm, example_inputs):
        def run(*args):
            nonlocal runs
            runs += 1
            return gm.forward(*args)

        return run

    compiled_model = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        compiled_model(x)
    return runs


@mistake(
    "I worked the count out from the batch sizes (one per distinct size if static, one if dynamic, "
    "at most two for the default) instead of observing it: graph breaks, batch size 1 and "
    "the recompile limit are all missed",
    replaces="count_compiles",
)
def predicted_from_batch_sizes(model, inputs, dynamic=None):
    sizes = [x.shape[0] for x in inputs]
    if not sizes:
        return 0
    if dynamic is False:
        return len(set(sizes))
    if dynamic is True:
        return 1
    return min(len(set(sizes)), 2)


@mistake(
    "I only pass dynamic= when it is set (`if dynamic:`), so dynamic=False is dropped and behaves "
    "like the default None: a static graph, then one symbolic one, instead of one per size",
    replaces="count_compiles",
)
def drops_dynamic_false(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = 0

    def backend(gm, example_inputs):
        nonlocal graphs
        graphs += 1
        return gm.forward

    options = {"dynamic": dynamic} if dynamic else {}
    compiled_model = torch.compile(model, backend=backend, **options)
    for x in inputs:
        compiled_model(x)
    return graphs


@mistake(
    "I raised the recompile limit while counting so no compile is missed; the docstring asks "
    "for dynamo's default limit of 8, after which it stops compiling and runs eagerly",
    replaces="count_compiles",
)
def raises_recompile_limit(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = 0

    def backend(gm, example_inputs):
        nonlocal graphs
        graphs += 1
        return gm.forward

    with torch._dynamo.config.patch(recompile_limit=64):
        compiled_model = torch.compile(model, backend=backend, dynamic=dynamic)
        for x in inputs:
            compiled_model(x)
    return graphs


@mistake(
    "I stored each compiled graph's code in a set and returned the number of different ones; "
    "static graphs for two batch sizes have the same code and are counted once",
    replaces="count_compiles",
)
def distinct_graph_code(model, inputs, dynamic=None):
    torch.compiler.reset()
    codes = set()

    def backend(gm, example_inputs):
        codes.add(gm.code)
        return gm.forward

    compiled_model = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        compiled_model(x)
    return len(codes)
