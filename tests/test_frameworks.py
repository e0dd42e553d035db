"""Katas that need a missing framework or another Keras backend are skipped with the reason; the
tox env names say what each env runs, and `katas env --expect` holds them to it."""

import json

import pytest

from katas._support import curriculum, frameworks
from tests.conftest import needs

KATAS = curriculum.by_id()


def without_tensorflow(sandbox) -> dict[str, str]:
    """Variables under which every Python the sandbox starts finds no TensorFlow, as on a
    machine where it is not installed (a sitecustomize that blocks the import)."""
    hide = sandbox.root / "hide-tensorflow"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['tensorflow'] = None\n")
    return {"PYTHONPATH": str(hide)}


@pytest.fixture
def keras_env(monkeypatch, tmp_path):
    """No KERAS_BACKEND and an empty KERAS_HOME: Keras' own default applies. (Set, then deleted:
    so monkeypatch restores the variable's state even after choose_keras_backend sets it.)"""
    monkeypatch.setenv("KERAS_BACKEND", "")
    monkeypatch.delenv("KERAS_BACKEND")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    return tmp_path


def only_installed(monkeypatch, *modules):
    monkeypatch.setattr(frameworks, "installed", lambda module: module in modules)


def test_keras_backend_comes_from_the_variable_then_keras_json_then_the_default(keras_env, monkeypatch):
    assert frameworks.keras_backend() == ("tensorflow", "Keras' default")
    (keras_env / "keras.json").write_text(json.dumps({"backend": "jax"}))
    assert frameworks.keras_backend() == ("jax", str(keras_env / "keras.json"))
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    assert frameworks.keras_backend() == ("torch", "KERAS_BACKEND")


@pytest.mark.parametrize(("installed", "chosen"), [
    (("keras", "tensorflow", "torch"), None),  # the default backend is there: nothing to choose
    (("keras", "torch"), "torch"),
    (("keras", "jax"), "jax"),
    (("torch",), None),  # no Keras: nothing to choose
])
def test_an_installed_backend_is_chosen_only_when_the_configured_one_is_missing(keras_env, monkeypatch, installed, chosen):
    only_installed(monkeypatch, *installed)
    frameworks.choose_keras_backend()
    assert frameworks.os.environ.get("KERAS_BACKEND") == chosen


