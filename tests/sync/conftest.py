"""Fixtures of the sync tests: a keyring file in tmp, a desk, a logged-in engine, sandboxes.

Nothing here touches the user's real keyring or profile: the keyring is keyrings.alt's
plain-text file backend pointed into the test's tmp directory (``creds``), and CLI
subprocesses get ``PYTHON_KEYRING_BACKEND`` + ``XDG_DATA_HOME`` pointing there (``cli_env``).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def keyring_backend(tmp_path):
    from keyrings.alt.file import PlaintextKeyring
    kr = PlaintextKeyring()
    kr.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    os.makedirs(tmp_path / "keyring", exist_ok=True)
    return kr


@pytest.fixture
def creds(keyring_backend):
    from client.credentials import CredentialStore
    return CredentialStore(keyring_backend)


@pytest.fixture
def cli_env(tmp_path, data_dir):
    """Environment for ``python -m client`` subprocesses: tmp profile and tmp keyring file."""
    xdg = tmp_path / "xdg"
    xdg.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update({"CIQDESK_DATA_DIR": str(data_dir), "XDG_DATA_HOME": str(xdg),
                "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
                "PYTHONPATH": str(REPO)})
    return env


@pytest.fixture
def cli(cli_env):
    """Run ``python -m client ARGS``; returns the CompletedProcess."""
    import subprocess

    def run(*args: str, input: str | None = None, timeout: float = 120):
        return subprocess.run([sys.executable, "-m", "client", *args], cwd=str(REPO),
                              env=cli_env, input=input, capture_output=True, text=True,
                              timeout=timeout)
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
def make_engine(creds):
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy
    made = []

    def make(desk, **kw):
        kw.setdefault("retry", RetryPolicy(attempts=6, base=0.01, cap=0.2))
        kw.setdefault("timeout", (2.0, 30.0))
        e = SyncEngine(desk, creds, **kw)
        made.append(e)
        return e
    yield make
    for e in made:
        e.close()


@pytest.fixture
def engine(desk, make_engine):
    return make_engine(desk)
