"""bootstrap.py's --frameworks: what each choice installs, that the choice is remembered, and that
set-up is skipped when nothing changed. pip and venv are replaced by recorders here."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bootstrap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[str]]:
    """bootstrap.py with its .venv in tmp_path; the list collects the extras pip was asked for."""
    spec = importlib.util.spec_from_file_location("bootstrap_under_test", ROOT / "bootstrap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "STAMP", venv / ".tensor-katas-installed")
    monkeypatch.setattr(module, "CHOICE", venv / ".tensor-katas-frameworks")
    installs: list[str] = []

    class FakeBuilder:
        def __init__(self, **_: Any) -> None:
            pass

        def create(self, path: Path) -> None:
            module.venv_python().parent.mkdir(parents=True, exist_ok=True)
            module.venv_python().touch()

    def fake_run(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        installs.append(command[-1].rsplit("[", 1)[1].rstrip("]"))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(module.venv, "EnvBuilder", FakeBuilder)
    monkeypatch.setattr(module.subprocess, "run", fake_run)
    return module, installs


def test_split_frameworks_takes_the_option_out_of_the_commands_arguments(bootstrap: Any) -> None:
    module, _ = bootstrap
    assert module.split_frameworks(["--frameworks", "torch", "-k", "derivative"]) == ("torch", ["-k", "derivative"])
    assert module.split_frameworks(["--frameworks=tensorflow"]) == ("tensorflow", [])
    assert module.split_frameworks(["katas/autograd"]) == (None, ["katas/autograd"])


def test_an_unknown_choice_is_an_error_naming_the_choices(bootstrap: Any) -> None:
    module, _ = bootstrap
    with pytest.raises(SystemExit, match="all, torch, tensorflow.*'pytorch'"):
        module.split_frameworks(["--frameworks", "pytorch"])


def test_the_default_installs_every_framework(bootstrap: Any) -> None:
    module, installs = bootstrap
    module.set_up()
    assert installs == ["all,tox"]


def test_a_choice_is_remembered_and_set_up_runs_once(bootstrap: Any) -> None:
    module, installs = bootstrap
    module.set_up("torch")
    module.set_up()  # practice again, without the option: still torch only, nothing to install
    assert installs == ["torch,keras,onnx,tox"]


def test_a_new_choice_installs_again(bootstrap: Any, capsys: pytest.CaptureFixture[str]) -> None:
    module, installs = bootstrap
    module.set_up("all")
    module.set_up("torch")
    assert installs == ["all,tox", "torch,keras,onnx,tox"]
    assert "stay installed; delete .venv first" in capsys.readouterr().out


def test_a_venv_redirect_file_left_by_tox_is_replaced(bootstrap: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """tox 4.67 writes a PEP 832 `.venv` file when it runs before set-up; venv cannot create a
    directory over it, so set-up replaces it and says so in one line."""
    module, installs = bootstrap
    module.VENV.write_text("/somewhere/.tox/py311-torch213-notf-keras315-torchbackend\n")
    module.set_up()
    assert module.VENV.is_dir() and installs == ["all,tox"]
    said = [line for line in capsys.readouterr().out.splitlines() if ".venv file" in line]
    assert len(said) == 1 and ".tox/py311-torch213-notf-keras315-torchbackend" in said[0]


def test_tox_never_writes_a_venv_redirect_into_the_project() -> None:
    import configparser

    tox = configparser.ConfigParser(interpolation=None)
    tox.read(ROOT / "tox.ini")
    assert tox["tox"]["venv_redirect"].strip() == "false"
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert ".venv" in ignored, "`.venv` (not `.venv/`) ignores the file as well as the directory"


def test_ctrl_c_while_practising_ends_without_a_traceback(bootstrap: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C reaches both bootstrap.py and the runner it started; bootstrap waits for the runner
    to quit (cleanly, by itself) instead of printing its own KeyboardInterrupt traceback."""
    module, _ = bootstrap

    class Runner:
        interrupted = False

        def __init__(self, *_: Any, **__: Any) -> None:
            pass

        def wait(self) -> int:
            if not Runner.interrupted:
                Runner.interrupted = True
                raise KeyboardInterrupt
            return 130

    monkeypatch.setattr(module.subprocess, "Popen", Runner)
    assert module.main(["practice"]) == 130 and Runner.interrupted
