"""Fixtures of the batch-filing tests: an open desk on the test's own profile."""
from __future__ import annotations

import pytest

from client.interchange import xlsx_rows
from client.services import Desk

#: test modules whose workbooks are read twice: in one piece, and in chunks of a few rows
#: (the large-sheet reader of xlsx_rows, here for every file however small)
_BOTH_READERS = {"test_batch_import", "test_batch_import_streamed", "test_batch_xlsx_exact",
                 "test_batch_limits", "test_batch_fuzz_xlsx", "test_batch_ciq_columns",
                 "test_batch_cells_csv", "test_batch_report_export",
                 "test_batch_import_spool"}


def pytest_generate_tests(metafunc):
    if metafunc.module.__name__.rsplit(".", 1)[-1] in _BOTH_READERS:
        metafunc.parametrize("xlsx_reader", ["whole", "chunked"], indirect=True)


@pytest.fixture(autouse=True)
def xlsx_reader(request, monkeypatch):
    """``chunked``: every sheet is read in pieces of about 1.5 KB of XML (a row or two)."""
    if getattr(request, "param", "whole") == "chunked":
        monkeypatch.setattr(xlsx_rows, "CHUNKED_FROM", 0)
        monkeypatch.setattr(xlsx_rows, "CHUNK_BYTES", 1500)
    return getattr(request, "param", "whole")


@pytest.fixture
def template(data_dir, tmp_path, capsys):
    """An empty template workbook, as ``python -m client template`` writes it."""
    from client.cli.main import main
    book = tmp_path / "分批.xlsx"
    assert main(["template", "--out", str(book)]) == 0
    capsys.readouterr()
    return book


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
