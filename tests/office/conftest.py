"""Fixtures of the office tests (issue 16): desks sharing one store.

``office_url`` is the store every desk of a test shares: on the ``postgresql`` leg a fresh
schema (``tests/pgtest.py``), on the ``sqlite`` leg ``None`` (the desks then share one
profile's file, as the desktop and the CLI do on one machine).
"""
from __future__ import annotations

import os

import pytest

from client import numbers


@pytest.fixture
def office_url(data_dir, store_dialect):
    return os.environ.get("CIQDESK_STORE_URL") if store_dialect == "postgresql" else None


@pytest.fixture
def pg_only(store_dialect):
    if store_dialect != "postgresql":
        pytest.skip("a PostgreSQL-only behaviour (the office store); its SQLite leg is the "
                    "one-writer file, tested in tests/core")


@pytest.fixture
def open_desk(tmp_path, data_dir, office_url):
    """``open_desk(name)``: a desk of the office (its own data directory on PostgreSQL,
    the shared profile on SQLite); closed at the end."""
    from client.services import Desk
    opened = []

    def make(name: str):
        d = Desk.open(tmp_path / f"desk-{name}" if office_url else data_dir)
        opened.append(d)
        return d
    yield make
    for d in opened:
        d.close()


def add_lease(desk, first: int = 1, last: int = 100000, lease_id: str = "L1"):
    with desk.db.write() as conn:
        return numbers.store_lease(conn, {"lease_id": lease_id, "bureau": "310000",
                                          "direction": "inbound",
                                          "year": str(numbers.current_year())[-2:],
                                          "first": first, "last": last,
                                          "expires_at": "2999-01-01T00:00:00.000Z"})


def login_as(desk, name: str) -> None:
    """The desk's declarer (what ``filed_by``/``saved_by`` name): its ``username`` setting."""
    from client.store import kv
    with desk.db.write() as conn:
        kv.put(conn, "username", name)
