"""Reference answer of kata graphs/compile."""

from collections.abc import Callable

import torch


def compiled(model: torch.nn.Module) -> Callable[[torch.Tensor], torch.Tensor]:
    # aot_eager: dynamo captures the graph, AOTAutograd traces forward and backward, and eager
    # kernels run them; no code is generated, so no C++ compiler is needed (inductor needs one).
    return torch.compile(model, backend="aot_eager")


def count_compiles(model: torch.nn.Module, inputs: list[torch.Tensor], dynamic: bool | None = None) -> int:
    torch.compiler.reset()  # dynamo's caches and shape history live on the code, not on one compile
    graphs = 0

    def counting(graph_module: torch.fx.GraphModule, example_inputs: list[torch.Tensor]) -> Callable:
        nonlocal graphs
        graphs += 1  # called once per graph compiled, never when a cached graph runs
        return graph_module.forward

    fast = torch.compile(model, backend=counting, dynamic=dynamic)
    for x in inputs:
        fast(x)
    return graphs
