"""删除草稿 and 报检单 → 最近删除的草稿…: deleting drafts, and taking a deletion back.

:class:`DraftBinCommand` owns the window's 删除草稿 action (Delete) and adds 撤销删除
(Ctrl+Z: the window's last deletion restored at once) and 最近删除的草稿… to the 报检单 menu. Deleting works on the list's selection as the user sees it: the
selected rows, or after Ctrl+A / 全选 every draft the filter matches (resolved in the
store, never from the rows loaded), in one transaction; the drafts go to the store's bin
(:mod:`client.services.draft_bin`) for ``KEEP_DAYS`` days. :class:`DraftBinDialog` lists the
bin and restores what the user picks.

Signals:
    DraftBinDialog.restored(list): the ids of the drafts saved again.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from client.errors import describe
from client.services import draft_bin
from client.services.selection import count as selection_count
from client.services.selection import resolve
from client.store.draft_bin import KEEP_DAYS, Discarded

from .models.formatting import direction_name, local_time


def restored_text(result: draft_bin.Restored) -> str:
    """What a restore did, in words (the bin dialog's 恢复所选 and 撤销删除 say the same)."""
    text = QCoreApplication.translate("DraftBinDialog", "已恢复 %n 份草稿。", None,
                                      len(result.restored))
    if result.in_use:
        text += QCoreApplication.translate(
            "DraftBinDialog", "%n 份未恢复：同一编号的报检单已经存在（删除后又导入或新建过），"
            "仍留在最近删除的草稿中。", None, len(result.in_use))
    return text


class DraftBinDialog(QDialog):
    """The drafts deleted in the last ``KEEP_DAYS`` days; 恢复所选 saves them again."""

    restored = Signal(list)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[Discarded] = []
        self.resize(900, 480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self.restore_selected())
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_btn = QPushButton()
        self.buttons.addButton(self.restore_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_btn.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.result_label)
        lay.addWidget(self.buttons)
        self.retranslateUi()
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(draft_bin.deleted_drafts, self.ctx.desk, on_done=self._show,
                            on_error=self._failed)

    def _show(self, entries: list[Discarded]) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            for c, text in enumerate((local_time(e.deleted_at), direction_name(e.direction),
                                      e.contract_no or "", e.party or "", e.goods or "",
                                      e.deleted_by or "")):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if not self.entries:
            self.result_label.setText(self.result_label.text() or self.tr("没有最近删除的草稿。"))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.result_label.setText(describe(exc, self.ctx.lang))

    def selected_ids(self) -> list[str]:
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        return [self.entries[r].id for r in rows if r < len(self.entries)]

    def _update_buttons(self) -> None:
        n = len(self.selected_ids())
        self.restore_btn.setEnabled(n > 0)
        self.restore_btn.setText(self.tr("恢复所选 (%n)", None, n) if n else self.tr("恢复所选"))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.restore_btn.setEnabled(False)
        self.result_label.setText(self.tr("正在恢复 %n 份草稿…", None, len(ids)))  # 10,000: ~5 s
        self.ctx.runner.run(draft_bin.restore_drafts, self.ctx.desk, ids,
                            on_done=self._restored, on_error=self._failed)

    def _restored(self, result: draft_bin.Restored) -> None:
        self.result_label.setText(restored_text(result))
        if result.restored:
            self.restored.emit(result.restored)
        self.reload()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("最近删除的草稿"))
        self.intro.setText(self.tr("删除的草稿在这里保留 %d 天，可恢复为草稿，内容和编号与删除前相同。") % KEEP_DAYS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("删除时间"), self.tr("出入境"), self.tr("合同号"), self.tr("收货人/发货人"),
             self.tr("货物"), self.tr("删除人")])
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class DraftBinCommand(QObject):
    """The 删除草稿 action and 报检单 → 最近删除的草稿… of a :class:`ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        # 撤销删除 (Ctrl+Z): the last deletion from this window, taken back at once
        self.undo_action = QAction(window)
        self.undo_action.setObjectName("undo_delete")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_delete)
        self.action = QAction(window)
        self.action.setObjectName("draft_bin")
        window.menu_decl.addAction(self.undo_action)
        window.menu_decl.addAction(self.action)
        window.addAction(self.undo_action)
        self.action.triggered.connect(self.show)
        window.actions_.delete.triggered.connect(self.delete_selected)
        window.installEventFilter(self)
        self.dialog: DraftBinDialog | None = None
        # the ids of this window's last deletion (what 撤销删除 restores)
        self.last_deleted: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("最近删除的草稿…"))
        self.action.setToolTip(self.tr("查看并恢复 %d 天内删除的草稿") % KEEP_DAYS)
        self.undo_action.setText(self.tr("撤销删除"))
        self.undo_action.setToolTip(self.tr("恢复刚才删除的草稿 (Ctrl+Z)"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show(self) -> DraftBinDialog:
        self.dialog = DraftBinDialog(self.window.ctx, self.window)
        self.dialog.restored.connect(self.window.ctx.events.declarations_changed.emit)
        self.dialog.restored.connect(self._restored_elsewhere)
        self.dialog.open()
        return self.dialog

    # -- deleting ------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Delete the selected drafts (asked first); a select-all takes every matching draft."""
        lst, ctx = self.window.list, self.window.ctx
        if lst.all_matching:
            sel = lst.selection().narrowed("draft")
            ctx.runner.run(selection_count, ctx.desk, sel,
                           on_done=lambda n: self._confirm(n, sel),
                           on_error=self.window.show_error)
            return
        chosen = lst.selected()
        ids = [x.id for x in chosen if x.status == "draft"]
        if not ids or len(ids) != len(chosen):
            self.window.info(self.tr("只能删除草稿"))
            return
        self._confirm(len(ids), ids)

    def ask(self, n: int) -> bool:
        """Whether the user confirms deleting ``n`` drafts."""
        ans = QMessageBox.question(
            self.window, self.tr("删除草稿"),
            self.tr("删除所选的 %n 份草稿？删除后 {days} 天内可在“报检单 → 最近删除的草稿”中恢复。",
                    None, n).format(days=KEEP_DAYS))
        return ans == QMessageBox.StandardButton.Yes

    def _confirm(self, n: int, what) -> None:
        if n == 0:
            self.window.info(self.tr("所选的报检单中没有草稿"))
            return
        if not self.ask(n):
            return
        desk = self.window.ctx.desk

        def delete() -> list[str]:
            ids = what if isinstance(what, list) else resolve(desk, what)
            return draft_bin.delete_drafts(desk, ids)
        self.window.info(self.tr("正在删除 %n 份草稿…", None, n), 60000)  # 10,000: ~4 s
        self.window.ctx.runner.run(delete, on_done=self._deleted, on_error=self.window.show_error)

    def _deleted(self, ids: list[str]) -> None:
        self.last_deleted = list(ids)
        self.undo_action.setEnabled(bool(ids))
        self.window.ctx.events.declarations_changed.emit(ids)
        self.window.info(QCoreApplication.translate(
            "DraftBinCommand", "已删除 %n 份草稿（Ctrl+Z 撤销；也可在“报检单 → 最近删除的草稿”中恢复）。",
            None, len(ids)), 10000)

    def _restored_elsewhere(self, ids: list) -> None:
        back = set(ids)
        self.last_deleted = [i for i in self.last_deleted if i not in back]
        self.undo_action.setEnabled(bool(self.last_deleted))

    def undo_delete(self) -> None:
        """撤销删除: restore the drafts of this window's last deletion."""
        ids, self.last_deleted = self.last_deleted, []
        self.undo_action.setEnabled(False)
        if not ids:
            return
        ctx = self.window.ctx

        def done(result: draft_bin.Restored) -> None:
            ctx.events.declarations_changed.emit(result.restored)
            self.window.info(restored_text(result), 10000)
        self.window.info(self.tr("正在恢复 %n 份草稿…", None, len(ids)), 60000)
        ctx.runner.run(draft_bin.restore_drafts, ctx.desk, ids, on_done=done,
                       on_error=self.window.show_error)
