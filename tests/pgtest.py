"""A PostgreSQL server for the tests (issue 16): each test gets a schema of its own.

The server: ``CIQDESK_TEST_PG_URL`` (``.ci/run`` starts one with
``tools/pg_test_server.sh`` and exports it), else the default that script prints. Without a
server a test that needs it is skipped locally with how to get one, and FAILS in CI
(``CI`` or ``CIQDESK_REQUIRE_PG=1`` set).
"""
from __future__ import annotations

import os
import uuid

import pytest

DEFAULT_URL = "postgresql+psycopg://ciqdesk@127.0.0.1:54329/ciqdesk_test"
HOW = ("PostgreSQL not reachable at {url}: install Debian's postgresql package and run "
       "tools/pg_test_server.sh (or set CIQDESK_TEST_PG_URL)")

_checked: dict[str, str | None] = {}


def server_url() -> str:
    return os.environ.get("CIQDESK_TEST_PG_URL") or DEFAULT_URL


def required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("CIQDESK_REQUIRE_PG") == "1"


def _psycopg_dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def need_server() -> str:
    """The server URL, or skip (locally) / fail (in CI) saying how to get one."""
    url = server_url()
    if url not in _checked:
        try:
            import psycopg
            with psycopg.connect(_psycopg_dsn(url), connect_timeout=3):
                pass
            _checked[url] = None
        except Exception as exc:  # noqa: BLE001 - reported as the reason
            _checked[url] = f"{HOW.format(url=url)} ({type(exc).__name__}: {exc})"
    why = _checked[url]
    if why:
        if required():
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    return url


def fresh_schema_url() -> tuple[str, str]:
    """``(url, schema)``: a new empty schema on the server and a URL whose connections
    use it (``search_path``), so tests never see each other's rows."""
    import psycopg
    url = need_server()
    schema = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(_psycopg_dsn(url), autocommit=True) as conn:
        # the trigram search index's extension lives in public (on every test's path): in
        # a test's own schema it would go with that schema
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        conn.execute("ALTER EXTENSION pg_trgm SET SCHEMA public")  # if made elsewhere
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}%2Cpublic", schema


def drop_schema(schema: str) -> None:
    import psycopg
    with psycopg.connect(_psycopg_dsn(server_url()), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
