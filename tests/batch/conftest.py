"""Fixtures of the batch-filing tests: an open desk on the test's own profile."""
from __future__ import annotations

import pytest

from client.services import Desk


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()
