"""Deleted drafts are kept and can be restored whole (报检单 → 最近删除的草稿), on both
store dialects."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from client.errors import NotEditable, NotFound
from client.model import to_dict
from client.rules.sample import sample_declaration
from client.services import Desk
from client.services.draft_bin import delete_drafts, deleted_drafts, restore_drafts
from client.store import declarations as decl_q
from client.store import draft_bin as bin_q
from client.store import schema as s
from client.timeutil import format_time


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _drafts(desk, n, direction="inbound"):
    out = []
    for i in range(n):
        d = sample_declaration(direction, goods=2, seed=500 + i)
        desk.save_draft(d)
        out.append(d)
    return out


def _ids(desk, q):
    return {x.id for x in desk.list(search=q, limit=50)}


def test_deleted_drafts_leave_the_list_and_come_back_whole(desk):
    a, b, c = _drafts(desk, 3)
    before = {d.id: to_dict(desk.get(d.id)) for d in (a, b)}
    assert delete_drafts(desk, [a.id, b.id]) == [a.id, b.id]
    assert desk.count() == 1 and _ids(desk, a.contract_no.lower()) == set()
    with pytest.raises(NotFound):
        desk.get(a.id)
    listed = deleted_drafts(desk)
    assert {x.id for x in listed} == {a.id, b.id}
    row = next(x for x in listed if x.id == a.id)
    assert (row.contract_no, row.direction) == (a.contract_no, "inbound")
    assert row.party == a.consignee.name_cn and row.goods == desk_summary_goods(a)
    assert row.deleted_by == desk.user()

    got = restore_drafts(desk, [a.id, b.id])
    assert got.restored == [a.id, b.id] and got.in_use == []
    assert {d: to_dict(desk.get(d)) for d in (a.id, b.id)} == before
    assert desk.count() == 3 and _ids(desk, a.contract_no.lower()) == {a.id}
    assert desk.summary(a.id).status == "draft"
    assert desk.summary(a.id).error_count is not None      # validated again for the list
    assert deleted_drafts(desk) == []


def desk_summary_goods(decl) -> str | None:
    from client.store.rows import header_row
    return header_row(decl)["goods_summary"]


def test_only_drafts_are_deleted_and_a_refusal_deletes_none(desk):
    a, b = _drafts(desk, 2)
    with desk.db.write() as conn:
        decl_q.set_status(conn, b.id, "ready")
    with pytest.raises(NotEditable) as exc:
        delete_drafts(desk, [a.id, b.id])
    assert "1 份" in exc.value.message_zh
    assert desk.count() == 2 and deleted_drafts(desk) == []
    with pytest.raises(NotEditable):
        desk.delete_draft(b.id)
    with pytest.raises(NotFound):
        desk.delete_draft("no-such-id")


def test_a_draft_whose_id_is_in_use_again_stays_in_the_bin(desk):
    (a,) = _drafts(desk, 1)
    desk.delete_draft(a.id)
    again = sample_declaration("inbound", goods=1, seed=9)
    again.id = a.id                       # imported anew under the same id meanwhile
    desk.save_draft(again)
    got = restore_drafts(desk, [a.id])
    assert got.restored == [] and got.in_use == [a.id]
    assert to_dict(desk.get(a.id)) == to_dict(again)    # the newer draft is not overwritten
    assert [x.id for x in deleted_drafts(desk)] == [a.id]


def test_deleted_twice_keeps_the_latest_copy(desk):
    (a,) = _drafts(desk, 1)
    desk.delete_draft(a.id)
    restore_drafts(desk, [a.id])
    a.remarks = "第二次修改"
    desk.save_draft(a)
    desk.delete_draft(a.id)
    assert [x.id for x in deleted_drafts(desk)] == [a.id]
    restore_drafts(desk, [a.id])
    assert desk.get(a.id).remarks == "第二次修改"


def test_what_was_deleted_long_ago_is_dropped(desk):
    old, new = _drafts(desk, 2)
    desk.delete_draft(old.id)
    long_ago = format_time(datetime.now(timezone.utc) - timedelta(days=bin_q.KEEP_DAYS + 1))
    with desk.db.write() as conn:
        conn.execute(update(s.deleted_drafts).where(s.deleted_drafts.c.id == old.id)
                     .values(deleted_at=long_ago))
    desk.delete_draft(new.id)                     # each deletion drops the expired ones
    assert [x.id for x in deleted_drafts(desk)] == [new.id]
    assert restore_drafts(desk, [old.id]).restored == []


def test_a_large_selection_is_deleted_in_one_go(desk):
    drafts = _drafts(desk, 3)
    many = [d.id for d in drafts] + [f"gone-{i}" for i in range(1200)]  # past one chunk
    assert delete_drafts(desk, many) == [d.id for d in drafts]
    assert desk.count() == 0
    assert restore_drafts(desk, many).restored == [d.id for d in drafts]
    assert desk.count() == 3


def test_the_command_line_deletes_lists_and_restores(desk, capsys):
    import json

    from client.cli.main import main
    a, b = _drafts(desk, 2)
    with desk.db.write() as conn:
        decl_q.set_status(conn, b.id, "ready")
    assert main(["delete", a.id, b.id]) == 2              # a finalised one refuses all
    assert "只能删除草稿" in capsys.readouterr().err
    assert main(["delete", a.id, "no-such", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {"deleted": [a.id], "not_found": ["no-such"]}
    assert main(["deleted", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["id"], row["contract_no"]) == (a.id, a.contract_no)
    assert main(["restore", a.id]) == 0
    assert "已恢复 1 份草稿" in capsys.readouterr().out
    assert desk.summary(a.id).status == "draft"
    assert main(["restore", a.id, "--json"]) == 1          # nothing of it left in the bin
    assert json.loads(capsys.readouterr().out)["in_use"] == [a.id]


def test_a_draft_found_clean_then_deleted_does_not_vouch_for_its_successor(desk):
    """Batch validation remembers a clean draft by id and revision; a new draft stored
    under the same id after a deletion starts at revision 1 again, and must be judged."""
    from client import numbers
    from client.services.filing import Filing, FinaliseInvalid
    year = numbers.current_year()
    with desk.db.write() as conn:
        numbers.store_lease(conn, {"lease_id": "L-bin", "bureau": "310000",
                                   "direction": "inbound", "year": str(year)[-2:],
                                   "first": 1, "last": 9,
                                   "expires_at": "2999-01-01T00:00:00.000Z"})
    (a,) = _drafts(desk, 1)
    assert not [i for i in desk.validate_ids([a.id])[a.id] if i.severity == "error"]
    rev = desk.summary(a.id).local_rev
    desk.delete_draft(a.id)
    broken = sample_declaration("inbound", goods=1, seed=77)
    broken.id = a.id
    broken.consignee.uscc = "91310115MA1K0000X"          # not a valid USCC: an error
    desk.save_draft(broken)
    assert desk.summary(a.id).local_rev == rev          # the same id and revision as before
    with pytest.raises(FinaliseInvalid) as exc:             # judged, not vouched for
        Filing(desk).finalise([a.id])
    assert a.id in exc.value.by_id
    assert desk.summary(a.id).status == "draft"
