"""What a learner sees, checked in a throw-away copy of the project run as a subprocess."""

import re
import subprocess
import sys
import time

import pytest

from katas._support import curriculum, frameworks
from tests.conftest import needs


def _test_files(keep) -> list[str]:
    return [kata.tests.relative_to(curriculum.ROOT).as_posix() for kata in curriculum.load() if keep(set(kata.frameworks))]


TORCH_ONLY = _test_files(lambda needed: needed == {"torch"})  # the whole loops topic among them
WITHOUT_TORCH = _test_files(lambda needed: "torch" not in needed)  # the whole keras topic
SOLVED, BROKEN = "autograd/linear_gradients", "autograd/accumulation"

BREAKAGES = {
    "syntax error": ("def accumulated_grad(f, w, passes)\n    return 0\n", "SyntaxError"),
    "missing import": ("import torchh\n", "ModuleNotFoundError: No module named 'torchh'"),
    "exception at import": ("raise RuntimeError('oops')\n", "RuntimeError: oops"),
    "sys.exit at import": ("import sys\nsys.exit(3)\n", "sys.exit(3)"),
    "endless loop at import": ("while True:\n    pass\n", "timeout"),
}


def outcomes(output: str) -> dict[str, str]:
    """nodeid -> PASSED / FAILED / TODO from pytest -rA style lines."""
    found = {}
    for status, nodeid in re.findall(r"^(PASSED|FAILED|ERROR) (\S+)", output, re.M):
        found[nodeid] = status
    return found


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_a_broken_kata_fails_alone_with_one_clear_line(sandbox, breakage):
    source, message = BREAKAGES[breakage]
    sandbox.solve(SOLVED)
    sandbox.write(f"katas/{BROKEN}.py", source)
    run = sandbox.pytest(f"katas/{BROKEN.replace('/', '/test_')}.py", f"katas/{SOLVED.replace('/', '/test_')}.py",
                         "-rA", "--kata-timeout=3")
    assert run.returncode == 1, run.output
    broken_lines = [line for line in run.output.splitlines() if line.startswith("BROKEN ")]
    assert broken_lines and all(message in line for line in broken_lines), run.output
    assert all(f"katas/{BROKEN}.py" in line for line in broken_lines)
    assert "Traceback" not in run.output
    results = outcomes(run.output)
    assert {s for n, s in results.items() if "test_linear_gradients" in n} == {"PASSED"}, run.output
    assert {s for n, s in results.items() if "test_accumulation" in n} == {"FAILED"}, run.output


LEAKS = """import torch


def accumulated_grad(f, w, passes):
    torch.set_grad_enabled(False)  # meant for one block, left off for everything after
    torch.set_default_dtype(torch.float64)
    return 0.0


def per_batch_grads(model, batches):
    torch.set_grad_enabled(False)
    return []
"""


def test_a_kata_that_leaves_grad_mode_off_breaks_no_other(sandbox):
    """A learner's torch.set_grad_enabled(False) (or set_default_dtype) left on fails their own
    kata only: the next kata's tests start with grad mode on and float32 as the default dtype."""
    sandbox.solve(SOLVED)
    sandbox.write(f"katas/{BROKEN}.py", LEAKS)
    run = sandbox.pytest(f"katas/{BROKEN.replace('/', '/test_')}.py", f"katas/{SOLVED.replace('/', '/test_')}.py",
                         "-rA")
    results = outcomes(run.output)
    assert {s for n, s in results.items() if "test_linear_gradients" in n} == {"PASSED"}, run.output[-3000:]
    assert {s for n, s in results.items() if "test_accumulation" in n} == {"FAILED"}, run.output[-3000:]


