"""The declarations and navigation models on a real store, without any widget."""
from __future__ import annotations

import pytest

from client.services import Desk
from test_shell_support import fill, make_ctx, set_status
from ui.models.declarations_model import Col, DeclarationsModel, StatusRole, SummaryRole
from ui.models.nav_model import NavModel


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def test_row_count_is_the_whole_list_and_rows_load_by_page(qapp, desk):
    ids = fill(desk, 450)
    model = DeclarationsModel(make_ctx(desk))
    model.reload()
    assert model.rowCount() == 450 and model.exhausted
    assert not model.canFetchMore()
    seen = [model.summary(r).id for r in range(model.rowCount())]
    assert sorted(seen) == sorted(ids)  # every declaration once, none twice
    stamps = [desk.summary(i).updated_at for i in seen]
    assert stamps == sorted(stamps, reverse=True)  # newest change first


def test_window_holds_a_bounded_number_of_rows_however_far_the_user_scrolls(qapp, desk):
    ids = fill(desk, 1300)
    model = DeclarationsModel(make_ctx(desk), page_size=50, max_pages=3)
    model.reload()
    assert model.rowCount() == 1300
    seen = []
    for r in range(model.rowCount()):
        seen.append(model.index(r, Col.CONTRACT).data(SummaryRole).id)
        assert model.held_rows <= 150
    assert sorted(seen) == sorted(ids) and len(set(seen)) == 1300
    # jumping back to the top and to the far end reads the same rows again
    assert model.summary(0).id == seen[0]
    assert model.summary(1299).id == seen[1299]
    assert model.summary(640).id == seen[640]
    assert model.held_rows <= 150


def test_filter_by_status_and_search(qapp, desk):
    ids = fill(desk, 260)
    set_status(desk, ids[100:130], "released")
    model = DeclarationsModel(make_ctx(desk))
    model.set_filter(status=("released", "certified"))
    assert model.rowCount() == 30
    assert {model.index(r, Col.STATUS).data(StatusRole) for r in range(30)} == {"released"}
    assert model.index(0, Col.STATUS).data() == "已放行"
    model.set_filter(search="ct00007")  # case-insensitive, keeps the status filter
    assert model.rowCount() == 0  # CT00007 is a draft
    model.set_filter(status=None)
    assert [model.index(r, Col.CONTRACT).data() for r in range(model.rowCount())] == ["CT00007"]
    model.set_filter(search="")
    assert model.rowCount() == 260


def test_cells_read_like_the_list_a_declarer_expects(qapp, desk):
    ids = fill(desk, 2, direction="outbound")
    set_status(desk, ids[:1], "rejected", note="缺少原产地证明")
    model = DeclarationsModel(make_ctx(desk))
    model.reload()
    row = model.row_of(ids[0])
    cell = lambda c: model.index(row, c).data()  # noqa: E731
    assert cell(Col.NUMBER).startswith("3100001")
    assert cell(Col.DIRECTION) == "出境" and cell(Col.MODE) == "一般报检"
    assert cell(Col.STATUS) == "退回"
    assert model.index(row, Col.STATUS).data(3) == "缺少原产地证明"  # tooltip: the reason
    assert cell(Col.VALUE).startswith("USD ")
    draft_row = model.row_of(ids[1])
    assert model.index(draft_row, Col.NUMBER).data() == "（未编号）"


def test_refresh_after_changes(qapp, desk):
    ids = fill(desk, 5)
    ctx = make_ctx(desk)
    model = DeclarationsModel(ctx)
    model.set_filter(status=("draft",))
    assert model.rowCount() == 5
    # a draft is edited: its row changes in place (the list does not jump under the user)
    row = model.row_of(ids[2])
    decl = desk.get(ids[2])
    decl.contract_no = "改过的合同"
    desk.save_draft(decl)
    ctx.events.declarations_changed.emit([ids[2]])
    assert model.row_of(ids[2]) == row
    assert model.index(row, Col.CONTRACT).data() == "改过的合同"
    assert model.rowCount() == 5
    # a declaration leaves the drafts: it leaves the list
    set_status(desk, [ids[0]], "ready", source="local")
    ctx.events.declarations_changed.emit([ids[0]])
    assert model.rowCount() == 4 and model.row_of(ids[0]) is None
    # a new draft appears at the top
    new = fill(desk, 1, prefix="NEW")
    ctx.events.declarations_changed.emit(new)
    assert model.rowCount() == 5
    assert model.index(0, Col.NUMBER).data(SummaryRole).id == new[0]


