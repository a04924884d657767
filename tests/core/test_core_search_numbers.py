"""Finding a declaration by any part of its inspection number (issue 17: the number has
its own trigram index, migration 0011_numbers): after finalise, in the index and in the
walk alike, and in a store upgraded from the schema that kept it in ``search_text``."""
from __future__ import annotations

import sqlite3

import pytest

from client import numbers
from client.rules.sample import sample_declaration
from client.services import Desk
from client.services.filing import Filing
from client.store import declarations as decl_q
from client.store import search


def _finalised(desk, n=6):
    with desk.db.write() as conn:
        numbers.store_lease(conn, {"lease_id": "L-in", "bureau": "310000",
                                   "direction": "inbound",
                                   "year": str(numbers.current_year())[-2:],
                                   "first": 1, "last": 50,
                                   "expires_at": "2999-01-01T00:00:00.000Z"})
    decls = [sample_declaration("inbound", 2, seed=i) for i in range(n)]
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    res = Filing(desk).finalise([d.id for d in decls])
    assert len(res.finalised) == n
    return decls, dict(res.finalised)


def _ids(desk, q, **kw):
    return sorted(r.id for r in desk.list(search=q, limit=1000, **kw))


def _queries(no: str, contract: str) -> list[str]:
    return [no, no[-6:], no[4:11], no[-4:], no[-2:], f"{no} {contract.lower()}"]


def test_a_finalised_declaration_is_found_by_any_part_of_its_number(desk, monkeypatch):
    decls, nos = _finalised(desk)
    target = decls[3]
    no = nos[target.id]
    by_index = {}
    for q in _queries(no, target.contract_no):
        found = _ids(desk, q)
        assert target.id in found, q
        assert desk.count(search=q) == len(found), q
        by_index[q] = found
    assert _ids(desk, no) == [target.id]
    assert _ids(desk, no + "9") == []
    monkeypatch.setattr(search, "DRIVE_LIMIT", 0)  # every text common: the walk with LIKE
    for q, found in by_index.items():
        assert _ids(desk, q) == found, q
        assert desk.count(search=q) == len(found), q


def test_the_number_joins_the_search_with_the_status_filter(desk):
    decls, nos = _finalised(desk, 3)
    no = nos[decls[1].id]
    assert [r.id for r in desk.list(search=no, status="ready")] == [decls[1].id]
    assert desk.list(search=no, status="draft") == []


def _text_of(desk, did) -> str:
    with desk.db.read() as conn:
        return conn.execute(decl_q.s.declarations.select()
                            .where(decl_q.s.declarations.c.id == did)).first().search_text


def test_a_store_of_schema_0010_is_searched_by_number_after_the_upgrade(data_dir):
    """Downgraded to 0010_import (the number in front of search_text, no number index)
    and opened again: the upgrade takes the number off the text and indexes it (SQLite:
    its own FTS5 table; PostgreSQL: the haystack's GIN index built again)."""
    from alembic import command
    from alembic.config import Config

    from client.store.db import MIGRATIONS_DIR, SCHEMA_HEAD

    desk = Desk.open(data_dir)
    decls, nos = _finalised(desk, 4)
    target = decls[2]
    no = nos[target.id]
    before = {q: _ids(desk, q) for q in _queries(no, target.contract_no) + ["ltd", "有限公司"]}
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with desk.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_import")
        conn.commit()
    assert _text_of(desk, target.id).startswith(no + " ")
    sqlite = not desk.db.is_postgres
    path = desk.store.db.path if sqlite else None
    desk.close()
    if sqlite:
        raw = sqlite3.connect(path)
        assert search.NO_TABLE not in {r[0] for r in raw.execute(
            "SELECT name FROM sqlite_master")}
        raw.close()

    desk = Desk.open(data_dir)
    try:
        with desk.db.read() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version"
                                        ).scalar() == SCHEMA_HEAD
        for q, found in before.items():
            assert _ids(desk, q) == found, q
            assert desk.count(search=q) == len(found), q
        assert _ids(desk, f"{no} {no}") == []  # the number is in the haystack once
        assert no not in _text_of(desk, target.id)
    finally:
        desk.close()
    if sqlite:
        raw = sqlite3.connect(path)
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute(f"SELECT count(*) FROM {search.NO_TABLE}").fetchone()[0] == 4
        raw.close()


@pytest.mark.sqlite_only
def test_a_number_written_outside_finalise_is_indexed_by_the_trigger(desk):
    """Finalise indexes its numbers in bulk (the trigger steps aside and no marker is
    left); a number any other writer puts on a row goes through the trigger."""
    decls, nos = _finalised(desk, 2)
    d = sample_declaration("inbound", 1, seed=77)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
        conn.exec_driver_sql("UPDATE declarations SET inspection_no = '310000126999999' "
                             "WHERE id = ?", (d.id,))
    assert _ids(desk, "6999999") == [d.id]
    with desk.db.write() as conn:
        conn.exec_driver_sql("UPDATE declarations SET inspection_no = '310000126888888' "
                             "WHERE id = ?", (d.id,))
    assert _ids(desk, "6999999") == [] and _ids(desk, "6888888") == [d.id]
    with desk.db.read() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM {search.DEFER_TABLE}").scalar() == 0
        assert conn.exec_driver_sql(f"SELECT count(*) FROM {search.NO_TABLE}").scalar() == 3
    assert all(_ids(desk, no) == [did] for did, no in nos.items())
    desk.delete_draft(d.id)
    assert _ids(desk, "6888888") == []
