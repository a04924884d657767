"""Finalise reuses the batch validation's clean results only while they still hold
(client.services.cleanmemo): same revision, same rule context; real SQLite/PostgreSQL store."""
from __future__ import annotations

import json

import pytest

import client.rules
from client import numbers
from client.model import dumps_compact, loads_stored
from client.rules.sample import sample_declaration
from client.services.cleanmemo import CleanMemo
from client.services.filing import FinaliseInvalid, Filing
from client.store import declarations as decl_q


def _lease(desk, n=50):
    with desk.db.write() as conn:
        for direction in ("inbound", "outbound"):
            numbers.store_lease(conn, {"lease_id": f"L-{direction}", "bureau": "310000",
                                       "direction": direction,
                                       "year": str(numbers.current_year())[-2:],
                                       "first": 1, "last": n,
                                       "expires_at": "2999-01-01T00:00:00.000Z"})


def _drafts(desk, n=4):
    decls = [sample_declaration("inbound" if i % 2 else "outbound", 2, seed=i)
             for i in range(n)]
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


@pytest.fixture
def rule_calls(monkeypatch):
    """Counts the rulebook runs from here on (client.rules.validate, as finalise calls it)."""
    calls: list[str] = []
    real = client.rules.validate

    def counting(decl, ctx):
        calls.append(decl.id)
        return real(decl, ctx)

    def start():
        monkeypatch.setattr(client.rules, "validate", counting)
        return calls
    return start


def test_finalise_after_batch_validation_does_not_judge_again(desk, rule_calls):
    _lease(desk)
    ids = _drafts(desk)
    assert all(not any(i.severity == "error" for i in v)
               for v in desk.validate_ids(ids).values())
    calls = rule_calls()
    res = Filing(desk).finalise(ids)
    assert calls == []
    assert sorted(i for i, _ in res.finalised) == sorted(ids)
    for did, no in res.finalised:
        s = desk.summary(did)
        assert s.status == "ready" and s.inspection_no == no
        with desk.db.read() as conn:
            doc = conn.execute(decl_q.s.declarations.select()
                               .where(decl_q.s.declarations.c.id == did)).first().doc
        # the document written is the declaration with its number, as dumps_compact says
        assert doc == dumps_compact(loads_stored(doc))
        assert loads_stored(doc).inspection_no == no


def test_without_validation_finalise_judges_every_draft(desk, rule_calls):
    _lease(desk)
    ids = _drafts(desk, 3)
    calls = rule_calls()
    Filing(desk).finalise(ids)
    assert sorted(calls) == sorted(ids)


def test_a_draft_saved_after_validation_is_judged_again(desk, rule_calls):
    _lease(desk)
    ids = _drafts(desk, 3)
    desk.validate_ids(ids)
    broken = desk.get(ids[1])
    broken.goods[0].hs_code = "12"  # not an HS code: an error at the goods line
    desk.save_draft(broken)
    calls = rule_calls()
    with pytest.raises(FinaliseInvalid) as info:
        Filing(desk).finalise(ids)
    assert calls == [ids[1]]
    assert list(info.value.by_id) == [ids[1]]
    assert all(desk.summary(i).status == "draft" for i in ids)


def test_another_rule_context_judges_again(desk, rule_calls):
    _lease(desk)
    ids = _drafts(desk, 3)
    desk.validate_ids(ids)
    codes = desk.codes
    codes.replace("currencies", "9999.1", codes.builtin_csv("currencies"))  # a new version
    calls = rule_calls()
    Filing(desk).finalise(ids)
    assert sorted(calls) == sorted(ids)


def test_a_draft_found_invalid_is_not_remembered(desk, rule_calls):
    _lease(desk)
    ids = _drafts(desk, 2)
    bad = desk.get(ids[0])
    bad.goods[0].hs_code = "12"
    desk.save_draft(bad)
    assert any(i.severity == "error" for i in desk.validate_ids(ids)[ids[0]])
    calls = rule_calls()
    res = Filing(desk).finalise(ids, skip_invalid=True)
    assert calls == [ids[0]] and list(res.invalid) == [ids[0]]
    assert [i for i, _ in res.finalised] == [ids[1]]


def test_a_json_import_document_keeps_its_form_and_gains_the_number(desk, tmp_path):
    _lease(desk)
    d = sample_declaration("inbound", 1, seed=5)
    raw = json.loads(dumps_compact(d))
    raw["x_broker_ref"] = "B-7"  # a key the model does not know is kept
    f = tmp_path / "one.json"
    f.write_text(json.dumps(raw, ensure_ascii=False, indent=1), "utf-8")
    rep = desk.import_json_files([f])
    assert rep.imported == [d.id]
    res = Filing(desk).finalise([d.id])
    no = res.finalised[0][1]
    got = desk.get(d.id)
    assert got.inspection_no == no and got.extra.get("x_broker_ref") == "B-7"
    assert got.goods == d.goods


