"""Blind red team: wrong answers for kata graphs/compile."""
import copy

import torch
import torch._dynamo.config
from katas._support.mistakes import mistake

# Running total used by `leaky_global_counter` (never set back to 0 between calls).
_LEAKY_TOTAL = [0]


# ---------------------------------------------------------------- compiled

@mistake("left torch.compile on its default backend; the default must be the fast one (but it is inductor)",
         replaces="compiled")
def default_inductor_backend(model):
    return torch.compile(model)


@mistake("compiled a deep copy so the caller's model stays untouched; the copy gets the grads and buffer updates",
         replaces="compiled")
def compiles_a_copy(model):
    return torch.compile(copy.deepcopy(model), backend="aot_eager")


@mistake("wrapped the compiled call in torch.no_grad() because a compiled model is for fast inference",
         replaces="compiled")
def no_grad_around_compiled(model):
    fast = torch.compile(model, backend="eager")

    def run(x):
        with torch.no_grad():
            return fast(x)

    return run


@mistake("calls torch.compiler.reset() before each call to start clean, so every call compiles again",
         replaces="compiled")
def resets_before_every_call(model):
    fast = torch.compile(model, backend="eager")

    def run(x):
        torch.compiler.reset()
        return fast(x)

    return run


@mistake("asked for fullgraph=True to be sure the whole forward becomes one graph", replaces="compiled")
def fullgraph_true(model):
    return torch.compile(model, backend="aot_eager", fullgraph=True)


@mistake("returned what model.compile(...) returns, as if it handed back the model like .to() does (it returns None)",
         replaces="compiled")
def returns_model_compile_result(model):
    return model.compile(backend="eager")


# ---------------------------------------------------------------- count_compiles

@mistake("never resets dynamo, so graphs, seen sizes and recompile counts of earlier compiles carry over",
         replaces="count_compiles")
def no_reset(model, inputs, dynamic=None):
    count = 0

    def backend(graph_module, example_inputs):
        nonlocal count
        count += 1
        return graph_module.forward

    fast = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return count


@mistake("resets dynamo only when done (cleaning up after itself), not before counting",
         replaces="count_compiles")
def reset_only_at_end(model, inputs, dynamic=None):
    count = 0

    def backend(graph_module, example_inputs):
        nonlocal count
        count += 1
        return graph_module.forward

    try:
        fast = torch.compile(model, backend=backend, dynamic=dynamic)
        for x in inputs:
            fast(x)
        return count
    finally:
        torch.compiler.reset()


@mistake("counts every run of the compiled graph instead of every compilation", replaces="count_compiles")
def counts_graph_runs(model, inputs, dynamic=None):
    torch.compiler.reset()
    runs = 0

    def backend(graph_module, example_inputs):
        def run_graph(*args):
            nonlocal runs
            runs += 1
            return graph_module.forward(*args)

        return run_graph

    fast = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return runs


@mistake("works the count out from the batch sizes (the docstring's rules) instead of compiling and observing",
         replaces="count_compiles")
def predicts_from_batch_sizes(model, inputs, dynamic=None):
    sizes = list(dict.fromkeys(int(x.shape[0]) for x in inputs))
    if not sizes:
        return 0
    if dynamic is False:
        return len(sizes)
    if dynamic is True:
        return 1
    return 1 if len(sizes) == 1 else 2


@mistake("forgot to pass dynamic= on to torch.compile, so it always uses the default", replaces="count_compiles")
def ignores_dynamic(model, inputs, dynamic=None):
    torch.compiler.reset()
    count = 0

    def backend(graph_module, example_inputs):
        nonlocal count
        count += 1
        return graph_module.forward

    fast = torch.compile(model, backend=backend)
    for x in inputs:
        fast(x)
    return count


@mistake("raised the recompile limit so dynamo stops warning and compiles every size",
         replaces="count_compiles")
def raises_recompile_limit(model, inputs, dynamic=None):
    torch.compiler.reset()
    count = 0

    def backend(graph_module, example_inputs):
        nonlocal count
        count += 1
        return graph_module.forward

    with torch._dynamo.config.patch(recompile_limit=64):
        fast = torch.compile(model, backend=backend, dynamic=dynamic)
        for x in inputs:
            fast(x)
    return count


@mistake("resets dynamo but keeps the compile count in a module-level total that is never zeroed",
         replaces="count_compiles")
def leaky_global_counter(model, inputs, dynamic=None):
    torch.compiler.reset()

    def backend(graph_module, example_inputs):
        _LEAKY_TOTAL[0] += 1
        return graph_module.forward

    fast = torch.compile(model, backend=backend, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return _LEAKY_TOTAL[0]
