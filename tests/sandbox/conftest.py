"""Fixtures of the sandbox platform tests: a real server on 127.0.0.1 per test or module."""
from __future__ import annotations

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401
from sandbox.testing import run_sandbox


@pytest.fixture(scope="module")
def shared_sandbox(tmp_path_factory):
    """One sandbox for a whole test module (tests must not depend on each other's data)."""
    with run_sandbox(tmp_path_factory.mktemp("shared-sandbox"), time_scale=1e6) as sb:
        yield sb


@pytest.fixture(scope="module")
def slow_sandbox(tmp_path_factory):
    """A sandbox in real time (time scale 1): declarations stay `accepted` for ~15-45 s."""
    with run_sandbox(tmp_path_factory.mktemp("slow-sandbox"), time_scale=1.0,
                     token_ttl=30 * 86400) as sb:
        yield sb
