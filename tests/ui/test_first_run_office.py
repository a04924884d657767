"""The first-run dialog's 连接办公室数据库 (issue 16): the address checked, then connected."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.first_run import FirstRunDialog
from ui.tasks import FakeThreadPool, TaskRunner


def test_office_store_address_is_checked_then_connected(qtbot):
    calls: list[str] = []
    dlg = FirstRunDialog(lambda *a: None, TaskRunner(FakeThreadPool()),
                         office_fn=calls.append)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.office_row.isVisible()
    qtbot.mouseClick(dlg.office_button, Qt.MouseButton.LeftButton)
    assert dlg.office_row.isVisible()
    dlg.office_edit.setText("/home/me/ciqdesk.sqlite3")
    qtbot.mouseClick(dlg.office_connect, Qt.MouseButton.LeftButton)
    assert calls == [] and "postgresql+psycopg://" in dlg.error_label.text()
    url = "postgresql+psycopg://wang@office-server/ciqdesk"
    dlg.office_edit.setText(url)
    with qtbot.waitSignal(dlg.office_chosen) as got:
        qtbot.mouseClick(dlg.office_connect, Qt.MouseButton.LeftButton)
    assert calls == [url] and got.args == [url]
    assert "重新启动" in dlg.status_label.text()


def test_without_office_fn_there_is_no_button(qtbot):
    dlg = FirstRunDialog(lambda *a: None, TaskRunner(FakeThreadPool()))
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.office_button.isVisible()
