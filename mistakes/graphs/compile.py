"""Named mistakes of kata graphs/compile."""

import torch

from katas._support.mistakes import mistake


@mistake("returned the model itself: it still runs eagerly, nothing is compiled", replaces="compiled")
def still_eager(model):
    return model


@mistake("torch.compile with its default backend, inductor, which writes C++ and needs a C++ compiler",
         replaces="compiled")
def default_inductor(model):
    return torch.compile(model)


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

