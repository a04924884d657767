"""Shared fixtures: every test gets its own data directory; nothing touches a real profile."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


#: the suites that run on both store dialects (issue 16): each of their tests that uses
#: a profile (``data_dir``) runs once on SQLite and once on a PostgreSQL schema of its own
BOTH_DIALECTS = ("tests/core/test_core_store.py", "tests/core/test_core_search.py",
                 "tests/sync/test_numbers.py", "tests/sync/test_sync_flows.py",
                 "tests/sync/test_lifecycle_sync.py", "tests/sync/test_office_sync.py",
                 "tests/ui/test_shell_store_watch.py", "tests/ui/editor/test_editor_office.py",
                 "tests/office/", "tests/core/test_core_ciq_switch.py",
                 "tests/core/test_core_finalise_reuse.py",
                 "tests/core/test_core_search_numbers.py",
                 "tests/core/test_core_draft_bin.py")


def pytest_generate_tests(metafunc):
    if "store_dialect" not in metafunc.fixturenames:
        return
    path = str(metafunc.definition.path).replace(os.sep, "/")
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return  # about the SQLite file itself (pragmas, the file's bytes, quick.py)
    if any(f"/{suite}" in path or path.endswith(suite) for suite in BOTH_DIALECTS):
        metafunc.parametrize("store_dialect", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_dialect(request, monkeypatch):
    """``sqlite`` (the default) or ``postgresql``: then ``CIQDESK_STORE_URL`` names a fresh
    schema on the test server (``tests/pgtest.py``; skipped locally without one, failing
    in CI)."""
    dialect = getattr(request, "param", "sqlite")
    if dialect == "postgresql":
        from tests.pgtest import drop_schema, fresh_schema_url
        url, schema = fresh_schema_url()
        monkeypatch.setenv("CIQDESK_STORE_URL", url)
        yield dialect
        drop_schema(schema)
    else:
        monkeypatch.delenv("CIQDESK_STORE_URL", raising=False)
        yield dialect


@pytest.fixture
def data_dir(tmp_path, monkeypatch, store_dialect):
    """A fresh, empty CIQ Desk data directory used through ``CIQDESK_DATA_DIR`` (and on
    the PostgreSQL leg of :data:`BOTH_DIALECTS`, an empty office schema)."""
    d = tmp_path / "profile"
    d.mkdir()
    monkeypatch.setenv("CIQDESK_DATA_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def codebook():
    from client.codes import default_codebook
    return default_codebook()