def test_validated_documents_of_any_layout_gain_the_number_and_nothing_else(desk, tmp_path,
                                                                            rule_calls):
    """Drafts found clean by the batch validation are numbered without being judged again,
    whatever the layout of their stored JSON (an import keeps the text as read): each
    document reads back as the same declaration with its number and the same unknown
    keys."""
    _lease(desk)
    layouts = []
    for i in range(4):
        raw = json.loads(dumps_compact(sample_declaration("inbound", 1, seed=40 + i)))
        raw["x_note"] = 'says "inspection_no":null' if i == 1 else "plain"
        if i == 2:  # the number's key last
            raw = {k: v for k, v in raw.items() if k != "inspection_no"} | {"inspection_no": None}
        if i == 3:  # no number key at all
            raw.pop("inspection_no")
        layouts.append(raw)
    texts = [json.dumps(layouts[0], ensure_ascii=False, indent=2),
             json.dumps(layouts[1], ensure_ascii=False, separators=(",", ":")),
             json.dumps(layouts[2], ensure_ascii=True, separators=(",", ":")),
             json.dumps(layouts[3], ensure_ascii=False)]
    for n, text in enumerate(texts):
        f = tmp_path / f"{n}.json"
        f.write_text(text, "utf-8")
        assert desk.import_json_files([f]).imported == [layouts[n]["id"]]
    ids = [r["id"] for r in layouts]
    assert all(not any(i.severity == "error" for i in v)
               for v in desk.validate_ids(ids).values())
    calls = rule_calls()
    res = Filing(desk).finalise(ids)
    assert calls == [] and len(res.finalised) == 4
    for (did, no), raw in zip(sorted(res.finalised, key=lambda x: ids.index(x[0])), layouts):
        with desk.db.read() as conn:
            doc = decl_q.load_doc(conn, did)
        assert json.loads(doc) == {**raw, "inspection_no": no}
        got = desk.get(did)
        assert got.inspection_no == no and got.extra.get("x_note") == raw["x_note"]
        assert desk.summary(did).inspection_no == no and desk.summary(did).status == "ready"


def test_the_memo_keeps_the_newest_and_forgets_on_another_stamp():
    m = CleanMemo(limit=3)
    m.record(("a",), [("d1", 1, True), ("d2", 1, True), ("d3", 1, False)])
    assert m.clean_under(("a",)) == {"d1": 1, "d2": 1}
    m.record(("a",), [("d4", 2, True), ("d5", 1, True)])
    assert m.clean_under(("a",)) == {"d2": 1, "d4": 2, "d5": 1}  # d1, the oldest, forgotten
    m.record(("a",), [("d4", 3, False)])  # found invalid at a later revision: forgotten
    assert m.clean_under(("a",)) == {"d2": 1, "d5": 1}
    assert m.clean_under(("b",)) == {}
    m.record(("b",), [("d9", 1, True)])
    assert m.clean_under(("a",)) == {} and m.clean_under(("b",)) == {"d9": 1}


def test_a_validation_result_is_written_when_it_differs_and_only_then(desk):
    ids = _drafts(desk, 2)
    err = [{"code": "E1", "severity": "error", "field": "goods[0].hs_code"}]
    with desk.db.read() as conn:
        revs = {i: conn.execute(decl_q.s.declarations.select()
                                .where(decl_q.s.declarations.c.id == i)).first().local_rev
                for i in ids}

    def stored(i):
        with desk.db.read() as conn:
            return decl_q.stored_issues(conn, i)

    def write(results):
        with desk.db.write() as conn:
            decl_q.set_validation_many(conn, results)
            raw = conn.connection.dbapi_connection
            return getattr(raw, "total_changes", None)

    write([(ids[0], err, revs[ids[0]]), (ids[1], [], revs[ids[1]])])
    assert stored(ids[0]) == err and stored(ids[1]) == []
    write([(ids[0], [], revs[ids[0]])])  # another result: written
    assert stored(ids[0]) == [] and desk.summary(ids[0]).valid
    before = write([])
    after = write([(ids[0], [], revs[ids[0]]), (ids[1], [], revs[ids[1]])])
    if before is not None:  # SQLite counts the rows changed: the same results change none
        assert after == before
    write([(ids[1], err, revs[ids[1]] - 1)])  # an older revision's result: not written
    assert stored(ids[1]) == []
