"""Tests of kata graphs/tracing: the trace freezes a branch, export refuses it, torch.cond keeps both.

The branchy model is the stub's ``Branchy`` (``x * 2`` when ``x.sum() > 0``, else ``-x``). Every
input comes with a partner of the same shape and dtype that takes the other branch (``-x``, or
``x + 1`` when ``x`` sums to exactly 0), so a trace that froze the branch differs from the model
on it, and a module that re-runs the Python ``if`` (the model itself, ``torch.jit.script``,
``torch.compile``) does not. Which errors torch.export raises is never hard-coded here: the test
runs ``torch.export.export`` itself on the same model and compares (an oracle). torch.export
prints the partial graph of a refused model to stderr; the tests hide that print.
"""

import contextlib
import io
import warnings

import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st
from torch import nn

from katas._support.checks import check_tensor, describe, error_line, fail, message_line
from katas._support.strategies import arrays, float_dtypes, shapes, to_torch

pytestmark = pytest.mark.usefixtures("torch_one_thread")  # torch's export chatter: kept quiet by conftest.py

TRACE = "return torch.jit.trace(model, example): it runs model once on example and replays those operations"
COND = "forward: return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: -t, (x,))"
REFUSAL = ("catch only torch.export's refusal of data-dependent control flow (GuardOnDataDependentSymNode or "
           "torch._dynamo.exc.UserError, or a RuntimeError saying 'data-dependent')")


class Branchy(nn.Module):
    """The stub's model: a Python if on the tensor's values."""

    def forward(self, x):
        if x.sum() > 0:
            return x * 2
        return -x

    def __repr__(self) -> str:
        return "Branchy()"


def branchy(x):
    """What Branchy (and SignBranch) computes, eagerly."""
    return x * 2 if x.sum() > 0 else -x


def other_branch(x):
    """An input of x's shape and dtype that takes the other branch of Branchy."""
    return x + 1 if x.sum() == 0 else -x  # -x sums to exactly -x.sum(); a zero sum stays zero


def kind(value) -> str:
    """The type of a value, by name (a GraphModule's repr runs over many lines)."""
    return f"{type(value).__module__}.{type(value).__qualname__}"


def shown(x) -> str:
    """The tensor itself when small, else its description."""
    return repr(x) if x.numel() <= 6 else describe(x)


# Inputs: float32 or float64, 0-D to 2-D; pinned: a zero sum (-x, although some elements are
# positive), a single element, a scalar, all zeros, a negative sum with a positive first element.
inputs = float_dtypes().flatmap(
    lambda dtype: arrays(dtype, shapes(min_dims=0, max_dims=2, max_side=4), bound=10)).map(to_torch)
PINS = [
    torch.tensor([1.0, -1.0]),
    torch.tensor([3.5]),
    torch.tensor(-2.0, dtype=torch.float64),
    torch.zeros(2, 3),
    torch.tensor([[4.0, -1.0], [-2.0, -3.0]]),
    torch.tensor([-1.0, -2.0]),
]


def _quiet(call):
    """call(), with torch.export's print of a refused graph kept off the learner's screen."""
    with contextlib.redirect_stderr(io.StringIO()):
        return call()


# --- trace --------------------------------------------------------------------------------------


class Announcing(Branchy):
    """Branchy that gives a UserWarning and a FutureWarning of its own each time forward runs."""

    def forward(self, x):
        warnings.warn("Announcing: forward ran", UserWarning, stacklevel=2)
        warnings.warn("Announcing: this model changes soon", FutureWarning, stacklevel=2)
        return super().forward(x)

    def __repr__(self) -> str:
        return "Announcing()"


