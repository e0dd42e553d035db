"""Correct alternatives of kata graphs/compile: other styles the tests must accept."""

import torch

from katas._support.mistakes import alternative

# Written blind, from the stub alone (red team, 2026-12)


# ----------------------------------------------------------------------------- compiled


@alternative("plain 'eager' backend instead of aot_eager", replaces="compiled")
def compiled_eager_backend(model):
    return torch.compile(model, backend="eager")


@alternative("torch.compile used as a decorator factory: torch.compile(backend=...)(model)", replaces="compiled")
def compiled_decorator_form(model):
    return torch.compile(backend="aot_eager")(model)


@alternative("compiles a closure that calls the model, dynamic=True from the start", replaces="compiled")
def compiled_closure_dynamic(model):
    @torch.compile(backend="aot_eager", dynamic=True)
    def run(x):
        return model(x)

    return run


@alternative("dynamic=False: specializes every batch size (recompiles per size, still correct outputs)",
             replaces="compiled")
def compiled_static_shapes(model):
    return torch.compile(model, backend="eager", dynamic=False)


@alternative("compiles the bound forward method rather than the module", replaces="compiled")
def compiled_bound_forward(model):
    return torch.compile(model.forward, backend="aot_eager")


# ----------------------------------------------------------------------------- count_compiles


class _CountingBackend:
    def __init__(self):
        self.graphs = 0

    def __call__(self, gm, example_inputs):
        self.graphs += 1
        return gm  # a GraphModule is itself callable


@alternative("counting backend as a small class with __call__, returns the GraphModule itself",
             replaces="count_compiles")
def count_with_class_backend(model, inputs, dynamic=None):
    torch._dynamo.reset()
    backend = _CountingBackend()
    opt = torch.compile(model, dynamic=dynamic, backend=backend)
    for x in inputs:
        opt(x)
    return backend.graphs


@alternative("collects the graph modules in a list and returns len() (map over the inputs)", replaces="count_compiles")
def count_with_list(model, inputs, dynamic=None):
    torch.compiler.reset()
    seen = []

    def backend(graph_module, example_inputs):
        seen.append(graph_module)
        return graph_module.forward

    opt = torch.compile(model, backend=backend, dynamic=dynamic)
    list(map(opt, inputs))
    return int(len(seen))


@alternative("counter in a dict, backend defined before reset, warnings hushed around the calls",
             replaces="count_compiles")
def count_with_dict_and_hushed_warnings(model, inputs, dynamic=None):
    import warnings

    state = {"n": 0}

    def backend(gm, example_inputs):
        state["n"] += 1
        return gm.forward

    torch.compiler.reset()
    opt = torch.compile(model, backend=backend, dynamic=dynamic)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(len(inputs)):
            opt(inputs[i])
    return state["n"]


@alternative("compiles a closure around the model (decorator form) with a counting backend",
             replaces="count_compiles")
def count_with_compiled_closure(model, inputs, dynamic=None):
    torch.compiler.reset()
    count = 0

    def backend(gm, example_inputs):
        nonlocal count
        count += 1
        return gm.forward

    @torch.compile(backend=backend, dynamic=dynamic)
    def run(x):
        return model(x)

    for x in inputs:
        run(x)
    return count



# From the red team's notes, which asked whether these are allowed (the docstring now says they are)


@alternative("a hand-written backend that needs no C compiler: runs the captured graph as it is", replaces="compiled")
def compiled_own_backend(model):
    return torch.compile(model, backend=lambda graph_module, example_inputs: graph_module.forward)


@alternative("nn.Module.compile compiles the model in place; the model itself is returned", replaces="compiled")
def compiled_in_place(model):
    model.compile(backend="aot_eager")
    return model


@alternative("calls the compiled model under torch.no_grad() (grad mode is the same on every call)",
             replaces="count_compiles")
def count_without_grad(model, inputs, dynamic=None):
    torch.compiler.reset()
    graphs = 0

    def counting(graph_module, example_inputs):
        nonlocal graphs
        graphs += 1
        return graph_module.forward

    fast = torch.compile(model, backend=counting, dynamic=dynamic)
    with torch.no_grad():
        for x in inputs:
            fast(x)
    return graphs
