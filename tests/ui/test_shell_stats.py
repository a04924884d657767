"""Dashboard figures computed in the core (no widgets), and the dashboard page."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, update

from client.services import Desk, stats
from client.store import schema as s
from test_shell_support import fill, make_ctx, put_enterprise


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _history(desk, decl_id, *steps):
    with desk.db.write() as conn:
        for status, at in steps:
            conn.execute(insert(s.status_history).values(
                declaration_id=decl_id, status=status, at=at, note=None,
                source="local" if status == "sent" else "platform", version=None))
        conn.execute(update(s.declarations).where(s.declarations.c.id == decl_id)
                     .values(status=steps[-1][0]))


def test_dashboard_figures(desk):
    ent = put_enterprise(desk, grade="A")
    ids = fill(desk, 4)
    with desk.db.write() as conn:
        conn.execute(update(s.declarations).values(declarant_uscc=ent["uscc"]))
    _history(desk, ids[0], ("sent", "2026-11-20T01:00:00.000000Z"),
             ("released", "2026-11-20T03:00:00.000000Z"))
    _history(desk, ids[1], ("sent", "2026-11-20T01:00:00.000000Z"),
             ("released", "2026-11-21T01:00:00.000000Z"))
    _history(desk, ids[2], ("sent", "2026-11-25T22:00:00.000000Z"),
             ("released", "2026-11-25T23:00:00.000000Z"))
    d = stats.dashboard(desk, today=date(2026, 11, 26))
    assert d.counts["released"] == 3 and d.counts["draft"] == 1
    assert len(d.releases_per_day) == 30 and d.releases_per_day[-1][0] == date(2026, 11, 26)
    per_day = dict(d.releases_per_day)
    assert per_day[date(2026, 11, 20)] == 1 and per_day[date(2026, 11, 21)] == 1
    assert per_day[date(2026, 11, 25)] == 1
    assert d.median_hours == 2.0 and d.released_measured == 3
    assert d.median_hours_by_grade == {"A": (2.0, 3)}
    # Beijing time: the release at 23:00 UTC on the 25th is on the 26th
    d8 = stats.dashboard(desk, today=date(2026, 11, 26), utc_offset_minutes=480)
    assert dict(d8.releases_per_day)[date(2026, 11, 26)] == 1


def test_receipts_since_and_outbox(desk):
    ids = fill(desk, 2)
    mark = stats.last_history_id(desk)
    _history(desk, ids[0], ("released", "2026-11-26T01:00:00.000000Z"))
    got = stats.receipts_since(desk, mark)
    assert [(r.declaration_id, r.status) for r in got] == [(ids[0], "released")]
    assert stats.receipts_since(desk, got[-1].history_id) == []
    assert stats.outbox_pending(desk) == 0


def test_dashboard_page_renders_in_both_languages(qtbot, desk):
    from ui.dashboard import DashboardPage
    fill(desk, 3)
    ctx = make_ctx(desk)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.cards[0].value.text() == "3"
    assert page.status_view.chart().title() == "各状态报检单数量"
    ctx.lang = "en"
    page._render(page.data)
    assert "Draft" in page.status_view.chart().axes()[0].categories() or \
        "Draft" in page.status_view.chart().axes()[1].categories()


def test_release_filed_under_the_grade_in_force_then(desk):
    """Issue 18 item 19: a release received under AA stays an AA release after the grade
    drops to C; the grade is written with the receipt by the one status writer."""
    from client.store import status as status_q
    from client.store import kv
    ent = put_enterprise(desk, grade="AA")
    ids = fill(desk, 2)
    with desk.db.write() as conn:
        conn.execute(update(s.declarations).values(declarant_uscc=ent["uscc"]))
    _history(desk, ids[0], ("sent", "2026-11-20T01:00:00.000000Z"),
             ("accepted", "2026-11-20T01:30:00.000000Z"))
    _history(desk, ids[1], ("sent", "2026-11-21T01:00:00.000000Z"),
             ("accepted", "2026-11-21T01:30:00.000000Z"))
    with desk.db.write() as conn:
        status_q.record(conn, [status_q.Move(ids[0], "released", None, "platform", None,
                                             "2026-11-20T03:00:00.000000Z", receipt=True)])
        kv.put(conn, "enterprise", dict(ent, credit_grade="C"))
        status_q.record(conn, [status_q.Move(ids[1], "released", None, "platform", None,
                                             "2026-11-21T05:00:00.000000Z", receipt=True)])
    d = stats.dashboard(desk, today=date(2026, 11, 26))
    assert d.median_hours_by_grade == {"AA": (2.0, 1), "C": (4.0, 1)}


def test_grade_chart_shows_every_grade_with_integer_ticks(qtbot, desk):
    from PySide6.QtCharts import QBarCategoryAxis, QValueAxis

    from ui.dashboard import DashboardPage
    ent = put_enterprise(desk, grade="A")
    ids = fill(desk, 1)
    with desk.db.write() as conn:
        conn.execute(update(s.declarations).values(declarant_uscc=ent["uscc"]))
    _history(desk, ids[0], ("sent", "2026-11-20T01:00:00.000000Z"),
             ("released", "2026-11-20T02:00:00.000000Z"))
    page = DashboardPage(make_ctx(desk))
    qtbot.addWidget(page)
    page.refresh()
    axes = page.grade_view.chart().axes()
    cats = next(a for a in axes if isinstance(a, QBarCategoryAxis)).categories()
    assert cats == ["AA级", "A级", "B级", "C级", "D级"]
    for view in (page.grade_view, page.status_view, page.release_view):
        y = next(a for a in view.chart().axes() if isinstance(a, QValueAxis))
        step = (y.max() - y.min()) / (y.tickCount() - 1)
        assert y.min() == 0 and step >= 1 and step == int(step), (view, y.max(), y.tickCount())


@pytest.mark.parametrize("top, want", [(1, (1, 2)), (1.15, (2, 3)), (3, (3, 4)), (7, (8, 5)),
                                       (23, (25, 6)), (180, (200, 5))])
def test_integer_ticks(top, want):
    from ui.dashboard import integer_ticks
    assert integer_ticks(top) == want


def test_fast_release_before_the_desk_records_sent_is_still_measured(desk):
    """An AA release can be received before the push result writes the local "sent" row
    (seen over real HTTP): submission is the earlier of "sent" and the platform's
    "accepted", so the release is measured, not dropped as negative time."""
    ent = put_enterprise(desk, grade="AA")
    ids = fill(desk, 1)
    with desk.db.write() as conn:
        conn.execute(update(s.declarations).values(declarant_uscc=ent["uscc"]))
    _history(desk, ids[0], ("accepted", "2026-11-20T01:00:00.000000Z"),
             ("released", "2026-11-20T01:00:00.600000Z"),
             ("sent", "2026-11-20T01:00:01.000000Z"))
    d = stats.dashboard(desk, today=date(2026, 11, 26))
    assert d.released_measured == 1 and d.median_hours_by_grade["AA"][1] == 1
