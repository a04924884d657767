"""The editor's part in sharing drafts (issue 16): who else has it open, and a save
refused because a colleague saved first.

:class:`EditorOffice` belongs to one :class:`~ui.editor.window.EditorWindow`:

* presence — while the window edits a stored draft, ``client.services.office.beat`` runs
  on the task runner every ``HEARTBEAT_S`` seconds; other desks with the same draft open
  are named in the message bar (topic ``"presence"``); closing the window calls ``leave``.
* a stale save — the window saves against the revision it loaded (``base_rev``); when the
  store refuses (:class:`client.errors.StaleDraft`) :meth:`stale` says who changed it and
  offers 使用对方的版本 (reload theirs; this window's edits are dropped) or 另存为我的副本
  (this window's content saved as a new draft, then theirs loaded here). Nothing is ever
  overwritten silently.

Signals:
    colleagues(list): the ``Colleague`` rows of the last heartbeat.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from client.errors import StaleDraft
from client.services import office

from .common import alive


class EditorOffice(QObject):
    """Presence heartbeat and stale-save choice of one editor window (see the module)."""

    colleagues = Signal(list)

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.decl_id: str | None = None
        self.box: QMessageBox | None = None
        self.copy_id: str | None = None
        self.timer = QTimer(self, interval=office.HEARTBEAT_S * 1000)
        self.timer.timeout.connect(self.beat)

    # -- presence ------------------------------------------------------------------------
    def opened(self, decl_id: str | None) -> None:
        if decl_id is None or self.w.mode != "edit":
            return
        self.decl_id = decl_id
        self.beat()
        self.timer.start()

    def beat(self) -> None:
        if self.decl_id is None:
            return
        self.w.ctx.runner.run(office.beat, self.w.ctx.desk, self.decl_id,
                              on_done=alive(self.w, self._beaten),
                              on_error=lambda exc: None)  # presence is a hint, never a stop

    def _beaten(self, others: list) -> None:
        self.colleagues.emit(others)
        if others:
            names = "、".join(o.user or "?" for o in others)
            self.w.show_message(self.tr("同事 %s 也打开了这份草稿；保存时以先保存者为准，"
                                          "您会看到对方的修改。") % names,
                                kind="warning", topic="presence")
        else:
            self.w.hide_message(topic="presence")

    def closed(self) -> None:
        self.timer.stop()
        if self.decl_id is not None:
            self.w.ctx.runner.run(office.leave, self.w.ctx.desk, self.decl_id,
                                  on_error=lambda exc: None)
            self.decl_id = None

    # -- a refused stale save ---------------------------------------------------------------
    def stale(self, exc: StaleDraft) -> None:
        """Say who changed the draft; offer theirs or a copy of this window's content."""
        w = self.w
        w.show_message(exc.message(w.ctx.lang), kind="warning", topic="stale")
        w.save_state.setText(self.tr("未保存"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("草稿已被同事修改"),
                          exc.message(w.ctx.lang), parent=w)
        self.theirs_button = box.addButton(self.tr("使用对方的版本"),
                                           QMessageBox.ButtonRole.AcceptRole)
        self.copy_button = box.addButton(self.tr("另存为我的副本"),
                                         QMessageBox.ButtonRole.ActionRole)
        box.buttonClicked.connect(self._chosen)
        self.box = box
        box.open()

    def _chosen(self, button) -> None:
        if button is self.copy_button:
            self.save_copy()
        else:
            self.take_theirs()

    def take_theirs(self) -> None:
        """Load the stored (their) version; this window's unsaved edits are dropped."""
        w = self.w
        w._saved_gen = w._edit_gen  # nothing of ours is pending any more
        w.hide_message(topic="stale")
        w.lifecycle.reload()

    def save_copy(self) -> None:
        """This window's content as a new draft (a copy), then their version here."""
        from client.model import new_ulid
        w = self.w
        mine = w.decl.copy()
        mine.id = new_ulid()
        mine.inspection_no = None
        self.copy_id = mine.id

        def saved(_summary) -> None:
            w.show_message(self.tr("您的修改已另存为新草稿 %s；本窗口显示同事的版本。") % mine.id,
                           kind="info", topic="stale")
            w.ctx.events.declarations_changed.emit([mine.id])
            w._saved_gen = w._edit_gen
            w.lifecycle.reload()
        w.ctx.runner.run_serial(w.ctx.desk.save_draft, mine, on_done=alive(w, saved),
                                on_error=alive(w, lambda e: w.show_message(
                                    self.tr("副本未能保存：%s") % e)))
