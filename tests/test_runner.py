"""The `katas` runner, used the way a learner uses it: commands in a throw-away copy of the
project, and the practice screen driven in a pseudo-terminal (pexpect) while files are saved."""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import pytest

from katas._runner import pristine
from katas._support import curriculum, frameworks
from tests.test_learner_experience import BREAKAGES

pytestmark = pytest.mark.kata_timeout(300)  # whole sessions, each starting its frameworks
pexpect = pytest.importorskip("pexpect", reason="the runner's terminal tests need pexpect (not on Windows)")

KATA = "autograd/accumulation"  # torch only: the quickest to warm up
STUB = "katas/autograd/accumulation.py"


def test_list_hint_solution_and_unknown_names(sandbox):
    listing = sandbox.katas("list")
    assert listing.returncode == 0
    for kata in curriculum.load():
        assert kata.name in listing.output
    runnable = [kata for kata in curriculum.load() if not frameworks.lacking(kata)]
    assert f"0/{len(runnable)} done" in listing.output

    unknown = sandbox.katas("run", "acumulation")
    assert unknown.returncode == 2
    assert "no kata called 'acumulation'; did you mean autograd/accumulation?" in unknown.output
    assert "Traceback" not in unknown.output

    hints = curriculum.by_id()[KATA].hints
    first, second = sandbox.katas("hint", KATA), sandbox.katas("hint", "accumulation")
    assert "hint 1/" in first.output and hints[0][:40] in first.output.replace("\n", " ")
    assert "hint 2/" in second.output and hints[1][:40] in second.output.replace("\n", " ")

    refused = sandbox.katas("solution", KATA)
    assert refused.returncode == 2 and "not green yet" in refused.output
    forced = sandbox.katas("solution", KATA, "--force")
    assert forced.returncode == 0 and "reference: solutions/autograd/accumulation.py" in forced.output


def test_run_is_green_only_while_the_tests_pass_and_the_state_follows(sandbox):
    red = sandbox.katas("run", KATA)
    assert red.returncode == 1 and "TO DO autograd/accumulation" in red.output
    sandbox.solve(KATA)
    green = sandbox.katas("run", KATA)
    assert green.returncode == 0, green.output
    assert "GREEN autograd/accumulation" in green.output
    assert KATA in json.loads(sandbox.read("katas-progress.json"))["done"]
    assert sandbox.katas("solution", KATA).returncode == 0  # allowed once green
    sandbox.write(STUB, BREAKAGES["syntax error"][0])
    broken = sandbox.katas("run", KATA)
    assert broken.returncode == 1 and "BROKEN" in broken.output and "SyntaxError" in broken.output
    for raw in ("= FAILURES =", "= ERRORS =", "short test summary", "PytestAssertRewriteWarning", "Traceback"):
        assert raw not in broken.output, f"BROKEN shows its one line, not pytest's raw output ({raw!r}):\n{broken.output}"
    assert KATA not in json.loads(sandbox.read("katas-progress.json"))["done"]


def test_reset_backs_up_first_and_restores_the_untouched_stub(sandbox):
    kata = curriculum.by_id()[KATA]
    untouched = sandbox.katas("reset", KATA)
    assert untouched.returncode == 0 and "untouched already" in untouched.output
    mine = "# my work in progress\n" + sandbox.read(STUB)
    sandbox.write(STUB, mine)
    reset = sandbox.katas("reset", KATA)
    assert reset.returncode == 0, reset.output
    backups = list((sandbox.root / ".katas-backup" / "autograd").glob("accumulation-*.py"))
    assert len(backups) == 1 and backups[0].read_text() == mine
    assert backups[0].relative_to(sandbox.root).as_posix() in reset.output
    assert sandbox.read(STUB).encode() == pristine.original(kata)
    sandbox.write(STUB, mine + "# a second try\n")
    assert sandbox.katas("reset", KATA).returncode == 0  # a second reset never overwrites the first backup
    assert len(list((sandbox.root / ".katas-backup" / "autograd").glob("accumulation-*.py"))) == 2
    (sandbox.root / STUB).unlink()  # even a deleted stub comes back
    missing = sandbox.katas("run", KATA)
    assert missing.returncode == 2 and "is missing" in missing.output and "katas reset" in missing.output
    assert sandbox.katas("reset", KATA).returncode == 0
    assert sandbox.read(STUB).encode() == pristine.original(kata)


