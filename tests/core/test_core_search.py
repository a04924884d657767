"""The search box's trigram index: kept in step with every write, same answers as the
LIKE scan it replaces, and a no-match text answered without walking the list."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import quick, search

DATA = Path(__file__).resolve().parent.parent / "data"


def _make(desk, n):
    out = []
    for i in range(n):
        d = sample_declaration("inbound" if i % 2 == 0 else "outbound", seed=i)
        desk.save_draft(d)
        out.append(d)
    return out


def _ids(desk, q, **kw):
    return sorted(r.id for r in desk.list(search=q, limit=1000, **kw))


def _index_rows(desk) -> int:
    with desk.db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM decl_search").scalar()


@pytest.mark.sqlite_only
def test_index_follows_save_edit_and_delete(desk):
    made = _make(desk, 4)
    target = made[2]
    assert _index_rows(desk) == 4
    assert target.id in _ids(desk, target.contract_no)
    old = target.contract_no
    target.contract_no = "ZZQ-NEW-777"
    desk.save_draft(target)
    assert _ids(desk, "zzq-new-777") == [target.id]
    assert target.id not in _ids(desk, old)
    desk.delete_draft(target.id)
    assert _ids(desk, "zzq-new-777") == []
    assert _index_rows(desk) == 3


def test_goods_names_are_searchable(desk):
    made = _make(desk, 3)
    goods = made[1].goods[0].name_cn
    assert len(goods) >= 3
    assert made[1].id in _ids(desk, goods)


def test_index_and_like_scan_give_the_same_rows(desk, monkeypatch):
    made = _make(desk, 12)
    queries = [made[5].contract_no.lower()[3:], "ltd", "有限公司", "不存在的名字XYZ", "%%%",
               made[7].bl_no or "cosu", "co", "a"]
    by_index = {q: _ids(desk, q) for q in queries}
    counts = {q: desk.count(search=q) for q in queries}
    monkeypatch.setattr(search, "DRIVE_LIMIT", 0)  # every text counts as common: LIKE scan
    for q in queries:
        assert _ids(desk, q) == by_index[q], q
        assert desk.count(search=q) == counts[q] == len(by_index[q]), q
    assert by_index["不存在的名字XYZ"] == [] and by_index["%%%"] == []
    assert len(by_index["ltd"]) > 1


def test_search_combines_with_status_and_paging(desk):
    made = _make(desk, 9)
    seen, after = [], None
    while True:
        page = desk.list(search="ltd", limit=2, after=after)
        if not page:
            break
        seen += [r.id for r in page]
        after = page[-1].cursor
    assert sorted(seen) == _ids(desk, "ltd")
    assert desk.list(search="ltd", status="ready") == []


@pytest.mark.sqlite_only
def test_no_match_query_reads_no_list_rows(desk):
    """A text nobody has is answered by the index alone (no scan of the list)."""
    _make(desk, 5)
    with desk.db.read() as conn:
        raw = conn.connection.driver_connection
        cond, _, _ = search.plan(raw, "不存在的名字xyz")
    assert cond is None


@pytest.mark.sqlite_only
def test_quick_list_uses_the_index(desk):
    made = _make(desk, 6)
    path = desk.db.path
    desk.close()
    conn = quick.open_reader(path)
    assert conn is not None
    lines = [x for chunk in quick.iter_brief_lines(conn, {}, search=made[4].contract_no)
             for x in chunk]
    none = list(quick.iter_brief_lines(conn, {}, search="不存在的名字XYZ"))
    conn.close()
    assert [ln.split()[0] for ln in lines] == [made[4].id]
    assert none == []


@pytest.mark.sqlite_only
def test_upgrade_from_schema_0002_builds_the_index(data_dir):
    shutil.copy(DATA / "schema-0002.sqlite3", data_dir / "ciqdesk.sqlite3")
    desk = Desk.open(data_dir)
    try:
        assert _index_rows(desk) == 3
        assert _ids(desk, "sunrise exports") == sorted(
            r.id for r in desk.list() if "sunrise" in (r.consignor or "").lower()
            or "sunrise" in (r.consignee or "").lower())
        assert _ids(desk, "耳机") == ["1SAMPLE0000000000000000001"]
    finally:
        desk.close()
    conn = sqlite3.connect(data_dir / "ciqdesk.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_bundled_sqlite_has_fts5_trigram():
    assert sqlite3.sqlite_version_info >= (3, 34)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    conn.close()


def test_a_status_change_moves_the_hit_to_the_top_of_the_search(desk):
    from client.store import declarations as decl_q
    made = _make(desk, 6)
    with desk.db.write() as conn:
        decl_q.set_status(conn, made[0].id, "ready")
    hits = desk.list(search="ltd", limit=100)
    assert hits[0].id == made[0].id and hits[0].status == "ready"
    assert [r.id for r in desk.list(search="ltd", status="ready")] == [made[0].id]


def test_long_queries_ask_the_index_for_a_window_and_check_the_whole_text(desk):
    """A query longer than search.WINDOW asks the index for its tail (then its head); the
    candidates are checked against the whole text, so a row that holds only the tail is
    not a hit."""
    made = _make(desk, 8)
    target = made[3]
    target.contract_no = "HT2026-8800123456"
    desk.save_draft(target)
    decoy = made[4]
    decoy.contract_no = "ZZ9999-7700123456"  # the same last six characters
    desk.save_draft(decoy)
    assert search.windows("ht2026-8800123456") == ["123456", "ht2026", "ht2026-8800123456"]
    assert _ids(desk, "HT2026-8800123456") == [target.id]
    assert desk.count(search="ht2026-8800123456") == 1
    assert sorted(_ids(desk, "00123456")) == sorted([target.id, decoy.id])
    assert _ids(desk, "xx2026-8800123456") == []
    assert desk.count(search="xx2026-8800123456") == 0


@pytest.mark.sqlite_only
def test_drive_limit_grows_with_the_store_within_its_bounds(desk):
    _make(desk, 3)
    with desk.db.read() as conn:
        raw = conn.connection.driver_connection
        assert search.drive_limit(raw) == search.DRIVE_MIN
        raw.execute("SAVEPOINT big")
        raw.execute("INSERT INTO decl_search_key(rid, updated_at, id) VALUES (4000000, 'x', 'y')")
        assert search.drive_limit(raw) == int((40 * 4000000) ** 0.5)
        raw.execute("INSERT INTO decl_search_key(rid, updated_at, id) VALUES (90000000, 'x', 'z')")
        assert search.drive_limit(raw) == search.DRIVE_MAX
        raw.execute("ROLLBACK TO big")


def test_a_short_query_under_a_floor_reads_only_the_newest_rows(desk):
    """The search box's bounded walk: with a floor, a 1-2 character query lists and counts
    the hits among the newest ``budget`` declarations only, exactly; without it, all."""
    made = _make(desk, 10)
    everything = _ids(desk, "co")
    assert len(everything) >= 4
    floor = desk.scan_floor(4)
    newest = desk.list(limit=4)
    assert floor == newest[-1].cursor
    hits = desk.list(search="co", floor=floor, limit=100)
    assert {r.id for r in hits} == {r.id for r in newest} & set(everything)
    assert desk.count(search="co", floor=floor) == len(hits)
    assert desk.count(floor=floor) == 4
    assert desk.scan_floor(len(made) + 1) is None  # a small store: nothing to bound


def test_select_all_under_a_floor_selects_what_the_list_shows(desk):
    from client.services.selection import Selection, count, resolve
    _make(desk, 9)
    floor = desk.scan_floor(5)
    sel = Selection.all_matching(search="co", floor=floor)
    shown = [r.id for r in desk.list(search="co", floor=floor, limit=100)]
    assert resolve(desk, sel) == shown
    assert count(desk, sel) == len(shown) < len(_ids(desk, "co"))


@pytest.mark.sqlite_only
def test_an_index_past_its_deadline_gives_way_to_a_bounded_walk(desk, monkeypatch):
    """The search box's first page: a text the index cannot answer within
    search.PROBE_DEADLINE is walked over the newest SHORT_BUDGET rows, with the floor
    returned so the list can say so; given time, the index answers every match."""
    made = _make(desk, 10)
    every = _ids(desk, "ltd")
    assert len(every) > 3
    floor, rows = desk.search_first_page(search="LTD", limit=100)
    assert floor is None and sorted(r.id for r in rows) == every
    monkeypatch.setattr(search, "SHORT_BUDGET", 4)
    monkeypatch.setattr(search, "PROBE_DEADLINE", 0.0)
    monkeypatch.setattr(search, "PROGRESS_OPS", 1)  # look at the clock at every step
    with desk.db.read() as conn:
        with pytest.raises(search.TooSlow):
            search.probe(conn.connection.driver_connection, "ltd", 1000, deadline=0.0)
    floor, rows = desk.search_first_page(search="LTD", limit=100)
    newest = desk.list(limit=4)
    assert floor == newest[-1].cursor
    assert [r.id for r in rows] == [r.id for r in newest if r.id in every]
    assert desk.count(search="ltd", floor=floor) == len(rows)
    # one or two characters are bounded whatever the time
    monkeypatch.setattr(search, "PROBE_DEADLINE", 10.0)
    floor, rows = desk.search_first_page(search="co", limit=100)
    assert floor == newest[-1].cursor
    assert len(made) == 10


def test_a_common_text_is_counted_by_the_index_as_the_walk_lists_it(desk, monkeypatch):
    """A text with more hits than drive_limit lists by walking the list; its count comes
    from the index (no walk of every row) and must agree with that list, with and without
    a status filter."""
    from client.store import declarations as decl_q
    made = _make(desk, 9)
    with desk.db.write() as conn:
        decl_q.set_status(conn, made[1].id, "ready")
    monkeypatch.setattr(search, "DRIVE_LIMIT", 0)
    for q in ("ltd", "有限公司", made[2].contract_no):
        for status in (None, "ready", "draft"):
            listed = desk.list(search=q, status=status, limit=1000)
            assert desk.count(search=q, status=status) == len(listed), (q, status)
    assert desk.count(search="ltd") > 1
