"""`pytest --verify` itself: its verdicts on named mistakes and alternatives, and its shortcuts."""

import re

KATA_TESTS = "katas/autograd/test_no_grad.py"
MISTAKES = '''
import torch
from katas._support.mistakes import mistake


@mistake("a correct answer filed as a mistake", replaces="predict")
def correct_after_all(model, x):
    with torch.no_grad():
        return model(x)


@mistake("records the graph, then detaches", replaces="predict")
def detach_after(model, x):
    return model(x).detach()
'''
CAUGHT_ONLY_BY_A_DRAW = '''
import torch
from katas._support.mistakes import mistake


@mistake("wrong only where no @example pins it: for inputs without 3 features", replaces="predict")
def caught_only_by_a_draw(model, x):
    if x.shape[1] == 3:  # the pin's input has 3 features
        with torch.no_grad():
            return model(x)
    return model(x).detach()
'''
ALTERNATIVES = '''
from katas._support.mistakes import alternative


@alternative("a wrong answer filed as an alternative", replaces="predict")
def wrong_after_all(model, x):
    return model(x)
'''


def verdicts(output: str) -> dict[str, str]:
    """``mistake:NAME`` or ``alternative:NAME`` -> the rest of its line in the verify table."""
    return {match.group(2): match.group(1) + match.group(3)
            for match in re.finditer(r"^\s*(\S+(?: \S+)?)\s+\S+ ((?:mistake|alternative):\w+)(.*)$", output, re.M)}


def test_verify_fails_on_a_wrong_verdict_and_stops_testing_a_mistake_once_rejected(sandbox):
    sandbox.write("mistakes/autograd/no_grad.py", MISTAKES)
    sandbox.write("alternatives/autograd/no_grad.py", ALTERNATIVES)
    env = {"HYPOTHESIS_PROFILE": "pinned"}
    run = sandbox.pytest("--verify", "-q", KATA_TESTS, env=env)
    table = verdicts(run.output)
    assert run.returncode == 1, run.output[-3000:]  # a mistake no test rejects, an alternative a test rejects
    assert table["mistake:correct_after_all"].startswith("NOT REJECTED"), table
    assert table["alternative:wrong_after_all"].startswith("REJECTED"), table
    # predict has two tests: the first rejects detach_after, so the second need not run (the
    # other two never reach predict, and pass without running as before)
    assert table["mistake:detach_after"] == ("rejected  (1 of 3 tests fail for it; 1 more not run, "
                                             "the verdict made)"), table

    every = sandbox.pytest("--verify", "-q", KATA_TESTS, env={**env, "KATAS_VERIFY_EVERY_TEST": "1"})
    assert verdicts(every.output)["mistake:detach_after"] == "rejected  (1 of 4 tests fail for it)", every.output[-3000:]


def test_a_named_mistake_meets_the_pins_alone_whatever_the_profile(sandbox):
    """The pins hold the decisive cases: a mistake only a drawn example catches is NOT REJECTED,
    even where the profile draws examples (and would catch it)."""
    sandbox.write("mistakes/autograd/no_grad.py", CAUGHT_ONLY_BY_A_DRAW)
    run = sandbox.pytest("--verify", "-q", KATA_TESTS, env={"HYPOTHESIS_PROFILE": "ci"})
    assert run.returncode == 1, run.output[-3000:]
    assert verdicts(run.output)["mistake:caught_only_by_a_draw"].startswith("NOT REJECTED"), run.output[-3000:]
    # the same answer as a learner's, where the profile's draws reach it: red
    sandbox.solve("autograd/no_grad")
    learner = sandbox.read("katas/autograd/no_grad.py") + CAUGHT_ONLY_BY_A_DRAW.replace("caught_only_by_a_draw", "predict")
    sandbox.write("katas/autograd/no_grad.py", learner.replace("@mistake(", "# @mistake("))
    drawn = sandbox.pytest("-q", KATA_TESTS, "-k", "predict_records_no_graph", env={"HYPOTHESIS_PROFILE": "ci"})
    assert drawn.returncode == 1 and "1 failed" in drawn.output, drawn.output[-3000:]