def test_an_endless_loop_in_a_function_times_out_that_test_only(sandbox):
    sandbox.write("katas/autograd/accumulation.py", sandbox.root.joinpath("solutions/autograd/accumulation.py")
                  .read_text().replace("    grads = []\n", "    grads = []\n    while True:\n        pass\n"))
    run = sandbox.pytest("katas/autograd/test_accumulation.py", "-rA", "--kata-timeout=2")
    results = outcomes(run.output)
    assert results["katas/autograd/test_accumulation.py::test_backward_passes_add_up"] == "PASSED", run.output
    assert results["katas/autograd/test_accumulation.py::test_each_batch_gets_its_own_gradient"] == "FAILED"
    assert "TIMEOUT test_each_batch_gets_its_own_gradient did not finish within 2 s" in run.output


def test_untouched_stubs_give_one_todo_line_per_test_and_solving_one_kata_turns_exactly_it_green(sandbox):
    sandbox.solve(SOLVED)
    run = sandbox.pytest("katas/autograd")
    assert run.returncode == 1
    todo = [line for line in run.output.splitlines() if line.startswith("TODO ")]
    assert todo, run.output
    assert all("implement " in line and " Hint: " in line for line in todo)
    assert not any("test_linear_gradients" in line for line in todo)
    assert "Traceback" not in run.output and "NotImplementedError" not in run.output
    ran = int(re.search(r"(\d+) todo", run.output).group(1)) + int(re.search(r"(\d+) passed", run.output).group(1))
    assert len(todo) == int(re.search(r"(\d+) todo", run.output).group(1)) and ran > len(todo)
    green = sandbox.pytest("katas/autograd/test_linear_gradients.py")
    assert green.returncode == 0, green.output


def test_a_wrong_answer_reads_expected_got_input_and_misconception(sandbox):
    sandbox.write("katas/autograd/linear_gradients.py", sandbox.root.joinpath("mistakes/autograd/linear_gradients.py")
                  .read_text().replace("def no_factor_two", "def mse_linear_grads"))
    run = sandbox.pytest("katas/autograd/test_linear_gradients.py")
    assert run.returncode == 1
    for expected in ("wrong values", "expected values:", "got      values:", "likely misconception:",
                     "Failing ", "problem="):  # "Failing test case" or, for a pinned @example, "Failing explicit example"
        assert expected in run.output, run.output


def _frameworks_after(sandbox, test_files):
    code = ("import sys, pytest; rc = pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'no:xdist', '--solutions', "
            + ", ".join(repr(f) for f in test_files)
            + "]); print('FRAMEWORKS', sorted(m for m in ('torch', 'tensorflow', 'keras') if m in sys.modules)); "
            "sys.exit(rc)")
    run = sandbox.python("-c", code)
    assert run.returncode == 0, run.output
    return run.output


def test_torch_only_katas_never_import_tensorflow(sandbox):
    assert {"katas/loops/test_four_beats.py", "katas/loops/test_digits.py"} <= set(TORCH_ONLY)
    assert "FRAMEWORKS ['torch']" in _frameworks_after(sandbox, TORCH_ONLY)


@pytest.mark.skipif(frameworks.keras_backend()[0] != "tensorflow",
                    reason="Keras runs on another backend here, and imports it itself")
def test_keras_katas_never_import_torch(sandbox):
    assert {"katas/keras/test_regression.py", "katas/keras/test_port_weights.py"} <= set(WITHOUT_TORCH)
    assert "FRAMEWORKS ['keras', 'tensorflow']" in _frameworks_after(sandbox, WITHOUT_TORCH)


def test_collecting_imports_no_framework(sandbox):
    code = ("import sys, pytest; pytest.main(['-q', '--collect-only', '-p', 'no:cacheprovider', 'katas/tensors/test_devices.py']); "
            "print('FRAMEWORKS', sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))")
    assert "FRAMEWORKS []" in sandbox.python("-c", code).output


@needs("tensorflow")
def test_tensorflow_start_up_log_is_silenced(sandbox):
    run = sandbox.pytest("--solutions", "katas/tensors/test_reductions.py")
    assert run.returncode == 0, run.output
    bare = sandbox.python("-c", "import katas, keras, tensorflow as tf; print(float(tf.reduce_sum(tf.ones(3))))")
    assert bare.output.strip() == "3.0", bare.output  # outside pytest's capture too: nothing but the result
    for noise in ("oneDNN", "cpu_feature_guard", "absl::InitializeLog", "rebuild TensorFlow"):
        assert noise not in run.output


