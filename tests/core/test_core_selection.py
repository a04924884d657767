"""Query selections resolve to the right ids in pages, whatever their size."""
from __future__ import annotations

from client.rules.sample import sample_declaration
from client.services import selection as sel_mod
from client.services.selection import Selection
from client.store import declarations as decl_q


def _fill(desk, n, prefix="CT"):
    decls = []
    for i in range(n):
        d = sample_declaration("inbound", seed=i)
        d.contract_no = f"{prefix}{i:05d}"
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


def test_all_matching_resolves_in_pages_without_the_excluded(desk):
    a = _fill(desk, 120, "AAX")
    b = _fill(desk, 30, "BBY")
    sel = Selection.all_matching(search="aax")
    pages = list(sel_mod.iter_ids(desk, sel, page=25))
    assert max(len(p) for p in pages) <= 25
    assert sorted(i for p in pages for i in p) == sorted(a)
    assert sel_mod.count(desk, sel) == 120
    fewer = sel.without(a[:5] + b[:2])  # excluding what is not in it changes nothing else
    assert sorted(sel_mod.resolve(desk, fewer)) == sorted(a[5:])
    assert sel_mod.count(desk, fewer) == 115


def test_explicit_ids_and_status_narrowing(desk):
    ids = _fill(desk, 10)
    with desk.db.write() as conn:
        decl_q.set_status(conn, ids[0], "ready")
    assert sel_mod.resolve(desk, Selection.of_ids(ids[3:5] + ids[3:4])) == ids[3:5]
    drafts = Selection.all_matching().narrowed("draft")
    assert sorted(sel_mod.resolve(desk, drafts)) == sorted(ids[1:])
    assert sel_mod.resolve(desk, Selection.all_matching(status="ready").narrowed("draft")) == []


def test_validate_a_selection_with_progress_and_cancel(desk):
    _fill(desk, 50)
    seen = []
    totals = sel_mod.validate(desk, Selection.all_matching(), page=20,
                              progress=lambda d, t, _m: seen.append((d, t)),
                              cancel=lambda: len(seen) >= 2)
    assert totals.cancelled and totals.done == 20 and totals.total == 50
    assert seen == [(0, 50), (20, 50)]
    totals = sel_mod.validate(desk, Selection.all_matching(), page=20)
    assert not totals.cancelled and totals.done == 50 == totals.passed + totals.failed


def test_a_batch_takes_a_selection(desk):
    from client.services.batch import BatchRunner, batch_info
    ids = _fill(desk, 15)
    runner = BatchRunner(desk, "touch", lambda _d, _i: None)
    bid = runner.create(Selection.all_matching(status="draft").without(ids[:3]))
    assert batch_info(desk, bid).total == 12
