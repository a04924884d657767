"""The life cycle in the store: one writer, monotonic and convergent receipts, markers that
describe the draft they were computed for (real SQLite files)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client import lifecycle
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q
from client.store import status as status_q
from client.store.status import IllegalMove, Move
from client.sync.pull import Puller
from client.sync.summary import SyncSummary

REPO = Path(__file__).resolve().parents[2]


# -- one writer ---------------------------------------------------------------------------
_WRITES = [re.compile(p, re.I) for p in (
    r"INSERT\s+INTO\s+status_history", r"status_history\s*\.\s*insert", r"insert\(\s*s\.status_history",
    r"UPDATE\s+declarations\s+SET\s+[^\"']*\bstatus\s*=", r"\.values\(\s*status\s*=",
    r"\"status\"\s*:\s*\"ready\".*\bupdate\(", r"status\s*=\s*bindparam")]


def test_only_the_store_writes_status_and_history():
    offenders = []
    for root in ("client", "ui"):
        for f in (REPO / root).rglob("*.py"):
            rel = f.relative_to(REPO).as_posix()
            if rel.startswith("client/store/"):
                continue
            text = f.read_text(encoding="utf-8")
            offenders += [f"{rel}: {p.pattern}" for p in _WRITES if p.search(text)]
    assert offenders == []


def test_the_checker_would_notice_a_writer():
    sample = 'conn.exec_driver_sql("UPDATE declarations SET status = ? WHERE id = ?")'
    assert any(p.search(sample) for p in _WRITES)
    assert any(p.search("conn.execute(s.status_history.insert().values(x=1))") for p in _WRITES)


# -- local moves ------------------------------------------------------------------------
def _one(desk) -> str:
    d = sample_declaration("inbound", 1, seed=7)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    return d.id


def test_a_local_move_outside_the_table_is_refused_and_writes_nothing(desk):
    did = _one(desk)
    with pytest.raises(IllegalMove):
        with desk.db.write() as conn:
            status_q.record(conn, [Move(did, "ready", "定稿"), Move(did, "draft", "回到草稿")])
    assert desk.summary(did).status == "draft"
    assert [h.status for h in desk.history(did)] == ["draft"]


# -- receipts converge ------------------------------------------------------------------
def _platform_life(draw) -> list[tuple[str, int]]:
    """A path the platform could take: ``[(status, version), ...]`` in order."""
    steps: list[tuple[str, int]] = []
    version = 1
    for _ in range(draw(st.integers(1, 3))):
        steps.append(("accepted", version))
        path = draw(st.sampled_from([
            ["under_review"], ["under_review", "rejected"], ["under_review", "released"],
            ["under_review", "inspection", "released", "certified"],
            ["under_review", "released", "certified"], ["inspection", "rejected"]]))
        steps += [(s, version) for s in path]
        last = steps[-1][0]
        if last in lifecycle.AMENDABLE and draw(st.booleans()):
            version += 1
            steps.append(("withdrawn", version))
            return steps
        if last in ("released", "certified"):
            return steps
        version += 1  # an amendment: accepted again at a new version
    return steps


@st.composite
def histories(draw):
    steps = _platform_life(draw)
    events = [("receipt", i) for i in range(len(steps))]
    events += [("receipt", draw(st.integers(0, len(steps) - 1)))
               for _ in range(draw(st.integers(0, 6)))]          # duplicates
    events += [("snapshot", draw(st.integers(0, len(steps) - 1)))
               for _ in range(draw(st.integers(0, 3)))]          # snapshot rows (of a time)
    return steps, draw(st.permutations(events)), draw(st.integers(1, 4))


@pytest.fixture(scope="module")
def prop_desk(tmp_path_factory):
    d = Desk.open(tmp_path_factory.mktemp("prop"))
    yield d
    d.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(histories())
def test_duplicated_and_reordered_receipts_end_at_the_platform_status(prop_desk, case):
    steps, events, page = case
    desk = prop_desk
    d = sample_declaration("inbound", 1, seed=11)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
        status_q.record(conn, [Move(d.id, "ready", "定稿"), Move(d.id, "sent", "已发送")])
    puller = Puller(desk.db, None, None)  # type: ignore[arg-type]  # no network here

    def item(i: int) -> dict:
        status, version = steps[i]
        return {"kind": "status", "declaration_id": d.id, "inspection_no": None,
                "status": status, "version": version, "note": None,
                "at": f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}Z"}
    for k in range(0, len(events), page):  # pages of receipts, snapshot rows in between
        chunk = events[k:k + page]
        with desk.db.write() as conn:
            receipts = [item(i) for kind, i in chunk if kind == "receipt"]
            if receipts:
                puller._apply_receipts(conn, receipts, SyncSummary())
            for kind, i in chunk:
                if kind == "snapshot":
                    x = item(i)
                    puller._apply_snapshot(conn, [{
                        "id": d.id, "status": x["status"], "version": x["version"],
                        "status_at": x["at"], "inspection_no": None}], SyncSummary())
    row = desk.summary(d.id)
    assert (row.status, row.version) == steps[-1]


# -- stale markers ------------------------------------------------------------------------
def test_a_validation_result_of_an_older_revision_is_not_shown(desk, monkeypatch):
    """The user saves an edit while the validation of the previous text is running: the
    list must not show that older result as the draft's marker."""
    did = _one(desk)
    import client.rules as rules
    real = rules.validate
    edited = []

    def validate_while_user_edits(decl, ctx=None):
        issues = real(decl, ctx)
        if not edited:
            newer = desk.get(did)
            newer.remarks = "用户在校验期间的修改"
            desk.save_draft(newer)
            edited.append(True)
        return issues
    monkeypatch.setattr(rules, "validate", validate_while_user_edits)
    desk.validate_ids([did])
    row = desk.summary(did)
    assert (row.valid, row.error_count, row.warning_count) == (None, None, None)
    assert desk.stored_issues(did) is None
    monkeypatch.setattr(rules, "validate", real)
    desk.validate_ids([did])
    assert desk.summary(did).valid is not None