def test_device_ids_and_an_explicit_absent_device_is_an_error(sandbox):
    listed = sandbox.pytest("--solutions", "--collect-only", "-q", "katas/autograd/test_no_grad.py")
    ids = set(re.findall(r"test_predict_records_no_graph\[(\w+)\]", listed.output))
    assert ids == {"cpu", "cuda", "mps"}
    only_cpu = sandbox.pytest("--solutions", "--device=cpu", "katas/autograd/test_no_grad.py", "-rs")
    assert only_cpu.returncode == 0 and "skipped" not in only_cpu.output, only_cpu.output
    import torch

    if not torch.cuda.is_available():
        missing = sandbox.pytest("--solutions", "--device=cuda", "katas/autograd/test_no_grad.py")
        assert missing.returncode != 0
        assert "--device asked for cuda, but CUDA not available" in missing.output


def test_keras_folder_never_shadows_keras(sandbox):
    code = "import keras; print('KERAS', keras.__file__, hasattr(keras, 'Sequential'))"
    for folder in (".", "katas", "solutions"):  # from the root, and with a topic folder's parent as cwd
        done = subprocess.run([sys.executable, "-c", code], cwd=sandbox.root / folder, capture_output=True, text=True)
        assert "site-packages" in done.stdout and done.stdout.strip().endswith("True"), done.stdout + done.stderr


def test_an_endless_loop_costs_one_timeout_per_kata_not_one_per_test(sandbox):
    source = sandbox.root.joinpath("solutions/autograd/accumulation.py").read_text()
    sandbox.write("katas/autograd/accumulation.py", source.replace("def accumulated_grad(", "def _unused(")
                  + "\n\ndef accumulated_grad(f, w, passes):\n    while True:\n        pass\n")
    run = sandbox.pytest("katas/autograd/test_accumulation.py", "-rA", "--kata-timeout=2")
    timeouts = [line for line in run.output.splitlines() if line.startswith("TIMEOUT test_")]
    assert len(timeouts) == 1, run.output  # the first test only; the others are not run
    assert "TIMEOUT not run: an earlier test of this kata did not finish within 2 s" in run.output


def test_an_endless_loop_in_a_quick_kata_stops_at_its_budget_not_after_a_minute(sandbox):
    """No --kata-timeout: the kata's budget from the manifest (3x its solution's slowest test plus a
    margin) stops the loop, and the message says where the limit came from and how to raise it."""
    kata = curriculum.by_id()["tensors/reductions"]
    assert kata.budget is not None and kata.budget <= 20, "a quick kata's budget is well under a minute"
    source = sandbox.root.joinpath("solutions/tensors/reductions.py").read_text()
    sandbox.write("katas/tensors/reductions.py", source.replace("def column_means(", "def _unused(")
                  + "\n\ndef column_means(x):\n    while True:\n        pass\n")
    started = time.perf_counter()
    run = sandbox.pytest("katas/tensors/test_reductions.py", "-rA")  # the learner's env: no KATAS_TIMEOUT
    timeouts = [line for line in run.output.splitlines() if line.startswith("TIMEOUT test_")]
    assert len(timeouts) == 1, run.output
    assert f"did not finish within {kata.budget:g} s (this kata's time budget" in timeouts[0], run.output
    assert "--kata-timeout" in timeouts[0]
    assert time.perf_counter() - started < kata.budget + 45, "the loop is stopped once, at the budget"


SLOW_TORCH = """\
import importlib.abc, sys, time


class SlowTorch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "torch":
            sys.meta_path.remove(self)
            time.sleep(4)  # a framework's import on a busy machine
        return None


sys.meta_path.insert(0, SlowTorch())
"""


