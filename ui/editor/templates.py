"""另存为模板: keep the declaration open in the editor as a named template.

:class:`TemplateSaver` asks for a name (proposed: the consignee or consignor and the first
goods line), stores the editor's current content through
:meth:`client.services.Desk.save_template` on the task runner (numbers and dates are
cleared there) and tells the shell (``ctx.events.templates_changed``) so 从模板新建 lists
it at once. A template of the same name is replaced after asking.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox


def suggested_name(decl) -> str:
    party = decl.consignee if decl.direction == "inbound" else decl.consignor
    who = (party.name_cn or party.name_en) if party is not None else None
    what = decl.goods[0].name_cn if decl.goods else None
    return " ".join(x for x in (who, what) if x) or (decl.contract_no or "")


class TemplateSaver(QObject):
    """The editor's 另存为模板 action (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx

    def save_as(self, name: str | None = None) -> None:
        """Ask for a name (unless given), then store the template in the background."""
        w = self.w
        if w.decl is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(w, self.tr("另存为模板"), self.tr("模板名称："),
                                            QLineEdit.EchoMode.Normal, suggested_name(w.decl))
            if not ok:
                return
        name = name.strip()
        if not name:
            w.show_message(self.tr("模板名称不能为空。"))
            return
        self.ctx.runner.run(self.ctx.desk.templates,
                            on_done=lambda rows: self._check_name(name, rows),
                            on_error=self._failed)

    def _check_name(self, name: str, rows) -> None:
        if any(r[1] == name for r in rows):
            ans = QMessageBox.question(self.w, self.tr("另存为模板"),
                                       self.tr("已有名为“%1”的模板，要替换它吗？").replace("%1", name))
            if ans != QMessageBox.StandardButton.Yes:
                return
        decl = self.w.decl.copy()
        self.ctx.runner.run(self.ctx.desk.save_template, name, decl,
                            on_done=lambda _tid: self._saved(name), on_error=self._failed)

    def _saved(self, name: str) -> None:
        self.w.show_message(self.tr("已另存为模板“%1”，可在“从模板新建”中使用。").replace("%1", name),
                            "info")
        self.ctx.events.templates_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        from client.errors import describe
        text = describe(exc, self.ctx.lang)
        self.w.show_message(self.tr("未能另存为模板：%1").replace("%1", text))