def test_sorting_proxy_sorts_loaded_rows_by_value(qapp, desk):
    from PySide6.QtCore import Qt

    from ui.models.declarations_model import proxy_for
    fill(desk, 30)
    model = DeclarationsModel(make_ctx(desk))
    model.reload()
    proxy = proxy_for(model)
    proxy.sort(Col.VALUE, Qt.SortOrder.DescendingOrder)
    values = [float(proxy.index(r, 0).data(SummaryRole).total_value) for r in range(30)]
    assert values == sorted(values, reverse=True)


def test_nav_model_groups_counts(qapp, desk):
    nav = NavModel()
    counts = dict.fromkeys(("draft", "ready", "sent", "accepted", "under_review", "inspection",
                            "released", "certified", "rejected", "withdrawn"), 0)
    counts.update(draft=3, accepted=2, under_review=5, released=7, certified=1)
    nav.set_counts(counts)
    assert nav.count_of("review") == 7
    assert nav.count_of("released") == 8
    assert nav.count_of("all") == 18
    assert nav.count_of("dashboard") is None
    assert nav.index(nav.row_of("review")).data() == "已受理/审单中"


class _HeldPool:
    """A pool that holds each job until the test runs it (a query still in flight)."""

    def __init__(self):
        self.jobs = []

    def start(self, runnable, priority: int = 0) -> None:
        self.jobs.append(runnable)

    def run_all(self) -> None:
        while self.jobs:
            self.jobs.pop(0).run()


def test_a_new_filter_keeps_the_rows_shown_until_its_first_page_is_in(qapp, desk):
    """A keystroke in the search box must not blank the table while the query runs (a
    paint of an empty table, then another of the rows): the rows are replaced at once."""
    from ui.context import AppContext, AppEvents
    from ui.tasks import TaskRunner
    fill(desk, 30, prefix="AA")
    fill(desk, 5, prefix="BB")
    pool = _HeldPool()
    model = DeclarationsModel(AppContext(desk, TaskRunner(pool), AppEvents()))
    model.reload()
    pool.run_all()
    assert model.rowCount() == 35
    resets = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_filter(search="bb0")
    assert model.rowCount() == 35 and model.fetching and not resets
    assert model.index(0, Col.CONTRACT).data() is not None  # the old rows still read
    pool.run_all()
    assert resets == [0] and model.rowCount() == 5 and not model.fetching
    assert {model.index(r, Col.CONTRACT).data()[:2] for r in range(5)} == {"BB"}
    # a second keystroke before the first one's page: only the newest filter lands
    model.set_filter(search="aa0")
    model.set_filter(search="aa00001")
    pool.run_all()
    assert [model.index(r, Col.CONTRACT).data() for r in range(model.rowCount())] == ["AA00001"]


def test_scrolling_the_table_reads_pages_and_holds_a_bounded_window(qtbot, desk):
    """Through the view (as a user drags the scroll bar): the rows on screen are read,
    and the model holds at most max_pages pages however far down the table goes."""
    from ui.main_window import MainWindow
    from ui.models.declarations_model import MAX_PAGES, PAGE_SIZE
    fill(desk, PAGE_SIZE * (MAX_PAGES + 3))
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    table, model = win.list.table, win.list.model
    view = table.model()
    seen = set()
    for r in range(0, view.rowCount(), 100):
        table.scrollTo(view.index(r, 0))
        table.viewport().repaint()
        top = table.rowAt(0)
        assert top >= r - table.viewport().height() // 20  # the view did move
        assert view.index(top, 0).data(SummaryRole) is not None  # its rows are read
        seen.add(view.index(top, 0).data(SummaryRole).id)
        assert model.held_rows <= MAX_PAGES * PAGE_SIZE
    assert table.rowAt(0) > PAGE_SIZE * MAX_PAGES  # far below the pages first held
    assert 0 not in model._pages  # the first page was let go
    assert len(seen) > MAX_PAGES
