"""What the editor does when its declaration is changed elsewhere.

:class:`Follower` belongs to one :class:`~ui.editor.window.EditorWindow` and listens to
``AppEvents.declarations_changed``: another window, the list, a sync or a colleague on the
office store changed declarations. When ours changed status (finalised from the list, a
receipt arrived) the window reloads it. When our draft is gone (deleted from the list or
by a colleague) the window stops saving, since an autosave would store it again and undo
the deletion, turns read-only and says where it can be restored; restored from the bin, it
is reloaded and editable again.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from client.errors import NotFound

from .common import alive


class Follower(QObject):
    """Keeps an editor window in step with its declaration as stored (no signals)."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        # our draft was deleted elsewhere; the window is read-only until it comes back
        self.deleted = False

    def changed(self, ids: list) -> None:
        w = self.w
        if w.decl is None or w.mode == "loading" or w._saving:
            return
        if ids and w.decl.id not in ids:
            return
        w.ctx.runner.run(w.ctx.desk.summary, w.decl.id, on_done=alive(w, self._check),
                         on_error=alive(w, self._gone))

    def _gone(self, exc: BaseException) -> None:
        w = self.w
        if not isinstance(exc, NotFound) or w.mode != "edit" or w._saving:
            return
        self.deleted = True
        w._save_timer.stop()
        w._retry_timer.stop()
        w.set_mode("readonly")
        w.show_message(self.tr("这份草稿已被删除，不能再修改。可在主窗口“报检单 → 最近删除的草稿”中恢复，"
                               "或用“复制为新报检单”另存一份。"), "warning")

    def _check(self, summary) -> None:
        w = self.w
        old = w.summary
        w.summary = summary
        if self.deleted:  # restored from the bin: editable again, as stored
            self.deleted = False
            w.hide_message()
            w.lifecycle.reload()
            return
        if old is not None and (old.status, old.version) == (summary.status, summary.version):
            return
        w.hide_message(topic="queued")  # the platform answered what was queued
        if w.mode == "amend":
            return  # the amendment in progress stays; its base version is re-read on submit
        if summary.status != (w.status or "draft") or w.mode == "readonly":
            w.lifecycle.reload()
