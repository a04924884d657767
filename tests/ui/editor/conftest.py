"""Fixtures of the editor tests: a real store in the test's profile, a synchronous task
runner, and editors closed before the profile closes."""
from __future__ import annotations

import pytest

from client.services import Desk
from ui.context import AppContext, AppEvents
from ui.tasks import FakeThreadPool, TaskRunner


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture(autouse=True)
def _close_editors(desk):
    """Editor windows delete themselves when closed (so qtbot.addWidget cannot own
    them): close what a test left open, before its profile closes."""
    yield
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.editor import EditorWindow
    for w in QApplication.topLevelWidgets():
        if isinstance(w, EditorWindow):
            w.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(desk):
    return AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents())


@pytest.fixture
def goods_editor(qtbot, ctx, desk):
    """Open a stored inbound draft of ``goods`` lines in an editor showing its goods table:
    ``(window, goods section, declaration)``."""
    def open_(goods: int = 3):
        from client.rules import sample_declaration
        from ui.editor import EditorWindow
        from ui.editor.section_goods import GoodsSection
        d = sample_declaration("inbound", goods=goods, seed=11)
        desk.save_draft(d)
        ed = EditorWindow(ctx, d.id)
        ed.show()
        qtbot.waitExposed(ed)
        section = ed.section(GoodsSection)
        ed._show_section(ed.sections.index(section))
        section.view.setFocus()
        return ed, section, d
    return open_
