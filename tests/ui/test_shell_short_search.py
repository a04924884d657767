"""The search box's bounded walk for a query of one or two characters (issue 17): the list
holds the hits among the newest declarations, says so, and 继续搜索全部 finds the rest."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.store import search
from test_shell_support import desk, fill, make_ctx  # noqa: F401 - fixtures
from ui.models.declarations_model import DeclarationsModel, SummaryRole


@pytest.fixture
def budget(monkeypatch):
    monkeypatch.setattr(search, "SHORT_BUDGET", 40)
    return 40


def _ids(model) -> list[str]:
    return [model.summary(r).id for r in range(model.rowCount())]


def test_a_short_search_holds_the_hits_among_the_newest_and_can_search_everything(
        qapp, desk, budget):
    fill(desk, 100, prefix="QA")   # oldest: contract numbers QA00000…
    fill(desk, 100, prefix="ZB")   # newest
    model = DeclarationsModel(make_ctx(desk), page_size=25)
    model.set_filter(search="qa")
    newest = {r.id for r in desk.list(limit=budget)}
    assert model.floor == desk.list(limit=budget)[-1].cursor
    assert set(_ids(model)) == {i for i in newest
                                if "qa" in desk.summary(i).contract_no.lower()}
    assert model.rowCount() == 0  # the 40 newest are all ZB…: nothing, and it says so
    model.search_everything()
    assert model.floor is None
    assert model.rowCount() == 100
    assert all(model.summary(r).contract_no.startswith("QA") for r in range(100))
    model.set_filter(search="qa0")  # three characters: the index, no bound
    assert model.floor is None and model.rowCount() == 100
    model.set_filter(search="zb")   # a new short search is bounded again
    assert model.floor is not None and model.rowCount() == budget


def test_the_list_page_says_the_search_is_bounded_and_offers_search_all(qtbot, desk, budget):
    from ui.main_window import MainWindow
    fill(desk, 60, prefix="QA")
    fill(desk, 60, prefix="ZB")
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    page = win.list
    win._search_changed("QA")
    assert page.model.floor is not None
    assert page.more_btn.isVisible()
    assert "最近的 40 份报检单中没有与“QA”匹配的" in page.table.empty_text
    win._search_changed("ZB")
    assert page.model.rowCount() == 40
    assert "最近的 40 份中有 40 份" in page.matches.text()
    # select-all selects what the list shows, not every ZB in the store
    page.table.selectAll()
    assert len(page.selected_ids()) == 40
    qtbot.mouseClick(page.more_btn, Qt.MouseButton.LeftButton)
    assert page.model.floor is None and not page.more_btn.isVisible()
    assert page.model.rowCount() == 60
    assert {page.model.index(r, 0).data(SummaryRole).contract_no[:2]
            for r in range(60)} == {"ZB"}
    win._count_matches()
    assert "共 60 份" in page.matches.text()


def test_a_text_the_index_cannot_answer_in_time_is_bounded_the_same_way(qapp, desk, budget,
                                                                       monkeypatch):
    fill(desk, 60, prefix="QA")
    fill(desk, 60, prefix="ZB")
    monkeypatch.setattr(search, "PROBE_DEADLINE", 0.0)
    monkeypatch.setattr(search, "PROGRESS_OPS", 1)
    model = DeclarationsModel(make_ctx(desk), page_size=25)
    model.set_filter(search="qa0")
    assert model.floor is not None and model.rowCount() == 0
    model.search_everything()  # no deadline once the user asked for everything
    assert model.floor is None and model.rowCount() == 60
