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
