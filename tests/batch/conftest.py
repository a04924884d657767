"""Fixtures of the batch-filing tests: an open desk on the test's own profile."""
from __future__ import annotations

import pytest

from client.services import Desk


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture
def batch_creds(tmp_path):
    """A credential store on a plain-text keyring file in tmp (never the user's keyring)."""
    from keyrings.alt.file import PlaintextKeyring

    from client.credentials import CredentialStore
    kr = PlaintextKeyring()
    (tmp_path / "keyring").mkdir(exist_ok=True)
    kr.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    return CredentialStore(kr)


@pytest.fixture
def batch_sandbox(tmp_path_factory):
    """A real sandbox platform on 127.0.0.1 (statuses advance in milliseconds)."""
    from sandbox.testing import run_sandbox
    with run_sandbox(tmp_path_factory.mktemp("batch-sandbox"), time_scale=1e6) as sb:
        yield sb
