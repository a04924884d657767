"""The certificates-of-origin page and editor (pytest-qt, offscreen, synchronous runner)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from client.origin.service import OriginDesk
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q
from test_shell_support import make_ctx


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _co(desk) -> str:
    d = sample_declaration("outbound", 2, seed=5)
    with desk.db.write() as conn:
        decl_q.save_many(conn, [d])
    return OriginDesk(desk).new_from(d.id, "CN-KR", "WO")["id"]


def test_page_lists_with_counts_and_the_nav_shows_the_total(qtbot, desk):
    from ui.models.nav_model import NavModel
    from ui.origin_page import OriginPage
    cid = _co(desk)
    _co(desk)
    page = OriginPage(make_ctx(desk))
    qtbot.addWidget(page)
    nav = NavModel()
    page.counts_changed.connect(nav.set_origin_counts)
    page.refresh()
    assert page.table.rowCount() == 2
    assert nav.count_of("origin") == 2
    assert nav.index(nav.row_of("origin")).data() == "原产地证书"
    texts = [page.filters.itemText(i) for i in range(page.filters.count())]
    assert texts[0] == "全部 2" and "草稿 2" in texts and "已签证 0" in texts
    page.filters.setCurrentIndex(page.filters.findData("issued"))
    assert page.table.rowCount() == 0
    page.filters.setCurrentIndex(0)
    assert cid in {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(2)}


def test_editor_saves_validates_and_points_at_the_field(qtbot, desk):
    from ui.origin_page import OriginEditor
    cid = _co(desk)
    od = OriginDesk(desk)
    dlg = OriginEditor(make_ctx(desk), od, cid)
    qtbot.addWidget(dlg)
    t = date.today()
    values = {"consignee.country": "JPN", "exporter.address": "Shanghai",
              "consignee.address": "Tokyo", "transport.departure_date":
              (t + timedelta(days=2)).isoformat(), "transport.means": "MV A",
              "transport.port_of_loading": "SHANGHAI", "transport.port_of_discharge": "BUSAN",
              "application_place": "SHANGHAI"}
    for path, v in values.items():
        dlg.fields[path].setText(v)
    for r in range(dlg.goods.rowCount()):
        for col, v in ((2, "850440"), (8, "INV1"), (9, t.isoformat())):
            dlg.goods.item(r, col).setText(v)
    dlg.retroactive.setChecked(False)  # the sample declaration shipped in the past
    dlg.save()
    assert od.get(cid)["consignee"]["country"] == "JPN"
    lines = [dlg.issues.item(i).text() for i in range(dlg.issues.count())]
    assert len(lines) == 1 and lines[0].startswith("O1011 [consignee.country]")
    dlg._goto_issue(dlg.issues.item(0))
    assert dlg.focusWidget() is dlg.fields["consignee.country"]
    dlg.fields["consignee.country"].setText("KOR")
    dlg.save()
    assert [dlg.issues.item(i).text() for i in range(dlg.issues.count())] == ["校验通过"]