def test_a_corrupt_state_file_is_moved_aside_and_rebuilt(sandbox):
    sandbox.write("katas-progress.json", "{ this is not json")
    listing = sandbox.katas("list")
    assert listing.returncode == 0 and "Traceback" not in listing.output
    assert "could not be read" in listing.output
    assert json.loads(sandbox.read("katas-progress.json"))["done"] == {}
    aside = list(sandbox.root.glob("katas-progress.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{ this is not json"


def test_check_and_report_write_exercism_v3_and_junit(sandbox):
    sandbox.solve(KATA)
    checked = sandbox.katas("check", KATA, "autograd/no_grad")
    assert checked.returncode == 1 and "1 of 2 checked katas are green" in checked.output
    assert "GREEN autograd/accumulation" in checked.output and "TO DO autograd/no_grad" in checked.output
    done = sandbox.katas("report", "autograd/accumulation", "autograd/no_grad", "--json", "r.json", "--junit", "r.xml")
    assert done.returncode == 0, done.output
    results = json.loads(sandbox.read("r.json"))
    assert results["version"] == 3 and results["status"] == "fail"
    tests = results["tests"]
    assert {t["status"] for t in tests if t["name"].startswith(KATA)} == {"pass"}
    assert {t["status"] for t in tests if t["name"].startswith("autograd/no_grad")} == {"fail"}
    ids = {kata.id: index for index, kata in enumerate(curriculum.load(), start=1)}
    assert {t["task_id"] for t in tests} == {ids[KATA], ids["autograd/no_grad"]}
    assert all(set(t) >= {"name", "status", "message", "test_code", "task_id"} for t in tests)
    assert all(t["message"] for t in tests if t["status"] == "fail")
    suites = ET.parse(sandbox.root / "r.xml").getroot()
    counts = {suite.get("name"): (int(suite.get("tests")), int(suite.get("failures"))) for suite in suites}
    assert counts[KATA][1] == 0 and counts["autograd/no_grad"][1] > 0


# --- the practice screen -------------------------------------------------------------------------


_STYLE = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"  # colour and cursor codes may sit between any two characters
_SPACE = r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+"  # and a space may be where a long line wrapped


class Screen:
    """The runner in a pseudo-terminal; ``see(text)`` waits until ``text`` is on screen, however
    it is coloured."""

    def __init__(self, sandbox, *args: str) -> None:
        self.child = pexpect.spawn(sys.executable, ["-m", "katas", *args], cwd=str(sandbox.root),
                                   env={**sandbox.env, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "60"},
                                   encoding="utf-8", timeout=90, dimensions=(60, 160))

    def see(self, text: str) -> None:
        self.child.expect(_STYLE.join(_SPACE if character == " " else re.escape(character) for character in text))

    def press(self, keys: str) -> None:
        self.child.send(keys)

    def quit(self) -> int:
        self.child.send("q")
        self.see("bye")
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    def __enter__(self) -> Screen:
        return self

    def __exit__(self, *exc: object) -> None:
        self.child.close(force=True)


def test_practice_session_in_a_terminal(sandbox):
    with Screen(sandbox, "--start", KATA, "--timeout", "4") as screen:
        screen.see("open katas/autograd/accumulation.py")
        screen.see("TO DO autograd/accumulation")
        screen.see("keys:")
        screen.press("n")
        screen.see("n (next) works once this kata is green")
        screen.press("h")
        kata = curriculum.by_id()[KATA]
        on_screen = {kata.hint_for(name) for name in ("accumulated_grad", "per_batch_grads")}  # in the TODO lines
        screen.see(f"hint {next(i for i, hint in enumerate(kata.hints) if hint not in on_screen) + 1}/")
        for breakage, (source, message) in BREAKAGES.items():  # each: a clear message, the runner stays up
            sandbox.write(STUB, source)
            screen.see("BROKEN autograd/accumulation")
            screen.see(message)
        # An endless loop in a function: the first test stops at --timeout, the others are not run.
        loop = "(*args):\n    while True:\n        pass\n"
        sandbox.write(STUB, f"def accumulated_grad{loop}def per_batch_grads{loop}")
        screen.see("TIMEOUT autograd/accumulation")
        screen.see("did not finish within 4 s")
        sandbox.write(STUB, "import os\ndef accumulated_grad(f, w, passes):\n    os._exit(7)\n")
        screen.see("CRASHED autograd/accumulation")
        screen.see("exit code 7")
        sandbox.solve(KATA)
        screen.see("GREEN autograd/accumulation")
        sandbox.write(STUB, sandbox.read(STUB) + "# my own note\n")
        screen.see("GREEN autograd/accumulation")
        screen.press("s")
        screen.see("reference: solutions/autograd/accumulation.py")
        assert KATA in json.loads(sandbox.read("katas-progress.json"))["done"]
        screen.press("x")
        screen.see("Reset katas/autograd/accumulation.py to the untouched stub?")
        screen.press("y")
        screen.see("is the untouched stub again; your version is in .katas-backup/autograd/accumulation-")
        screen.see("TO DO autograd/accumulation")
        assert KATA not in json.loads(sandbox.read("katas-progress.json"))["done"]
        sandbox.solve(KATA)
        screen.see("GREEN autograd/accumulation")
        screen.press("n")
        screen.see("TO DO autograd/no_grad")
        screen.press("l")
        screen.see("Jump to:")
        screen.press("linear_gradients\r")
        screen.see("TO DO autograd/linear_gradients")
        assert screen.quit() == 0
    assert json.loads(sandbox.read("katas-progress.json"))["current"] == "autograd/linear_gradients"


@pytest.mark.parametrize("mode", ["--poll", "--manual"])
def test_polling_and_manual_modes(sandbox, mode):
    with Screen(sandbox, mode, "--start", KATA) as screen:
        if mode == "--manual":
            screen.see("press r after each save")
        screen.see("TO DO autograd/accumulation")
        sandbox.solve(KATA)
        if mode == "--manual":
            screen.press("r")
        screen.see("GREEN autograd/accumulation")
        assert screen.quit() == 0


def test_the_last_kata_turning_green_re_checks_everything(sandbox):
    """A two-kata curriculum: one done already, the last one solved on screen."""
    manifest = sandbox.read("katas/curriculum.toml")
    head, *entries = manifest.split("[[kata]]")
    keep = [e for e in entries if 'name = "accumulation"' in e or 'name = "no_grad"' in e]
    sandbox.write("katas/curriculum.toml", head + "".join("[[kata]]" + e for e in keep))
    sandbox.solve(KATA)
    sandbox.write("katas-progress.json", json.dumps({"version": 1, "current": None, "done": {KATA: {}}}))
    with Screen(sandbox) as screen:
        screen.see("TO DO autograd/no_grad")  # starts at the first kata not done
        sandbox.solve("autograd/no_grad")
        screen.see("Re-checking all 2 of them")
        screen.see("Congratulations: all 2 katas pass")
        assert screen.quit() == 0


# --- warm and cold agree -------------------------------------------------------------------------


@pytest.mark.kata_timeout(900)
@pytest.mark.parametrize("target", ["stubs", "solutions"])
def test_warm_checks_agree_with_a_cold_pytest_on_every_kata(tmp_path, target):
    """Every test of every kata gets the same verdict from the runner's forked warm check as
    from a plain `pytest` run."""
    import subprocess

    from katas._runner import results
    from katas._runner.warm import check_many

    solutions = target == "solutions"
    cold_file = tmp_path / "cold.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KATAS_", "PYTEST_"))}
    subprocess.run([sys.executable, "-m", "pytest", "katas", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                    "-p", "katas._runner.results", f"--katas-results={cold_file}", *(["--solutions"] if solutions else [])],
                   cwd=curriculum.ROOT, env=env, capture_output=True, check=False, timeout=800)
    cold = {test.nodeid: test.outcome for test in results.read(cold_file, "every kata").tests}
    verdicts = check_many(list(curriculum.load()), solutions=solutions)
    lost = [f"{r.kata}: {r.status} {r.message}" for r in verdicts if r.status in ("timeout", "crash")]
    assert not lost, f"warm checks that ended without a verdict: {lost}"  # a loss is an error, not a gap
    warm = {test.nodeid: test.outcome for result in verdicts for test in result.tests}
    assert len(cold) > 50  # 72 with torch alone, 245 with every framework
    runnable = {kata.tests.relative_to(curriculum.ROOT).as_posix() for kata in curriculum.load()
                if not frameworks.lacking(kata)}
    assert runnable <= {nodeid.split("::")[0] for nodeid in cold}  # every kata that can run here ran
    assert warm == cold
    assert "passed" not in warm.values() if not solutions else set(warm.values()) <= {"passed", "skipped"}


