"""Blind red team: correct answers in other styles for kata graphs/compile."""
import warnings

import torch
from katas._support.mistakes import alternative


# ---------------------------------------------------------------- compiled

@alternative("torch.compile with the plain 'eager' backend", replaces="compiled")
def eager_backend(model):
    return torch.compile(model, backend="eager")


@alternative("compiles the model in place with model.compile(backend='aot_eager') and returns the model itself",
             replaces="compiled")
def in_place_module_compile(model):
    model.compile(backend="aot_eager")
    return model


@alternative("a backend function of my own (runs the FX graph eagerly), torch.compile as a decorator on a closure, "
             "dynamic=True", replaces="compiled")
def own_backend_on_closure(model):
    def run_graph_eagerly(graph_module, example_inputs):
        return graph_module.forward

    @torch.compile(backend=run_graph_eagerly, dynamic=True)
    def forward(x):
        return model(x)

    return forward


@alternative("torch.compile of the bound model.forward, backend='aot_eager', dynamic=False", replaces="compiled")
def compiled_bound_forward(model):
    return torch.compile(model.forward, backend="aot_eager", dynamic=False)


# ---------------------------------------------------------------- count_compiles

@alternative("a counting backend object with __call__; the compiled model runs under torch.no_grad()",
             replaces="count_compiles")
def counter_object_backend(model, inputs, dynamic=None):
    class CountingBackend:
        def __init__(self):
            self.graphs = 0

        def __call__(self, graph_module, example_inputs):
            self.graphs += 1
            return graph_module.forward

    torch.compiler.reset()
    backend = CountingBackend()
    fast = torch.compile(model, backend=backend, dynamic=dynamic)
    with torch.no_grad():
        for x in inputs:
            fast(x)
    return backend.graphs


@alternative("backend appends each graph module to a list (returns the GraphModule itself), warnings hushed, "
             "len() of the list", replaces="count_compiles")
def records_graphs_in_list(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = []

    def backend(graph_module, example_inputs):
        graphs.append(graph_module)
        return graph_module

    fast = torch.compile(model, dynamic=dynamic, backend=backend)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for x in inputs:
            fast(x)
    return len(graphs)


@alternative("resets before AND after, counter in a one-element list, int() on the way out",
             replaces="count_compiles")
def reset_before_and_after(model, inputs, dynamic=None):
    torch.compiler.reset()
    seen = [0]

    def counting_backend(gm, example_inputs):
        seen[0] += 1
        return gm.forward

    try:
        compiled_model = torch.compile(model, backend=counting_backend, dynamic=dynamic)
        for batch in inputs:
            _ = compiled_model(batch)
        return int(seen[0])
    finally:
        torch.compiler.reset()
