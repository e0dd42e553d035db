import pytest

from katas._support.frameworks import installed
from tests.sandbox import Sandbox


def needs(*modules: str) -> pytest.MarkDecorator:
    """Skip a meta-test that is about a framework this environment does not have
    (``python3 bootstrap.py verify --frameworks torch``)."""
    missing = [module for module in modules if not installed(module)]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}, not installed here")


@pytest.fixture
def sandbox(tmp_path) -> Sandbox:
    return Sandbox(tmp_path)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The project's meta-tests start runners, sandboxes and fresh interpreters that import the
    frameworks: on a busy machine one takes minutes, not the kata tests' budget. Each gets 300 s
    unless it says otherwise (a kata_timeout marker)."""
    for item in items:
        if "tests" in item.path.parts[-2:-1] and item.get_closest_marker("kata_timeout") is None:
            item.add_marker(pytest.mark.kata_timeout(300))
