"""Shared fixtures: every test gets its own data directory; nothing touches a real profile."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty CIQ Desk data directory used through ``CIQDESK_DATA_DIR``."""
    d = tmp_path / "profile"
    d.mkdir()
    monkeypatch.setenv("CIQDESK_DATA_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def codebook():
    from client.codes import default_codebook
    return default_codebook()