def test_an_explicit_backend_is_kept_even_when_missing(keras_env, monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    only_installed(monkeypatch, "keras", "torch")
    frameworks.choose_keras_backend()
    assert frameworks.os.environ["KERAS_BACKEND"] == "jax"


def test_a_missing_framework_makes_a_kata_unavailable_with_what_to_install(monkeypatch):
    only_installed(monkeypatch, "torch", "keras")
    assert frameworks.unavailable(KATAS["autograd/accumulation"]) is None
    why = frameworks.unavailable(KATAS["keras/graph_eager"])
    assert why == ("keras/graph_eager needs TensorFlow, which is not installed in this environment "
                   "(pip install -e '.[tensorflow]')")
    # a side-by-side kata runs its torch half: available, with the TensorFlow half missing
    assert frameworks.unavailable(KATAS["autograd/derivative"]) is None
    assert frameworks.missing_half(KATAS["autograd/derivative"]) == "tensorflow"
    assert frameworks.half_label(KATAS["autograd/derivative"]) == "torch half"


def test_a_kata_for_one_keras_backend_is_unavailable_on_another(keras_env, monkeypatch):
    only_installed(monkeypatch, "torch", "keras", "tensorflow")
    loop = KATAS["keras/custom_loop"]
    assert loop.keras_backends == ("tensorflow",)
    assert frameworks.unavailable(loop) is None
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    assert frameworks.lacking(loop) == "Keras on the TensorFlow backend"
    assert "Keras runs on torch here (from KERAS_BACKEND). Run it with KERAS_BACKEND=tensorflow" in frameworks.unavailable(loop)
    assert frameworks.unavailable(KATAS["keras/regression"]) is None  # any backend


def test_env_names_say_versions_absences_and_the_backend():
    assert frameworks.expected_from("py311-torch213-tf221-keras315-tfbackend") == {
        "python": "3.11", "torch": "2.13", "tensorflow": "2.21", "keras": "3.15", "backend": "tensorflow"}
    assert frameworks.expected_from("py312-torch29-notf-keras311-torchbackend-smoke") == {
        "python": "3.12", "torch": "2.9", "tensorflow": None, "keras": "3.11", "backend": "torch"}


def test_versions_match_by_prefix_and_absence_must_be_absent():
    found = {"python": "3.11", "torch": "2.13.0+cpu", "tensorflow": None, "keras": "3.15.1", "backend": "torch"}
    assert frameworks.mismatches(frameworks.expected_from("py311-torch213-notf-keras315-torchbackend"), found) == []
    wrong = frameworks.mismatches(frameworks.expected_from("py311-torch21-tf221-keras31-jaxbackend"), found)
    assert wrong == [
        "torch: the env name says 2.1, found 2.13.0+cpu",  # 2.1 is not a prefix of 2.13
        "tensorflow: the env name says 2.21, found not installed",
        "keras: the env name says 3.1, found 3.15.1",
        "backend: the env name says jax, found torch",
    ]


def test_every_keras_kata_docstring_says_which_backend_it_needs():
    for kata in curriculum.load():
        if "keras" not in kata.frameworks:
            assert not kata.keras_backends, f"{kata.id}: keras_backends without Keras"
            continue
        docstring = kata.stub.read_text()
        if kata.keras_backends:
            assert set(kata.keras_backends) <= set(frameworks.KERAS_BACKENDS)
            wanted = " or ".join(frameworks.NAMES[b] for b in kata.keras_backends)
            assert f"Needs the {wanted} backend" in docstring, kata.id
        else:
            assert "Runs on any Keras backend." in docstring, kata.id
        # TensorFlow code next to Keras code only works when Keras runs on TensorFlow.
        assert ("tensorflow" in kata.frameworks) <= (kata.keras_backends == ("tensorflow",)), kata.id


def test_a_kata_without_its_framework_is_one_skip_with_the_reason(sandbox):
    run = sandbox.python("-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "katas/keras/test_graph_eager.py",
                         "katas/autograd/test_accumulation.py", env=without_tensorflow(sandbox))
    assert "SKIPPED [1] katas/keras/test_graph_eager.py: keras/graph_eager needs TensorFlow, which is not installed" in run.output
    assert " todo" in run.output and "1 skipped" in run.output, run.output  # accumulation still runs


def test_a_deploy_kata_without_its_runtime_is_one_skip_naming_the_extra(sandbox, monkeypatch):
    """ONNX Runtime missing (torch present): deploy/onnx_export is one skip that says what to install."""
    only_installed(monkeypatch, "torch", "keras", "onnx", "onnxscript")
    assert frameworks.unavailable(KATAS["deploy/onnx_export"]) == (
        "deploy/onnx_export needs ONNX Runtime, which is not installed in this environment (pip install -e '.[onnx]')")
    hide = sandbox.root / "hide-onnxruntime"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['onnxruntime'] = None\n")
    run = sandbox.python("-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "katas/deploy/test_onnx_export.py",
                         env={"PYTHONPATH": str(hide)})
    assert "SKIPPED [1] katas/deploy/test_onnx_export.py: deploy/onnx_export needs ONNX Runtime" in run.output, run.output
    assert "1 skipped" in run.output, run.output


@needs("torch")  # TensorFlow is hidden below; torch must be here to run its half
def test_a_side_by_side_kata_runs_its_torch_half_without_tensorflow(sandbox):
    """No whole-file skip: the PyTorch tests run (TODO on the stub, green on the solution) and each
    TensorFlow test skips with the reason."""
    env = without_tensorflow(sandbox)
    for target in ([], ["--solutions"]):
        run = sandbox.python("-m", "pytest", "-rs", "-p", "no:cacheprovider", *target,
                             "katas/tensors/test_reductions.py", "katas/autograd/test_derivative.py", env=env)
        assert "the TensorFlow (tf_...) half needs TensorFlow, which is not installed" in run.output, run.output
        assert ("passed" in run.output and run.returncode == 0) if target else " todo" in run.output, run.output
        assert "needs TensorFlow, which is not installed in this environment (pip" not in run.output.split("half")[0]


@needs("torch", "tensorflow")  # torch is hidden below; TensorFlow must be here to run its half
def test_a_side_by_side_kata_runs_its_tensorflow_half_without_torch(sandbox):
    hide = sandbox.root / "hide-torch"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['torch'] = None\n")
    run = sandbox.python("-m", "pytest", "-rs", "-p", "no:cacheprovider", "--solutions", "katas/tensors/test_reductions.py",
                         env={"PYTHONPATH": str(hide)})
    assert run.returncode == 0 and "passed" in run.output, run.output
    assert "the PyTorch half needs PyTorch, which is not installed" in run.output, run.output


def test_the_runner_says_not_here_and_check_passes_without_it(sandbox):
    hidden = without_tensorflow(sandbox)
    run = sandbox.katas("check", "--solutions", "autograd", "keras/graph_eager", env=hidden)
    assert run.returncode == 0, run.output
    assert "NOT HERE keras/graph_eager: not run in this environment" in run.output
    assert "GREEN autograd/derivative (torch half)" in run.output  # its torch half counts
    assert "GREEN autograd/accumulation" in run.output
    assert "checked katas are green (1 not run here" in run.output
    listed = sandbox.katas("list", env=hidden)
    assert "(torch half)" in listed.output
    env = sandbox.katas("env", env=hidden)
    assert "half here: autograd/derivative runs its torch half" in env.output


@needs("tensorflow", "torch")
def test_a_tensorflow_backend_kata_skips_on_the_torch_backend(sandbox):
    run = sandbox.python("-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "--solutions",
                         "katas/keras/test_custom_loop.py", env={"KERAS_BACKEND": "torch"})
    assert "keras/custom_loop needs Keras on the TensorFlow backend; Keras runs on torch here" in run.output, run.output
    assert "1 skipped" in run.output
