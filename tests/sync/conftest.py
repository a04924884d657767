"""Fixtures of the sync tests: a desk, a logged-in engine, the CLI on the test's profile.

The keyring file in tmp, ``creds`` and ``make_engine`` come from :mod:`tests.desk_fixtures`
(shared with tests/ecert), the sandboxes from :mod:`sandbox.pytest_fixtures`.
"""
from __future__ import annotations

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401
from tests.desk_fixtures import cli_environment, run_cli
from tests.desk_fixtures import creds, keyring_backend, make_engine  # noqa: F401

@pytest.fixture
def cli_env(tmp_path, data_dir):
    """Environment for ``python -m client`` subprocesses: tmp profile and tmp keyring file."""
    return cli_environment(data_dir, tmp_path)


@pytest.fixture
def cli(cli_env):
    """Run ``python -m client ARGS``; returns the CompletedProcess."""
    def run(*args: str, input: str | None = None, timeout: float = 120):
        return run_cli(cli_env, *args, input=input, timeout=timeout)
    return run


@pytest.fixture
def desk(data_dir, tmp_path):
    from client.services import Desk
    d = Desk.open(data_dir)
    att = tmp_path / "contract.pdf"
    att.write_bytes(b"test")  # sample_declaration's attachment is sha256(b"test")
    d.store_attachment(att)
    yield d
    d.close()


@pytest.fixture
def engine(desk, make_engine):  # noqa: F811 - the fixture imported above
    return make_engine(desk)