STANDBY_SESSION = r"""
import json, queue, time
from pathlib import Path
from katas._runner.warm import WarmChecker
from katas._support import curriculum

events = queue.Queue()
checker = WarmChecker(events.put)
katas = curriculum.by_id()
seen = []

def check(kata_id):
    checker.check(katas[kata_id], standby=True)
    while (event := events.get(timeout=240))["event"] != "result":
        assert event["event"] != "gone", event
    seen.append([kata_id, event["result"].status, len(event["result"].tests), event["standby"]])

kata = katas["autograd/accumulation"]
check(kata.id)                                          # the stub: red, forked afresh
kata.stub.write_text(Path("solutions/autograd/accumulation.py").read_text())
check(kata.id)                                          # saved: the standby runs the new code
time.sleep(1)  # the standby is made (the test file stamped before it): an edit now makes it stale
kata.tests.write_text(kata.tests.read_text() + "\n\ndef test_added_later(kata):\n    assert False\n")
check(kata.id)                                          # an edited test file: never the stale standby
check("autograd/derivative")                            # another kata: forked afresh
checker.close()
print(json.dumps(seen))
"""


def test_a_standby_child_runs_the_next_save_and_never_a_stale_test_file(sandbox):
    """The warm server keeps a child that has collected the current kata's tests; the next save
    is checked by it, with the code just saved, unless the test file changed since."""
    run = sandbox.python("-c", STANDBY_SESSION)
    assert run.returncode == 0, run.output
    seen = json.loads(run.output.strip().splitlines()[-1])
    first, saved, edited, other = seen
    assert first[1] == "todo" and not first[3], seen
    assert saved[1] == "pass" and saved[3], seen  # the standby ran, with the solution just saved
    assert edited[1] == "fail" and edited[2] == saved[2] + 1 and not edited[3], seen  # it saw the new test
    assert other[0] == "autograd/derivative" and not other[3], seen