def _traced(kata, x, call, model=None):
    """kata.trace(model or Branchy(), x), its type checked; and the warnings that reached the caller."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        filters = list(warnings.filters)
        traced = kata.trace(Branchy() if model is None else model, x)
        changed = list(warnings.filters) != filters
    if not isinstance(traced, torch.jit.ScriptModule):
        fail(call, "type", "a torch.jit.ScriptModule (what torch.jit.trace returns)", kind(traced),
             TRACE + "; the model itself, torch.compile or torch.export give no ScriptModule")
    return traced, caught, changed


@settings(max_examples=6)
@given(x=inputs)
@example(x=PINS[0])  # sum exactly 0: the trace records -x
@example(x=PINS[1])  # positive: records x * 2, a trace on torch.ones_like(example) agrees here...
@example(x=PINS[5])  # ...and not here: the trace must be made on example itself
@example(x=PINS[2])  # a 0-D float64 tensor
def test_trace_keeps_the_branch_taken_while_tracing(kata, x):
    call = f"trace(Branchy(), {shown(x)})"
    traced, _, _ = _traced(kata, x, call)
    check_tensor(traced(x), branchy(x), framework="torch", call=f"{call}(example)",
                 misconception="on the example it was traced with, the trace gives what the model gives: trace on "
                 "example itself (a trace made on another input froze that input's branch)")
    check_tensor(traced(2 * x), branchy(2 * x), framework="torch", call=f"{call}(2 * example)",
                 misconception="2 * example takes the same branch, so the trace gives what the model gives")
    y = other_branch(x)
    frozen = y * 2 if x.sum() > 0 else -y
    check_tensor(traced(y), frozen, framework="torch", call=f"{call}({shown(y)})  # takes the other branch",
                 misconception="a trace keeps the branch the example took while tracing, on every input: "
                 + TRACE + "; torch.jit.script or the model itself run the if again (they are not traces), and a "
                 "trace made on another input than example froze another branch")


def test_trace_silences_the_deprecation_but_not_the_tracer_warning(kata):
    x = torch.tensor([1.0, 2.0])
    call = ("trace(Announcing(), tensor([1., 2.]))  # Branchy whose forward also warns UserWarning('Announcing: ...') "
            "and FutureWarning('Announcing: ...')")
    _, caught, changed = _traced(kata, x, call, Announcing())
    seen = [f"{w.category.__name__}: {str(w.message)[:70]}" for w in caught]
    if not any(issubclass(w.category, torch.jit.TracerWarning) for w in caught):
        fail(call, "warnings", "a torch.jit.TracerWarning ('Converting a tensor to a Python boolean might cause the "
             "trace to be incorrect') reaching the caller", seen or "no warning at all",
             "silence only the DeprecationWarnings: warnings.filterwarnings('ignore', category=DeprecationWarning) "
             "inside a `with warnings.catch_warnings():`; the TracerWarning is the only sign the trace froze a branch "
             "(re-emitted, it must keep its category: warnings.warn(str(w.message)) makes it a UserWarning)")
    for category, text in ((UserWarning, "forward ran"), (FutureWarning, "this model changes soon")):
        if not any(w.category is category and str(w.message).startswith("Announcing") for w in caught):
            fail(call, "warnings", f"the model's own {category.__name__}('Announcing: {text}') reaching the caller, "
                 "with its own category", seen or "no warning at all",
                 "silence only the DeprecationWarnings; every other warning, the model's own included, goes through "
                 "as it came (a FutureWarning is not a DeprecationWarning)")
    deprecations = [text for w, text in zip(caught, seen)
                    if issubclass(w.category, DeprecationWarning) and "torch.jit" in str(w.message)]
    if deprecations:
        fail(call, "warnings", "no DeprecationWarning of torch.jit (silenced inside trace)", deprecations,
             "torch.jit.trace (and trace_method) warn that TorchScript is deprecated: expected here, so silence "
             "it inside trace with warnings.catch_warnings() and warnings.filterwarnings('ignore', "
             "category=DeprecationWarning)")
    if changed:
        fail(call, "warning filters after the call", "as they were before trace", "changed",
             "silence inside `with warnings.catch_warnings():`, which puts the filters back when trace returns; "
             "a bare warnings.filterwarnings / simplefilter changes them for the whole program")


# --- export_or_none ------------------------------------------------------------------------------


class Scaled(nn.Module):
    """A branch-free model: a Linear layer, a ReLU and a sine."""

    def __init__(self, n_in: int, seed: int) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.linear = nn.Linear(n_in, 3)

    def forward(self, x):
        return torch.relu(self.linear(x)) + torch.sin(x).sum(-1, keepdim=True)

    def __repr__(self) -> str:
        return f"Scaled(n_in={self.linear.in_features})"


@settings(max_examples=2)
@given(n=st.integers(1, 5), n_in=st.integers(1, 4), seed=st.integers(0, 2**16))
@example(n=1, n_in=2, seed=0)  # a batch of one
@example(n=4, n_in=3, seed=1)
def test_export_or_none_exports_a_branch_free_model(kata, n, n_in, seed):
    model = Scaled(n_in, seed)
    generator = torch.Generator().manual_seed(seed)
    x, other = (torch.randn(n, n_in, generator=generator) for _ in range(2))
    call = f"export_or_none({model!r}, {describe(x)})"
    program = kata.export_or_none(model, x)
    if not isinstance(program, torch.export.ExportedProgram):
        fail(call, "type", "a torch.export.ExportedProgram", kind(program),
             "return torch.export.export(model, (example,)) itself (not its .module(), a trace or the model); "
             "a branch-free model is never refused")
    inputs = {node.name: node for node in program.graph.nodes if node.op == "placeholder"}
    shape = inputs[program.graph_signature.user_inputs[0]].meta["val"].shape
    if not all(isinstance(size, int) for size in shape) or tuple(shape) != tuple(x.shape):
        fail(call, "input shape of the program", f"{tuple(x.shape)}, fixed (export's default: static shapes)",
             str(tuple(shape)), "export with the default options: torch.export.export(model, (example,)), "
             "no dynamic_shapes (Dim.AUTO, Dim(...)) and no strict=True")
    with torch.no_grad():
        for name, value in (("example", x), ("another input of example's shape", other)):
            check_tensor(program.module()(value), model(value), framework="torch", call=f"{call}.module()({name})",
                         misconception="export the model you were given, on (example,)")


class MaxItem(nn.Module):
    def forward(self, x):
        if x.max().item() > 1.0:
            return x - 1
        return x + 1

    def __repr__(self) -> str:
        return "MaxItem()  # if x.max().item() > 1.0: ..."


class FirstElement(nn.Module):
    def forward(self, x):
        if x[0] > 0:
            return x.cos()
        return x.sin()

    def __repr__(self) -> str:
        return "FirstElement()  # if x[0] > 0: ..."


class RefusedAsUserError(nn.Module):
    """Raises the refusal as some other torch versions (and strict export) word it."""

    def forward(self, x):
        from torch._dynamo.exc import UserError, UserErrorType

        raise UserError(UserErrorType.ANTI_PATTERN, "Could not guard on data-dependent expression u0 > 0 "
                        "(as some torch versions refuse a Python if on a tensor's values)")

    def __repr__(self) -> str:
        return "RefusedAsUserError()  # export raises torch._dynamo.exc.UserError: '... data-dependent ...'"


@pytest.mark.parametrize("model", [Branchy(), MaxItem(), FirstElement(), RefusedAsUserError()],
                         ids=lambda model: type(model).__name__)
def test_export_or_none_gives_none_for_a_data_dependent_branch(kata, model):
    x = torch.tensor([2.0, -0.5, 3.0])
    call = f"export_or_none({model!r}, tensor([2.0, -0.5, 3.0]))"
    try:
        got = _quiet(lambda: kata.export_or_none(model, x))
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - any error here is the learner's to fix
        fail(call, "result", "None (torch.export refused the data-dependent branch)",
             f"raised {error_line(error, 120)}",
             REFUSAL + " and return None; never raise for it")
    if got is not None:
        fail(call, "result", "None (torch.export refuses this data-dependent branch)",
             repr(got) if got is False else kind(got),
             "return None (not False, not the model) when torch.export refuses")


class OwnError(nn.Module):
    def forward(self, x):
        raise ValueError("negative widths are not allowed")

    def __repr__(self) -> str:
        return "OwnError()  # raises ValueError('negative widths are not allowed')"


class WrongShape(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Linear(5, 2)

    def forward(self, x):
        return self.linear(x)

    def __repr__(self) -> str:
        return "WrongShape()  # nn.Linear(5, 2) on 3 features"


class OwnDataDependentError(nn.Module):
    def forward(self, x):
        raise ValueError("data-dependent widths are not allowed")

    def __repr__(self) -> str:
        return "OwnDataDependentError()  # raises ValueError('data-dependent widths are not allowed')"


@pytest.mark.parametrize("model", [OwnError(), WrongShape(), OwnDataDependentError()],
                         ids=lambda model: type(model).__name__)
def test_export_or_none_lets_other_errors_through(kata, model):
    x = torch.ones(2, 3)
    call = f"export_or_none({model!r}, torch.ones(2, 3))"
    try:
        torch.export.export(model, (x,))
    except Exception as error:  # noqa: BLE001 - the oracle: what torch.export itself raises here
        expected = error
    else:  # pragma: no cover - the models above always fail to export
        raise AssertionError(f"{model!r} exported")
    wanted = error_line(expected, 100)
    try:
        got = _quiet(lambda: kata.export_or_none(model, x))
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - compared with the oracle below
        if type(error) is not type(expected) or message_line(error, None) != message_line(expected, None):
            fail(call, "error", wanted + " (the same error torch.export raised, unchanged)",
                 error_line(error, 100),
                 "let every error but the data-dependent refusal through as it is (no new exception around it), and "
                 "export with the default options (strict=True raises other errors)")
    else:
        fail(call, "error", wanted + " (the same error torch.export raised)",
             f"nothing raised; returned {'None' if got is None else kind(got)}",
             REFUSAL + ": `except Exception` or `except RuntimeError` also swallows the model's own errors, and only a "
             "RuntimeError may be caught by its words (this error is the model's own, not a refusal)")


# --- SignBranch ----------------------------------------------------------------------------------


@settings(max_examples=3)
@given(x=inputs)
@example(x=PINS[0])  # sum exactly 0: -x, although one element is positive
@example(x=torch.tensor([1e-300, 0.0], dtype=torch.float64))  # a tiny positive sum (0 in float32): x * 2
@example(x=PINS[4])  # a negative sum with a positive first element, 2-D
@example(x=PINS[2])  # 0-D float64
def test_sign_branch_computes_x_times_2_or_minus_x(kata, x):
    module = kata.SignBranch()
    call = f"SignBranch()({shown(x)})"
    if not isinstance(module, nn.Module):
        fail("SignBranch()", "type", "a torch.nn.Module", kind(module), "class SignBranch(nn.Module)")
    parameters = [name for name, _ in module.named_parameters()]
    if parameters:
        fail("SignBranch()", "parameters", "none", parameters,
             "x * 2 needs no nn.Parameter: write the 2 in the branch (lambda t: t * 2)")
    check_tensor(module(x), branchy(x), framework="torch", call=call, atol=0.0,  # exact ops: 2e-300 vs -1e-300 differ
                 misconception="x * 2 when x.sum() > 0 (strictly, no epsilon, summed over every element in x's own "
                 "dtype), -x otherwise: " + COND)


def _exported(kata, x, call):
    try:
        return _quiet(lambda: torch.export.export(kata.SignBranch(), (x,)))
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - the learner's forward does not export
        said = message_line(error)
        fail(call, "behaviour", "an ExportedProgram", f"torch.export refused: {type(error).__name__}: {said}",
             "torch.cond takes its operands as a tuple: (x,) with the comma ((x) is x itself): " + COND
             if "operands to be a tuple" in said else
             "a Python if (or bool(...)) on a tensor's values is data-dependent control flow, which export "
             "refuses; hand the predicate to torch.cond as it is: " + COND)


@settings(max_examples=2)
@given(x=inputs)
@example(x=PINS[3])  # all zeros: sum exactly 0
@example(x=PINS[5])  # negative
@example(x=torch.tensor([[0.5, 2.0, -1.0]], dtype=torch.float64))  # positive
def test_sign_branch_exports_and_keeps_both_branches(kata, x):
    call = f"torch.export.export(SignBranch(), ({shown(x)},))"
    program = _exported(kata, x, call)
    if not any(node.target is torch.ops.higher_order.cond for node in program.graph.nodes):
        fail(call, "graph", "a torch.cond node (torch.ops.higher_order.cond) holding both branches",
             f"no cond among {sorted({str(n.target) for n in program.graph.nodes if n.op == 'call_function'})}",
             "torch.where computes both results and picks elements; this kata asks for torch.cond: " + COND)
    y = other_branch(x)
    for name, value in (("x", x), (f"{shown(y)}  # the other branch", y)):
        check_tensor(program.module()(value), branchy(value), framework="torch", call=f"{call}.module()({name})",
                     misconception="the exported program chooses the branch at run time, for inputs of either sign: "
                     + COND)
