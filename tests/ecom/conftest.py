"""Fixtures of the e-commerce registration tests: real sandboxes, desks (several profiles),
engines and the CLI, all in the test's tmp directory.

``creds``/``make_engine``/``open_desk`` and the CLI runner are :mod:`tests.desk_fixtures`'
(shared with tests/sync and tests/ecert), the sandboxes :mod:`sandbox.pytest_fixtures`'.
"""
from __future__ import annotations

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401
from tests.desk_fixtures import cli_environment, run_cli
from tests.desk_fixtures import creds, keyring_backend, make_engine, open_desk  # noqa: F401


@pytest.fixture
def cli(tmp_path):
    """``cli(profile_dir, *args, input=None)`` runs ``python -m client`` on that profile."""
    def run(profile, *args: str, input: str | None = None):
        return run_cli(cli_environment(profile, tmp_path), *args, input=input, timeout=180)
    return run
