import pytest

from tests.sandbox import Sandbox


@pytest.fixture
def sandbox(tmp_path) -> Sandbox:
    return Sandbox(tmp_path)
