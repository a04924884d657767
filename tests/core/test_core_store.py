"""The local store: drafts, keyset pages, search, history, templates, attachments, pragmas."""
from __future__ import annotations

import sqlite3

import pytest

from client.errors import InputError, NotEditable
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q


def _make(desk, n, **kw):
    out = []
    for i in range(n):
        d = sample_declaration("inbound" if i % 2 == 0 else "outbound", seed=i)
        for k, v in kw.items():
            setattr(d, k, v)
        desk.save_draft(d)
        out.append(d)
    return out


@pytest.mark.sqlite_only
def test_pragmas_wal_full_sync_foreign_keys(desk):
    with desk.db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_keyset_pages_cover_everything_once_newest_first(desk):
    made = _make(desk, 25)
    seen, after = [], None
    while True:
        page = desk.list(limit=7, after=after)
        if not page:
            break
        seen += [r.id for r in page]
        after = page[-1].cursor
    assert sorted(seen) == sorted(d.id for d in made)
    assert len(seen) == len(set(seen))
    assert seen[0] == made[-1].id  # the newest change comes first


def test_search_by_contract_bl_and_consignee(desk):
    made = _make(desk, 6)
    target = made[3]
    for q in (target.contract_no, target.contract_no.lower()[2:], target.bl_no or target.contract_no):
        ids = [r.id for r in desk.list(search=q)]
        assert target.id in ids
    name = target.counterparty.name_cn
    assert target.id in [r.id for r in desk.list(search=name)]
    assert desk.list(search="不存在的名字XYZ") == []
    # LIKE wildcards typed by a user are literal
    assert desk.list(search="%") == []


def test_list_by_status_and_counts(desk):
    made = _make(desk, 4)
    with desk.db.write() as conn:
        decl_q.set_status(conn, made[0].id, "ready", note="定稿")
    assert [r.id for r in desk.list(status="ready")] == [made[0].id]
    counts = desk.counts_by_status()
    assert counts["ready"] == 1 and counts["draft"] == 3 and counts["released"] == 0
    hist = desk.history(made[0].id)
    assert [h.status for h in hist] == ["draft", "ready"]


def test_finalised_declaration_cannot_be_edited_in_place(desk):
    d = _make(desk, 1)[0]
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "ready")
    d.remarks = "改一下"
    with pytest.raises(NotEditable) as exc:
        desk.save_draft(d)
    assert "修改申请" in exc.value.message_zh
    with pytest.raises(NotEditable):
        desk.delete_draft(d.id)


def test_saving_a_draft_twice_updates_it(desk):
    d = _make(desk, 1)[0]
    d.goods = d.goods[:1]
    d.goods[0].name_cn = "新名称"
    desk.save_draft(d)
    assert desk.count() == 1
    assert desk.get(d.id).goods[0].name_cn == "新名称"
    assert desk.summary(d.id).goods_summary == "新名称"


def test_duplicate_makes_a_new_draft_without_number(desk):
    d = _make(desk, 1, inspection_no="310000126000001")[0]
    copy = desk.duplicate(d.id)
    assert copy.id != d.id and copy.inspection_no is None
    assert desk.get(copy.id).goods == d.goods


def test_inspection_number_used_twice_is_refused(desk):
    _make(desk, 1, inspection_no="310000126000001")
    other = sample_declaration(seed=99)
    other.inspection_no = "310000126000001"
    with pytest.raises(InputError) as exc:
        desk.save_draft(other)
    assert exc.value.field == "inspection_no"


def test_templates_round_trip(desk):
    d = _make(desk, 1)[0]
    tid = desk.save_template("上海常用入境", d)
    assert desk.templates() == [(tid, "上海常用入境", d.direction)]
    new = desk.new_from_template(tid)
    assert new.id != d.id and new.goods == d.goods and new.arrival_date is None
    # saving under the same name replaces the template
    assert desk.save_template("上海常用入境", d) == tid


def test_attachment_content_addressed(desk, tmp_path):
    f = tmp_path / "合同.pdf"
    f.write_bytes(b"%PDF-1.4 test")
    sha, size = desk.store_attachment(f)
    assert size == 13 and desk.attachment_path(sha).read_bytes() == b"%PDF-1.4 test"
    assert desk.store_attachment(f) == (sha, size)


def test_validation_result_kept_until_the_draft_changes(desk):
    d = _make(desk, 1)[0]
    d.goods[0].net_weight_kg = d.goods[0].gross_weight_kg + 1
    desk.save_draft(d)
    issues = desk.validate_ids([d.id])[d.id]
    assert any(i.field == "goods[0].net_weight_kg" for i in issues)
    stored = desk.stored_issues(d.id)
    assert stored and stored[0]["field"] == issues[0].field
    assert desk.summary(d.id).valid == 0
    desk.save_draft(d)  # any change invalidates the stored result
    assert desk.stored_issues(d.id) is None


def test_store_reopens_and_integrity_ok(data_dir):
    d1 = Desk.open(data_dir)
    d = sample_declaration(seed=5)
    d1.save_draft(d)
    d1.close()
    d2 = Desk.open(data_dir)
    assert d2.get(d.id) == d
    d2.close()
    conn = sqlite3.connect(data_dir / "ciqdesk.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_bulk_validation_results_are_compare_and_set_on_the_revision(desk):
    """``set_validation_many`` writes a result only for the revision validated: a draft
    saved again meanwhile keeps "not validated since the last change"."""
    a, b = _make(desk, 2)
    with desk.db.read() as conn:
        revs = dict(conn.exec_driver_sql("SELECT id, local_rev FROM declarations").fetchall())
    desk.save_draft(b)  # b changes after it was read for validation
    issue = {"severity": "error", "field": "contract_no", "message": "x"}
    with desk.db.write() as conn:
        decl_q.set_validation_many(conn, [(a.id, [issue], revs[a.id]),
                                          (b.id, [], revs[b.id])])
    assert desk.stored_issues(a.id) == [issue] and desk.summary(a.id).valid == 0
    assert desk.stored_issues(b.id) is None and desk.summary(b.id).valid is None
    # validate_ids over many reads them in pages and keeps each result
    out = desk.validate_ids([a.id, b.id])
    assert set(out) == {a.id, b.id}
    assert desk.stored_issues(b.id) is not None
    from client.errors import NotFound
    with pytest.raises(NotFound, match="01NOSUCHDECLARATION0000000"):
        desk.validate_ids([a.id, "01NOSUCHDECLARATION0000000"])


def test_a_bulk_save_across_several_multirow_statements_stores_every_row_once(desk):
    """save_many writes rows in multi-row INSERTs of _SQLITE_PARAMS parameters: a batch
    of two full statements and a short last one keeps every declaration, goods line and
    container, each once, with its own values."""
    from client.store.declarations import _SQLITE_PARAMS
    from client.store.rows import CHILD_COLS
    per_goods = _SQLITE_PARAMS // len(CHILD_COLS[0])
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 1 + i % 3, seed=5000 + i)
             for i in range(per_goods + 13)]
    with desk.db.write() as conn:
        new, updated = decl_q.save_many(conn, decls)
    assert len(new) == len(decls) and not updated
    assert desk.count() == len(decls)
    with desk.db.read() as conn:
        goods = conn.exec_driver_sql("SELECT count(*), count(DISTINCT declaration_id || '/' || seq)"
                                     " FROM goods_lines").one()
        assert goods == (sum(len(d.goods) for d in decls),) * 2
    from client.model import to_dict
    for d in (decls[0], decls[per_goods // 2], decls[-1]):
        assert to_dict(desk.get(d.id)) == to_dict(d)
