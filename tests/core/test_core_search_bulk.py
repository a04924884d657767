"""The search index's write side for bulk saves (issue 17): the one writer indexes the
rows it inserts in one statement per chunk, in its own transaction, and every other
insert still goes through the trigger."""
from __future__ import annotations

import sqlite3

import pytest

from client.rules.sample import sample_declaration
from client.store import declarations as decl_q
from client.store import search


def _index_count(desk) -> tuple[int, int, int]:
    with desk.db.read() as conn:
        return tuple(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                     for t in ("decl_search", "decl_search_key", search.DEFER_TABLE))


def _hits(desk, q):
    return sorted(r.id for r in desk.list(search=q, limit=1000))


@pytest.mark.sqlite_only
def test_a_bulk_save_is_searchable_at_once_and_leaves_no_marker(desk):
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 2, seed=i)
             for i in range(1200)]  # more than one index chunk of 500
    with desk.db.write() as conn:
        inserted, _ = decl_q.save_many(conn, decls)
    assert len(inserted) == 1200
    assert _index_count(desk) == (1200, 1200, 0)
    for d in (decls[0], decls[777], decls[-1]):
        assert d.id in _hits(desk, d.contract_no.lower())
        assert d.id in _hits(desk, d.goods[1].name_cn)


@pytest.mark.sqlite_only
def test_a_save_that_fails_leaves_neither_rows_nor_index_entries(desk):
    ok = sample_declaration("inbound", 1, seed=1)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [ok])
    decls = [sample_declaration("inbound", 1, seed=i) for i in range(10, 20)]
    with pytest.raises(RuntimeError):
        with desk.db.write() as conn:
            decl_q.save_many(conn, decls)
            raise RuntimeError("killed before the commit")
    assert _index_count(desk) == (1, 1, 0)
    assert desk.count() == 1
    assert _hits(desk, decls[3].contract_no.lower()) == []
    # the trigger is in force again for the next single save
    desk.save_draft(decls[3])
    assert _hits(desk, decls[3].contract_no.lower()) == [decls[3].id]


@pytest.mark.sqlite_only
def test_an_insert_outside_the_writer_is_still_indexed_by_the_trigger(desk, data_dir):
    d = sample_declaration("outbound", 1, seed=5)
    desk.save_draft(d)
    db = next(data_dir.rglob("*.sqlite3"))
    raw = sqlite3.connect(db)
    cols = [r[1] for r in raw.execute("PRAGMA table_info(declarations)")]
    sel = ", ".join("'COPY-' || id" if c == "id" else
                    "'zz-copied-' || contract_no" if c == "search_text" else c for c in cols)
    with raw:
        raw.execute(f"INSERT INTO declarations ({', '.join(cols)}) SELECT {sel} FROM declarations")
    raw.close()
    assert _hits(desk, "zz-copied-") == ["COPY-" + d.id]
