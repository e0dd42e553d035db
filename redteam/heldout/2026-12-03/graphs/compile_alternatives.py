"""Blind red team: correct answers in other styles for kata graphs/compile."""
import warnings

import torch

from katas._support.mistakes import alternative


@alternative("the 'eager' backend instead of 'aot_eager', with dynamic=True", replaces="compiled")
def eager_backend_dynamic(model):
    return torch.compile(model, backend="eager", dynamic=True)


@alternative("model.compile(...) in place, returning the model itself", replaces="compiled")
def module_compile_in_place(model):
    model.compile(backend="aot_eager")
    return model


@alternative("a backend function of my own that runs the captured GraphModule as it is", replaces="compiled")
def own_backend_function(model):
    def run_graph_as_is(gm, example_inputs):
        return gm.forward

    return torch.compile(model, backend=run_graph_as_is)


@alternative(
    "counting backend as an object with __call__ that returns the GraphModule itself; calls under "
    "torch.no_grad(); warnings hushed",
    replaces="count_compiles",
)
def callable_object_backend(model, inputs, dynamic=None):
    class CountingBackend:
        def __init__(self):
            self.graphs = 0

        def __call__(self, gm, example_inputs):
            self.graphs += 1
            return gm

    torch.compiler.reset()
    backend = CountingBackend()
    compiled_model = torch.compile(model, backend=backend, dynamic=dynamic)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.no_grad():
            for x in inputs:
                compiled_model(x)
    return int(backend.graphs)


@alternative("graphs collected in a list; the backend returns a lambda that calls the graph", replaces="count_compiles")
def list_of_graphs(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = []

    def backend(gm, example_inputs):
        graphs.append(gm)
        return lambda *args: gm(*args)

    compiled_model = torch.compile(model, dynamic=dynamic, backend=backend)
    for x in inputs:
        compiled_model(x)
    return len(graphs)
