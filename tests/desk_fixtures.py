"""Fixtures a desk's sync tests share (tests/sync, tests/ecert, tests/ecom): a keyring file in tmp, the
credential store on it, logged-in sync engines, desks on their own profiles, ``python -m client`` subprocesses.

Nothing here touches the user's real keyring or profile: the keyring is keyrings.alt's
plain-text file backend pointed into the test's tmp directory, and CLI subprocesses get
``PYTHON_KEYRING_BACKEND`` + ``XDG_DATA_HOME`` pointing there. A conftest imports the
fixtures it wants by name (the sandbox ones come from :mod:`sandbox.pytest_fixtures`).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


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
def make_engine(creds):
    """``make_engine(desk, **kw)``: a :class:`SyncEngine` with quick retries, closed after."""
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
def open_desk(tmp_path):
    """``open_desk(name)``: a Desk on its own profile directory ``tmp/<name>``, closed after."""
    from client.services import Desk
    made = []

    def make(name: str = "profile"):
        d = Desk.open(tmp_path / name)
        made.append(d)
        return d
    yield make
    for d in made:
        d.close()


def cli_environment(data_dir: Path, tmp_path: Path) -> dict:
    """The environment of a ``python -m client`` subprocess on profile ``data_dir``."""
    xdg = tmp_path / "xdg"
    xdg.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update({"CIQDESK_DATA_DIR": str(data_dir), "XDG_DATA_HOME": str(xdg),
                "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
                "PYTHONPATH": str(REPO)})
    return env


def run_cli(env: dict, *args: str, input: str | None = None, timeout: float = 120):
    """Run ``python -m client ARGS`` in ``env``; the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "client", *args], cwd=str(REPO), env=env,
                          input=input, capture_output=True, text=True, timeout=timeout)


def take_eciq_lists(desk) -> None:
    """Put version 2027.01.0 of ``transport_modes``/``trade_modes`` (the eCIQ lists) in
    force on ``desk`` as a sync leaves it in the store (issue 13; the drafts' conversion
    is the pull's, ``tests/sync/test_sync_ciq_switch.py``)."""
    from client.ciq.lists import ECIQ_VERSION, SWITCHED, switch_csv
    from client.store import dialect
    from client.store import schema as s
    from client.store.db import utcnow
    with desk.db.write() as conn:
        for t in SWITCHED:
            conn.execute(dialect.insert(conn, s.code_tables).values(
                name=t, version=ECIQ_VERSION, sha256="", content=switch_csv(t),
                updated_at=utcnow()))
    desk._codes = None