def test_a_second_practice_session_is_refused_naming_the_first(sandbox):
    """Two runners in one repository would race over the progress file."""
    first = pexpect.spawn(sys.executable, ["-m", "katas", "--manual", "--plain"], cwd=str(sandbox.root),
                          env=sandbox.env, encoding="utf-8", timeout=120, dimensions=(24, 80))
    try:
        first.expect("each save re-checks it|press r after each save")
        second = sandbox.katas("--manual")
        assert second.returncode == 1, second.output
        assert "another katas practice session runs in this repository (pid" in second.output
    finally:
        first.sendline("q")
        first.terminate(force=True)


def test_progress_updates_from_two_processes_are_both_kept(sandbox):
    from katas._runner.state import Progress

    path = sandbox.root / "katas-progress.json"
    one, other = Progress.load(path), Progress.load(path)  # both loaded before either writes
    one.record("autograd/derivative", True)
    other.record("autograd/accumulation", True)
    assert set(Progress.load(path).done) == {"autograd/derivative", "autograd/accumulation"}


def test_an_edited_test_file_is_named_first_and_reset_tests_restores_it(sandbox):
    tests = sandbox.root / "katas/autograd/test_accumulation.py"
    tests.write_text(tests.read_text() + "\n# a stray key\n")
    run = sandbox.katas("run", KATA)
    assert run.output.splitlines()[0].startswith("you changed katas/autograd/test_accumulation.py"), run.output
    assert f"katas reset --tests {KATA}" in run.output
    assert sandbox.katas("reset", "--tests", KATA).returncode == 0
    assert "you changed" not in sandbox.katas("run", KATA).output


