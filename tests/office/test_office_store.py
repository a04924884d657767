"""The office store (issue 16) on both dialects: stale saves, who filed, notices, copy."""
from __future__ import annotations

import pytest

from client.errors import StaleDraft
from client.rules.sample import sample_declaration
from tests.office.conftest import add_lease, login_as


def test_two_desks_editing_one_draft_get_the_conflict_not_a_lost_edit(open_desk, office_url):
    a, b = open_desk("a"), open_desk("b")
    login_as(a, "wang")
    if office_url:
        login_as(b, "li")  # on SQLite the two share one profile and so one login
    draft = sample_declaration("inbound", seed=7)
    a.save_draft(draft)
    base = b.draft_rev(draft.id)
    assert base is not None
    mine_b = b.get(draft.id)
    theirs = a.get(draft.id)
    theirs.contract_no = "A-SAVED-FIRST"
    a.save_draft(theirs, base_rev=a.draft_rev(draft.id)[0])
    mine_b.contract_no = "B-STALE"
    with pytest.raises(StaleDraft) as info:
        b.save_draft(mine_b, base_rev=base[0])
    assert info.value.saved_by == "wang"
    assert "wang" in info.value.message_zh and "另存为副本" in info.value.message_zh
    assert b.get(draft.id).contract_no == "A-SAVED-FIRST"  # nothing overwritten
    # B takes theirs (the newest revision), edits again: accepted
    rev, who = b.draft_rev(draft.id)
    assert who == "wang"
    mine_b = b.get(draft.id)
    mine_b.contract_no = "B-ON-TOP"
    b.save_draft(mine_b, base_rev=rev)
    assert a.get(draft.id).contract_no == "B-ON-TOP"
    assert a.draft_rev(draft.id) == (rev + 1, "li" if office_url else "wang")


def test_filed_by_names_the_declarer_who_finalised(open_desk, office_url):
    from client.services.filing import Filing
    from client.store import declarations as decl_q
    a, b = open_desk("a"), open_desk("b")
    att = a.paths.data_dir / "contract.pdf"
    att.write_bytes(b"test")
    a.store_attachment(att)
    b.store_attachment(att)
    add_lease(a)
    login_as(a, "wang")
    if office_url:
        login_as(b, "li")
    d1, d2 = sample_declaration("inbound", seed=1), sample_declaration("inbound", seed=2)
    a.save_draft(d1)
    a.save_draft(d2)
    Filing(a).finalise([d1.id])
    Filing(b).finalise([d2.id])
    with a.db.read() as conn:
        rows = {r.id: r.filed_by for r in decl_q.list_page(conn)}
    assert rows[d1.id] == "wang"
    assert rows[d2.id] == ("li" if office_url else "wang")


def test_a_save_on_one_desk_is_announced_to_another(open_desk, office_url, pg_only):
    from client.store.office import ChangeListener
    a = open_desk("a")
    listener = ChangeListener(office_url)
    try:
        assert listener.wait(timeout=0.2) is None  # nothing yet
        d = sample_declaration("inbound", seed=3)
        a.save_draft(d)
        assert listener.wait(timeout=10) == [d.id]
    finally:
        listener.close()


def test_the_first_run_choice_is_kept_and_used_at_the_next_start(tmp_path, office_url,
                                                               pg_only, monkeypatch):
    from client import paths
    from client.store import check_office
    monkeypatch.delenv("CIQDESK_STORE_URL")
    profile = tmp_path / "new-desk"
    assert paths.resolve(profile).store_url is None
    check_office(office_url, profile)  # what 连接办公室数据库 runs, then keeps
    paths.save_store_url(profile, office_url)
    assert paths.resolve(profile).store_url == office_url
    from client.services import Desk
    desk = Desk.open(profile)
    try:
        assert desk.db.is_postgres
    finally:
        desk.close()
    with pytest.raises(Exception) as info:
        check_office("postgresql+psycopg://nobody@127.0.0.1:1/none", profile)
    assert "无法连接办公室数据库" in str(getattr(info.value, "message_zh", info.value))


def test_the_timeline_and_the_list_name_the_declarer_on_the_office_store(
        open_desk, office_url, pg_only, qtbot):
    from client.services.filing import Filing
    from ui.context import AppContext, AppEvents
    from ui.main_list import ListPage
    from ui.models.declarations_model import Col
    from ui.tasks import FakeThreadPool, TaskRunner
    a = open_desk("a")
    att = a.paths.data_dir / "contract.pdf"
    att.write_bytes(b"test")
    a.store_attachment(att)
    add_lease(a)
    login_as(a, "王晓明")
    d = sample_declaration("inbound", seed=11)
    a.save_draft(d)
    Filing(a).finalise([d.id])
    assert any("定稿人 王晓明" in (h.note or "") for h in a.history(d.id))
    page = ListPage(AppContext(a, TaskRunner(FakeThreadPool()), AppEvents()))
    qtbot.addWidget(page)
    page.model.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not page.table.isColumnHidden(Col.FILED_BY)
    assert page.model.data(page.model.index(0, Col.FILED_BY)) == "王晓明"
