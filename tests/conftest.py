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