def test_on_an_80x24_terminal_the_header_and_keys_stay_on_screen(sandbox):
    """A long verdict is clipped (with the command that shows all of it), never scrolled past
    the header or the keys."""
    sandbox.write(STUB, "def accumulated_grad(f, w, passes):\n    return undefined_name\n\n\n"
                        "def per_batch_grads(model, batches):\n    return model.no_such_thing(batches)\n")
    child = pexpect.spawn(sys.executable, ["-m", "katas", "--start", KATA, "--manual"], cwd=str(sandbox.root),
                          env={**sandbox.env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"},
                          encoding="utf-8", timeout=120, dimensions=(24, 80))
    import io

    child.logfile_read = seen = io.StringIO()
    try:
        child.expect("more lines: ")
        child.expect("s: once green")
        frame = seen.getvalue().split("\x1b[2J")[-1]  # the last screen drawn after a clear
        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", frame)
        rows = text.replace("\r\n", "\n").strip("\n").split("\n")
        assert len(rows) <= 24, text
        assert "tensor katas" in rows[0] and any("open katas/autograd/accumulation.py" in row for row in rows), text
        assert "katas run autograd/accumulation" in text and "ERROR NameError" in text, text
        for topic in (kata.topic for kata in curriculum.load()):  # the topics' row breaks between topics
            assert re.search(rf"\b{topic} \d+/\d+", text), text
    finally:
        child.send("q")
        child.terminate(force=True)


def test_a_long_check_shows_the_time_and_the_test_it_is_in(sandbox):
    sandbox.write(STUB, "import time\n\ndef accumulated_grad(f, w, passes):\n    time.sleep(6)\n    return 0.0\n\n\n"
                        "def per_batch_grads(model, batches):\n    return []\n")
    with Screen(sandbox, "--start", KATA, "--manual") as screen:
        screen.see("checking... ")
        screen.child.expect(r"checking\.\.\. \d+ s, running test_")
        screen.child.expect(r"checking\.\.\. [2-5] s, running test_")  # the clock ticks within one 6-s test
        screen.see("RED autograd/accumulation")
        assert screen.quit() == 0


def test_a_green_training_kata_shows_its_loss_curve(sandbox):
    """loops/four_beats: the practice screen draws fit's losses, epoch by epoch, against the line
    the learning test asks the final loss to get under (matched however the screen colours it)."""
    with Screen(sandbox, "--solutions", "--start", "loops/four_beats", "--manual") as screen:
        screen.see("GREEN loops/four_beats")
        screen.see("loss per epoch: fit(quest_model(), Adam(lr=0.01))")
        screen.see("to get under 0.02")
        screen.see("keys:")


def test_h_passes_over_the_hint_a_todo_line_already_shows(tmp_path):
    from katas._runner import view
    from katas._runner.state import Progress

    kata = curriculum.by_id()["tensors/creating"]
    progress = Progress.load(tmp_path / "katas-progress.json")
    on_screen = f"TODO implement from_nested() in katas/tensors/creating.py:20.  Hint: {kata.hints[0]}"
    assert "hint 2/" in view.next_hint(progress, kata, on_screen)  # hint 1 is on the screen already
    assert "hint 3/" in view.next_hint(progress, kata, on_screen)
    assert "hint 2/" in view.next_hint(progress, kata, on_screen)  # round again, still passing over hint 1
    assert "hint 3/" in view.next_hint(progress, kata)  # `katas hint`: nothing on screen, the next one
