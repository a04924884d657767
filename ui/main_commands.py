"""Commands of the main window (new, open, duplicate, validate, finalise, export, delete...).

A mixin for :class:`ui.main_window.MainWindow`, kept apart so each file stays small. Every
command runs its core call on the task runner and reports back through the status bar,
a message box for errors the user must read, and ``ctx.events.declarations_changed``.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout

from client.errors import ValidationFailed, describe

log = logging.getLogger(__name__)


class CommandsMixin:
    """Declaration commands; expects ``self.ctx``, ``self.list``, ``self.actions_``."""

    # -- helpers -------------------------------------------------------------------------
    def show_error(self, exc: BaseException) -> None:
        """An environment error in plain words; a bug as one short line (details in the log)."""
        text = describe(exc, self.ctx.lang)
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "CIQ Desk"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setModal(False)
        box.open()
        self._last_box = box

    def info(self, text: str, msecs: int = 6000) -> None:
        self.statusBar().showMessage(text, msecs)

    def _selected_ids(self) -> list[str]:
        return self.list.selected_ids()

    def _update_actions(self, selected: list) -> None:
        a = self.actions_
        n = len(selected)
        drafts = [s for s in selected if s.status == "draft"]
        a.open.setEnabled(n == 1)
        a.history.setEnabled(n == 1)
        a.print_.setEnabled(n == 1)
        a.duplicate.setEnabled(n == 1)
        a.copy_number.setEnabled(n >= 1 and any(s.inspection_no for s in selected))
        a.validate.setEnabled(n >= 1)
        a.finalise.setEnabled(bool(drafts))
        a.export.setEnabled(n >= 1)
        a.delete.setEnabled(bool(drafts) and len(drafts) == n)
        if self.list.all_matching:  # a query selection: the held rows are only a window
            n = self.list.selected_count()
            a.delete.setEnabled(True)  # its drafts, counted in the store (ui/draft_bin.py)
        if n > 1:
            self.info(QCoreApplication.translate("MainWindow", "已选择 {n} 份").format(n=n), 3000)

    def _context_menu(self, pos) -> None:
        if self.list.table.indexAt(pos).isValid():
            self.row_menu.popup(self.list.table.viewport().mapToGlobal(pos))

    # -- editors ---------------------------------------------------------------------------
    def open_current(self) -> None:
        cur = self.list.current()
        if cur is not None:
            self.open_editor(cur.id)

    def open_editor(self, decl_id: str | None = None, direction: str = "inbound"):
        """Open (or raise) the editor of ``decl_id``; ``None`` starts a new draft."""
        if decl_id is not None and decl_id in self._editors:
            ed = self._editors[decl_id]
            ed.showNormal()
            ed.raise_()
            ed.activateWindow()
            return ed
        from .editor import EditorWindow
        ed = EditorWindow(self.ctx, decl_id, direction)
        ed.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closing frees it
        key = decl_id or f"new:{id(ed)}"
        self._editors[key] = ed

        def forget(*_a) -> None:
            for k in [k for k, v in self._editors.items() if v is ed]:
                del self._editors[k]

        def saved(new_id: str) -> None:  # a new draft got its id: find it under that id
            if self._editors.get(new_id) is not ed:
                forget()
                self._editors[new_id] = ed
        ed.destroyed.connect(forget)
        if hasattr(ed, "saved"):
            ed.saved.connect(saved)
        ed.show()
        return ed

    def offer_unfinished_batches(self) -> None:
        """At start-up: a batch cut short (cancelled or by a crash) is offered for resuming."""
        def found(batches) -> None:
            todo = [b for b in batches if b.kind == "finalise" and b.state != "done" and b.pending]
            if not todo:
                return
            from .dialogs.batch_dialog import BatchDialog
            dlg = BatchDialog.unfinished(self.ctx, todo[0], self)
            dlg.send_requested.connect(self.sync.sync_now)
            dlg.open()
            self._batch_dialog = dlg
        from client.services.batch import list_batches
        self.ctx.runner.run(list_batches, self.ctx.desk, 20, on_done=found,
                            on_error=lambda exc: log.warning("batches: %r", exc))

    def new_declaration(self, direction: str) -> None:
        """新建: a new draft in the editor; a broker with a client chosen files for it."""
        client = getattr(self, "_declarant", None)
        if not client:
            self.open_editor(None, direction)
            return

        def make(desk, uscc: str):
            from client.services.clients import ClientsService
            return ClientsService(desk).new_draft_for(uscc, direction, save=True).id

        def done(decl_id: str) -> None:
            self.ctx.events.declarations_changed.emit([decl_id])
            self.open_editor(decl_id, direction)
        self.ctx.runner.run(make, self.ctx.desk, client, on_done=done, on_error=self.show_error)

    def print_preview(self):
        """打印预览: the official form of the selected declaration (print or PDF from there)."""
        cur = self.list.current()
        if cur is None:
            return

        def show(result) -> None:
            decl, codes = result
            from .printing import NoCjkFont, preview_dialog
            try:
                dlg = preview_dialog(self, decl, codes)
            except NoCjkFont:
                self.info(QCoreApplication.translate(
                    "MainWindow", "没有可显示中文的字体，无法打印"), 10000)
                return
            dlg.open()
            self._print_dialog = dlg
        desk = self.ctx.desk
        self.ctx.runner.run(lambda: (desk.get(cur.id), desk.codes), on_done=show,
                            on_error=self.show_error)

    def show_history(self) -> None:
        cur = self.list.current()
        if cur is None:
            return
        from .timeline import TimelineWidget
        dlg = QDialog(self)
        dlg.setWindowTitle(QCoreApplication.translate("MainWindow", "状态历史 — {no}").format(no=cur.inspection_no or cur.id))
        lay = QVBoxLayout(dlg)
        lay.addWidget(TimelineWidget(self.ctx, cur.id))
        dlg.resize(520, 560)
        dlg.open()

    # -- commands --------------------------------------------------------------------------
    def duplicate_selected(self) -> None:
        cur = self.list.current()
        if cur is None:
            return

        def done(decl) -> None:
            self.ctx.events.declarations_changed.emit([decl.id])
            self.info(QCoreApplication.translate("MainWindow", "已复制为新草稿"))
            self.open_editor(decl.id)
        self.ctx.runner.run(self.ctx.desk.duplicate, cur.id, on_done=done,
                            on_error=self.show_error)

    def refresh_templates(self) -> None:
        self.ctx.runner.run(self.ctx.desk.templates,
                            on_done=lambda t: setattr(self, "_templates", t),
                            on_error=self.show_error)

    def _fill_template_menu(self) -> None:
        m = self.template_menu
        m.clear()
        if not self._templates:
            act = m.addAction(QCoreApplication.translate("MainWindow", "（还没有模板：在编辑器中“另存为模板”）"))
            act.setEnabled(False)
        labels = [(tid, name, f"{name}  ·  " + (
            QCoreApplication.translate("MainWindow", "出境") if direction == "outbound"
            else QCoreApplication.translate("MainWindow", "入境")))
            for tid, name, direction in self._templates]
        for tid, _name, label in labels:
            m.addAction(label, lambda t=tid: self.new_from_template(t))
        if labels:
            m.addSeparator()
            sub = m.addMenu(QCoreApplication.translate("MainWindow", "删除模板"))
            for tid, name, label in labels:
                sub.addAction(label, lambda t=tid, n=name: self.delete_template(t, n))
        self.refresh_templates()

    def delete_template(self, template_id: str, name: str) -> None:
        """删除模板 (asked first); the drafts made from it are untouched."""
        ans = QMessageBox.question(self, QCoreApplication.translate("MainWindow", "删除模板"),
                                   QCoreApplication.translate("MainWindow", "删除模板“{n}”？用它新建的报检单不受影响。").format(n=name))
        if ans != QMessageBox.StandardButton.Yes:
            return

        def done(_none) -> None:
            self.ctx.events.templates_changed.emit()
            self.info(QCoreApplication.translate("MainWindow", "已删除模板“{n}”").format(n=name), 10000)
        self.ctx.runner.run(self.ctx.desk.delete_template, template_id, on_done=done,
                            on_error=self.show_error)

    def _template_clicked(self) -> None:
        self._fill_template_menu()
        btn = self.toolbar.widgetForAction(self.actions_.from_template)
        if btn is not None and btn.isVisible():
            self.template_menu.popup(btn.mapToGlobal(btn.rect().bottomLeft()))

    def new_from_template(self, template_id: str) -> None:
        desk = self.ctx.desk

        def make():
            decl = desk.new_from_template(template_id)
            desk.save_draft(decl)
            return decl.id

        def done(decl_id: str) -> None:
            self.ctx.events.declarations_changed.emit([decl_id])
            self.open_editor(decl_id)
        self.ctx.runner.run(make, on_done=done, on_error=self.show_error)

    def validate_selected(self) -> None:
        if self.list.all_matching:  # a query selection: paged, with progress and 取消
            from .dialogs.selection_dialog import ValidateSelectionDialog
            self._batch_dialog = ValidateSelectionDialog(self.ctx, self.list.selection(), self)
            self._batch_dialog.open()
            self._batch_dialog.start()
            return
        ids = self._selected_ids()
        if not ids:
            return

        def done(result: dict) -> None:
            bad = sum(1 for issues in result.values()
                      if any(getattr(i, "severity", "") == "error" for i in issues))
            self.ctx.events.declarations_changed.emit(list(result))
            self.info(QCoreApplication.translate("MainWindow", "已校验 {n} 份：{ok} 份通过，{bad} 份有错误").format(
                n=len(result), ok=len(result) - bad, bad=bad), 10000)
        self.info(QCoreApplication.translate("MainWindow", "正在校验…"))
        self.ctx.runner.run(self.ctx.desk.validate_ids, ids, on_done=done,
                            on_error=self.show_error)

    def finalise_selected(self) -> None:
        drafts = [s.id for s in self.list.selected() if s.status == "draft"]
        if self.list.all_matching:  # every draft of the query selection
            from client.services.selection import resolve
            drafts = resolve(self.ctx.desk, self.list.selection().narrowed("draft"))
        if not drafts:
            self.info(QCoreApplication.translate("MainWindow", "只有草稿可以定稿"))
            return
        if len(drafts) > 1:
            from .dialogs.batch_dialog import BatchDialog
            dlg = BatchDialog.finalise(self.ctx, drafts, self)
            dlg.send_requested.connect(self.sync.sync_now)
            dlg.finished_batch.connect(lambda _i: self.sync.refresh_outbox())
            dlg.open()
            dlg.start()
            self._batch_dialog = dlg
            return
        from .editor.lifecycle import filing_for
        filing = filing_for(self.ctx)

        def done(result) -> None:
            self.ctx.events.declarations_changed.emit(drafts)
            self.sync.refresh_outbox()
            done_ = result.finalised
            no = done_[0][1] if done_ else None
            self.info(QCoreApplication.translate("MainWindow", "已定稿，报检号 {no}").format(no=no) if no else QCoreApplication.translate("MainWindow", "已定稿"),
                      10000)

        def failed(exc) -> None:
            if isinstance(exc, ValidationFailed):
                self.ctx.events.declarations_changed.emit(drafts)
                lines = [i.message(self.ctx.lang) if hasattr(i, "message") else str(i)
                         for i in exc.issues[:8]]
                box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "未通过校验"),
                                  exc.message(self.ctx.lang) + "\n\n" + "\n".join(
                                      f"• {x}" for x in lines), QMessageBox.StandardButton.Ok,
                                  self)
                box.setModal(False)
                box.open()
                self._last_box = box
            else:
                self.show_error(exc)
        self.ctx.runner.run(filing.finalise, drafts, on_done=done, on_error=failed)

    def import_files(self, files: list[str] | None = None):
        """导入: the import dialog (with ``files`` already read when they were dropped)."""
        from .dialogs.import_dialog import ImportDialog
        dlg = ImportDialog(self.ctx, self)
        dlg.open()
        if files:
            dlg.load_files(files)
        self._import_dialog = dlg
        return dlg

    def export_selected(self) -> None:
        """Export the selection as the Excel/CSV template or as JSON (by the file type)."""
        ids = self._selected_ids()
        if not ids:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "导出报检单"), "declarations.xlsx",
            QCoreApplication.translate("MainWindow", "Excel 模板 (*.xlsx);;CSV 文件 (*.csv);;JSON 文件 (*.json)"))
        if not path:
            return
        fn = _export_json if path.lower().endswith(".json") else _export_workbook
        self.ctx.runner.run(fn, self.ctx.desk, ids, path,
                            on_done=lambda n: self.info(QCoreApplication.translate(
                                "MainWindow", "已导出 {n} 份到 {p}").format(n=n, p=path), 10000),
                            on_error=self.show_error)

    def copy_number(self) -> None:
        nos = [s.inspection_no for s in self.list.selected() if s.inspection_no]
        if nos:
            QGuiApplication.clipboard().setText("\n".join(nos))
            self.info(QCoreApplication.translate("MainWindow", "已复制报检号"))

    def show_login(self) -> None:
        """The platform login (first run, or 申报 → 登录平台…); a success starts syncing."""
        from .first_run import FirstRunDialog
        from client.sync.engine import SyncEngine
        engine = self.ctx.sync if self.ctx.sync is not None else SyncEngine(self.ctx.desk)
        store = engine.credentials
        dlg = FirstRunDialog(engine.login, self.ctx.runner, store.security_text(self.ctx.lang),
                             store.security(), parent=self, sandbox_fn=self._trial_sandbox,
                             office_fn=self._connect_office)

        def logged_in(_url, _user, _ent) -> None:
            self.sync.set_engine(engine)
            self.ctx.events.enterprise_changed.emit()
            self.info(QCoreApplication.translate("MainWindow", "已登录平台，正在同步…"))
        dlg.logged_in.connect(logged_in)
        dlg.open()
        self._login_dialog = dlg
        return dlg

    def _connect_office(self, url: str) -> None:
        """连接办公室数据库 (worker thread): connect and migrate, then keep the choice."""
        from client import paths
        from client.store import check_office
        data_dir = self.ctx.desk.paths.data_dir
        check_office(url, data_dir)
        paths.save_store_url(data_dir, url)

    def _trial_sandbox(self) -> str:
        """试用沙箱 (worker thread): start the profile's sandbox child once, wait, its URL."""
        from .sandbox_child import SandboxChild
        if self.ctx.trial is None:
            self.ctx.trial = SandboxChild(self.ctx.desk.paths)
        return self.ctx.trial.start_and_wait()

    def show_about(self) -> None:
        from .app import APP_VERSION
        QMessageBox.about(self, QCoreApplication.translate("MainWindow", "关于 CIQ Desk"), QCoreApplication.translate("MainWindow", 
            "<h3>CIQ Desk {v}</h3><p>出入境检验检疫报检桌面客户端：离线制单、本地校验、"
            "一次申报、一号到底。</p>").format(v=APP_VERSION))


def _export_workbook(desk, ids: list[str], path: str) -> int:
    """Write the declarations in the import template's form (.xlsx or .csv)."""
    from client.interchange.excel_export import export_workbook
    return export_workbook(desk, ids, path)


def _export_json(desk, ids: list[str], path: str) -> int:
    """Write the declarations as one JSON list (on the task runner)."""
    import json
    from pathlib import Path

    from client.model import to_dict
    items = [to_dict(desk.get(i)) for i in ids]
    Path(path).write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(items)
