"""Two desks editing one draft (issue 16): each sees the other is there; the later save is
refused, naming who saved first, and offers their version or a copy of one's own."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt

from client.rules import sample_declaration
from client.services import Desk
from client.store import kv
from client.store import schema as s
from ui.context import AppContext, AppEvents
from ui.editor import EditorWindow
from ui.editor.section_basic import BasicSection
from ui.tasks import FakeThreadPool, TaskRunner


def _login(desk, name):
    with desk.db.write() as conn:
        kv.put(conn, "username", name)


def _type(qtbot, ed, text):
    w = ed.section(BasicSection).bindings["contract_no"].widget
    w.setFocus()
    w.selectAll()
    qtbot.keyClicks(w, text)
    ed.save_now()


def test_two_desks_one_draft_presence_then_the_conflict_and_a_copy(qtbot, desk, data_dir,
                                                                  tmp_path, store_dialect):
    office = bool(os.environ.get("CIQDESK_STORE_URL"))
    other = Desk.open(tmp_path / "desk-b" if office else data_dir)
    try:
        _login(desk, "wang")
        if office:
            _login(other, "li")
        d = sample_declaration("inbound", goods=1, seed=5)
        desk.save_draft(d)
        ea = EditorWindow(AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents()), d.id)
        eb = EditorWindow(AppContext(other, TaskRunner(FakeThreadPool()), AppEvents()), d.id)
        for e in (ea, eb):
            e.show()
            qtbot.waitUntil(lambda e=e: e.mode == "edit", timeout=10000)
        # B opened second: it is told A has the draft open
        assert eb.message_topic == "presence" and "wang" in eb.message_label.text()
        ea.office.beat()
        assert ea.message_topic == "presence"
        _type(qtbot, ea, "A-FIRST")
        assert desk.get(d.id).contract_no == "A-FIRST"
        _type(qtbot, eb, "B-LATER")
        # refused: A's edit stays, B is told who and offered the two ways on
        assert other.get(d.id).contract_no == "A-FIRST"
        assert eb.office.box is not None and eb.office.box.isVisible()
        assert "wang" in eb.office.box.text()
        assert eb.decl.contract_no == "B-LATER"  # B's input is still in the window
        qtbot.mouseClick(eb.office.copy_button, Qt.MouseButton.LeftButton)
        copy_id = eb.office.copy_id
        assert copy_id and other.get(copy_id).contract_no == "B-LATER"
        assert eb.decl.contract_no == "A-FIRST" and not eb.dirty  # theirs, here
        _type(qtbot, eb, "B-ON-TOP")  # on top of theirs: accepted
        assert desk.get(d.id).contract_no == "B-ON-TOP"
        ea.close()
        with desk.db.read() as conn:
            left = conn.execute(s.presence.select().where(
                s.presence.c.declaration_id == d.id)).all()
        assert len(left) == 1  # only B's row: A's went when it closed
        eb.close()
    finally:
        other.close()