def test_a_slow_framework_import_is_not_counted_against_the_time_limit(sandbox):
    """Importing torch or TensorFlow takes seconds, many more on a busy machine; it is not the
    code under test. A stress run (bench/stress.py) once saw a solution's import, which imports
    torch and TensorFlow, reported as an endless loop at module level."""
    sandbox.write("slow_torch.py", SLOW_TORCH)
    run = sandbox.pytest("-p", "slow_torch", "--solutions", "katas/autograd/test_derivative.py", "-rA", "--kata-timeout=3")
    assert run.returncode == 0, run.output
    assert "TIMEOUT" not in run.output and "BROKEN" not in run.output, run.output


def test_a_fresh_process_s_framework_import_is_not_counted_against_the_time_limit(tmp_path):
    """A deploy or scale kata runs the learner's loader in a fresh process forked from a zygote
    that imported the frameworks first. A stress run saw that import (in a new interpreter, then)
    take most of deploy/torch_export's 36 s budget on a busy machine and time out a correct answer.
    The zygote's imports run with the test's time limit paused; the limit goes on afterwards."""
    import signal

    from katas._support import fresh

    (tmp_path / "slow_framework.py").write_text("import time\ntime.sleep(4)  # torch's import on a busy machine\n")
    env = {**fresh._environment(), "PYTHONPATH": str(tmp_path)}  # noqa: SLF001

    def alarm(signum, frame):
        raise TimeoutError("the zygote's import was timed")

    previous = signal.signal(signal.SIGALRM, alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, 2)  # this meta-test's own limit, restored below
    started = time.monotonic()
    try:
        child = fresh._start(tmp_path / "spec.pickle", tmp_path / "output.txt", env, ("slow_framework",))  # noqa: SLF001
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        child.kill()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(0.01, outer - (time.monotonic() - started)))
    assert time.monotonic() - started > 4
    assert 0 < remaining <= 2  # the limit runs again after the import


def test_a_fresh_process_s_exit_status_is_written_before_its_folder_is_given_back(tmp_path):
    """The zygote reaps a child, then writes its exit status into the caller's temporary folder.
    A caller that saw the child gone and removed the folder in between was left with a folder the
    zygote had just written into ("Directory not empty", once, on a loaded machine). ``wait`` now
    waits for the status while the zygote lives; here a stand-in zygote writes it late."""
    import subprocess
    import sys

    from katas._support import fresh

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid that no longer runs, as after the zygote reaped it
    status = tmp_path / "spec.pickle.exit"
    late = subprocess.Popen([sys.executable, "-c", "import sys, time; time.sleep(0.5); "
                             "open(sys.argv[1], 'w').write('3'); time.sleep(30)", str(status)])
    try:
        child = fresh._Forked(gone.pid, status, late)  # noqa: SLF001
        assert child.wait(5) == 3
        assert status.read_text() == "3"
    finally:
        late.kill()
        late.wait()


def test_a_debugger_session_is_never_stopped_by_the_timeout(sandbox):
    """breakpoint() in the learner's code: the pdb prompt may wait longer than --kata-timeout."""
    import sys
    import time

    import pexpect

    lines = sandbox.root.joinpath("solutions/autograd/accumulation.py").read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("def accumulated_grad")) + 1
    sandbox.write("katas/autograd/accumulation.py", "\n".join([*lines[:at], "    breakpoint()", *lines[at:]]) + "\n")
    child = pexpect.spawn(sys.executable, ["-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "--kata-timeout=2",
                                           "katas/autograd/test_accumulation.py", "-k", "docstring_example"],
                          cwd=str(sandbox.root), env=sandbox.env, encoding="utf-8", timeout=120)
    try:
        child.expect(r"\(Pdb\)")
        time.sleep(4)  # twice the timeout, at the prompt
        child.sendline("c")
        child.expect(pexpect.EOF)
        assert "TIMEOUT" not in child.before, child.before
        assert "1 passed" in child.before, child.before
    finally:
        child.terminate(force=True)
