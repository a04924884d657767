"""Fixtures of the e-commerce registration tests: real sandboxes, desks (several profiles),
engines and the CLI, all in the test's tmp directory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def creds(tmp_path):
    from keyrings.alt.file import PlaintextKeyring

    from client.credentials import CredentialStore
    kr = PlaintextKeyring()
    kr.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    os.makedirs(tmp_path / "keyring", exist_ok=True)
    return CredentialStore(kr)


@pytest.fixture
def open_desk(tmp_path):
    """``open_desk(name)``: a Desk on its own profile directory ``tmp/<name>``."""
    from client.services import Desk
    made = []

    def make(name: str = "profile"):
        d = Desk.open(tmp_path / name)
        made.append(d)
        return d
    yield make
    for d in made:
        d.close()


@pytest.fixture
def make_engine(creds):
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy
    made = []

    def make(desk):
        e = SyncEngine(desk, creds, retry=RetryPolicy(attempts=3, base=0.01, cap=0.1),
                       timeout=(2.0, 60.0))
        made.append(e)
        return e
    yield make
    for e in made:
        e.close()


@pytest.fixture
def cli(tmp_path):
    """``cli(profile_dir, *args, input=None)`` runs ``python -m client`` on that profile."""
    def run(profile, *args: str, input: str | None = None):
        env = dict(os.environ)
        env.update({"CIQDESK_DATA_DIR": str(profile), "XDG_DATA_HOME": str(tmp_path / "xdg"),
                    "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
                    "PYTHONPATH": str(REPO)})
        return subprocess.run([sys.executable, "-m", "client", *args], cwd=str(REPO), env=env,
                              input=input, capture_output=True, text=True, timeout=180)
    return run
