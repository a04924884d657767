"""Certificates of origin in the desktop: the list page (counts by status, keyboard-first)
and a plain editor dialog. Both call :class:`client.origin.service.OriginDesk` through the
task runner; neither touches the store.

:class:`OriginPage` signals: ``counts_changed(dict)`` — the counts by status after every
refresh (the navigation shows their total).
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from client.origin.model import STATUS_EN, STATUS_ZH, STATUSES
from client.origin.service import OriginDesk
from client.origin.tables import AGREEMENTS

from .context import AppContext

GOODS_KEYS = ("marks", "description", "hs_code", "criterion", "rvc_percent", "quantity",
              "unit", "gross_weight_kg", "invoice_no", "invoice_date")


class OriginPage(QWidget):
    """The list of certificates of origin, filtered by status (see the module docstring)."""

    counts_changed = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.od = OriginDesk(ctx.desk)
        self.status: str | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 0;")
        self.filters = QComboBox()
        self.filters.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.new_btn = QPushButton()
        self.new_btn.clicked.connect(self.new_from_declaration)
        self.edit_btn = QPushButton()
        self.edit_btn.clicked.connect(self.edit_current)
        self.file_btn = QPushButton()
        self.file_btn.clicked.connect(self.file_current)
        self.print_btn = QPushButton()
        self.print_btn.clicked.connect(self.print_current)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.filters)
        bar = QHBoxLayout()
        for b in (self.new_btn, self.edit_btn, self.file_btn, self.print_btn):
            bar.addWidget(b)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_from_declaration)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_current)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.file_current)
        self._counts: dict[str, int] = {}
        self.rows: list = []
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("原产地证书"))
        self.new_btn.setText(self.tr("由报检单新建(&N)"))
        self.edit_btn.setText(self.tr("编辑(&E)"))
        self.file_btn.setText(self.tr("申报(&F)"))
        self.print_btn.setText(self.tr("打印 PDF(&P)"))
        self.table.setHorizontalHeaderLabels([
            self.tr("状态"), self.tr("证书类型"), self.tr("收货人"), self.tr("国家"),
            self.tr("证书号"), self.tr("更新时间")])
        self._fill_filters()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _names(self) -> dict[str, str]:
        return STATUS_EN if self.ctx.lang == "en" else STATUS_ZH

    def _fill_filters(self) -> None:
        names = self._names()
        keep = self.status
        self.filters.blockSignals(True)
        self.filters.clear()
        total = sum(self._counts.values())
        self.filters.addItem(self.tr("全部 {n}").format(n=total), None)
        for st in STATUSES:
            self.filters.addItem(f"{names[st]} {self._counts.get(st, 0)}", st)
        self.filters.setCurrentIndex(max(0, self.filters.findData(keep)))
        self.filters.blockSignals(False)

    def _filter_changed(self, _i: int) -> None:
        self.status = self.filters.currentData()
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.run(lambda: (self.od.counts(), self.od.list_rows(self.status)),
                            on_done=self._arrived, on_error=self._error)

    def _arrived(self, result) -> None:
        self._counts, self.rows = result
        self._fill_filters()
        names = self._names()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, v in enumerate((names.get(r.status, r.status), r.agreement or "",
                                   r.consignee_name or "", r.consignee_country or "",
                                   r.certificate_no or "", r.updated_at[:19].replace("T", " "))):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, j, item)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.counts_changed.emit(dict(self._counts))

    def _error(self, exc: BaseException) -> None:
        from client.errors import describe
        QMessageBox.warning(self, self.tr("原产地证书"), describe(exc, self.ctx.lang))

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    # -- actions ---------------------------------------------------------------------------
    def new_from_declaration(self) -> None:
        decl_id, ok = QInputDialog.getText(self, self.tr("由报检单新建"),
                                           self.tr("出境报检单编号或报检号："))
        if not ok or not decl_id.strip():
            return
        agreement, ok = QInputDialog.getItem(self, self.tr("由报检单新建"), self.tr("证书类型："),
                                             list(AGREEMENTS), 0, False)
        if not ok:
            return
        self.ctx.runner.run(self.od.new_from, decl_id.strip(), agreement,
                            on_done=lambda doc: (self.refresh(), self.open_editor(doc["id"])),
                            on_error=self._error)

    def edit_current(self) -> None:
        cid = self.current_id()
        if cid:
            self.open_editor(cid)

    def open_editor(self, cid: str) -> "OriginEditor":
        dlg = OriginEditor(self.ctx, self.od, cid, self)
        dlg.finished.connect(lambda _r: self.refresh())
        dlg.open()
        return dlg

    def file_current(self) -> None:
        cid = self.current_id()
        if cid:
            self.ctx.runner.run(self.od.file, cid, on_done=lambda _i: self.refresh(),
                                on_error=self._error)

    def print_current(self) -> None:
        cid = self.current_id()
        if not cid:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), f"{cid}.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(cid, path)

    def save_pdf(self, cid: str, path: str) -> None:
        from client.origin.print_layout import build

        from .printing import save_pdf
        self.ctx.runner.run(lambda: save_pdf(build(self.od.get(cid), self.ctx.desk.codes), path),
                            on_error=self._error)


class OriginEditor(QDialog):
    """A plain form for one certificate: header fields, a goods grid, the issues found.
    Ctrl+S saves, F5 validates; a field's issue is listed with its path."""

    def __init__(self, ctx: AppContext, od: OriginDesk, cid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.od, self.cid = ctx, od, cid
        self.doc = od.get(cid)
        self.setWindowTitle(self.tr("原产地证书 {id}").format(id=cid))
        self.fields: dict[str, QLineEdit] = {}
        form, right = QFormLayout(), QFormLayout()
        self.agreement = QComboBox()
        self.agreement.addItems(list(AGREEMENTS))
        self.agreement.setCurrentText(self.doc.get("agreement") or "")
        form.addRow(self.tr("证书类型"), self.agreement)
        labels = (("exporter.name", self.tr("出口商")), ("exporter.address", self.tr("出口商地址")),
                  ("producer.name", self.tr("生产商")), ("consignee.name", self.tr("收货人")),
                  ("consignee.address", self.tr("收货人地址")),
                  ("consignee.country", self.tr("收货人国家")),
                  ("transport.departure_date", self.tr("离港日期")),
                  ("transport.means", self.tr("运输工具")),
                  ("transport.port_of_loading", self.tr("装货港")),
                  ("transport.port_of_discharge", self.tr("卸货港")),
                  ("application_place", self.tr("申请地点")),
                  ("application_date", self.tr("申请日期")),
                  ("retroactive_reason", self.tr("后发原因")),
                  ("third_party.name", self.tr("第三方开票方")))
        for n, (path, label) in enumerate(labels):
            e = QLineEdit(self._get(path) or "")
            e.setObjectName(path)
            self.fields[path] = e
            (form if n < 6 else right).addRow(label, e)
        self.retroactive = QCheckBox(self.tr("后发证书"))
        self.retroactive.setChecked(bool(self.doc.get("retroactive")))
        self.third = QCheckBox(self.tr("第三方发票"))
        self.third.setChecked(bool(self.doc.get("third_party_invoicing")))
        checks = QHBoxLayout()
        checks.addWidget(self.retroactive)
        checks.addWidget(self.third)
        right.addRow("", checks)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)
        self.goods = QTableWidget(0, len(GOODS_KEYS))
        self.goods.setHorizontalHeaderLabels([
            self.tr("唛头"), self.tr("货物描述"), self.tr("HS编码"), self.tr("原产地标准"),
            self.tr("区域价值%"), self.tr("数量"), self.tr("单位"), self.tr("毛重kg"),
            self.tr("发票号"), self.tr("发票日期")])
        for g in self.doc.get("goods") or []:
            r = self.goods.rowCount()
            self.goods.insertRow(r)
            for j, k in enumerate(GOODS_KEYS):
                self.goods.setItem(r, j, QTableWidgetItem(str(g.get(k) or "")))
        add = QPushButton(self.tr("添加货物"))
        add.clicked.connect(lambda: self.goods.insertRow(self.goods.rowCount()))
        self.issues = QListWidget()
        self.issues.setMaximumHeight(90)
        self.issues.itemActivated.connect(self._goto_issue)
        buttons = QDialogButtonBox()
        self.save_btn = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.check_btn = buttons.addButton(self.tr("校验"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_btn.clicked.connect(self.save)
        self.check_btn.clicked.connect(self.check)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("F5"), self, self.check)
        lay = QVBoxLayout(self)
        lay.addLayout(columns)
        lay.addWidget(self.goods, 1)
        lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.issues)
        lay.addWidget(buttons)
        self.resize(1000, 640)

    def _get(self, path: str):
        cur = self.doc
        for p in path.split("."):
            cur = (cur or {}).get(p) if isinstance(cur, dict) else None
        return cur

    def collect(self) -> dict:
        doc = copy.deepcopy(self.doc)
        doc["agreement"] = self.agreement.currentText()
        for path, e in self.fields.items():
            head, _, tail = path.partition(".")
            v = e.text().strip() or None
            if tail:
                doc.setdefault(head, {})[tail] = v
            else:
                doc[head] = v
        doc["retroactive"] = self.retroactive.isChecked()
        doc["third_party_invoicing"] = self.third.isChecked()
        goods = []
        for r in range(self.goods.rowCount()):
            g = {k: ((self.goods.item(r, j).text().strip() or None) if self.goods.item(r, j)
                     else None) for j, k in enumerate(GOODS_KEYS)}
            if any(g.values()):
                goods.append(g)
        doc["goods"] = goods
        return doc

    def save(self) -> None:
        self.doc = self.collect()
        self.ctx.runner.run(self.od.save, self.doc, on_done=lambda _r: self.check(),
                            on_error=self._error)

    def check(self) -> None:
        self.ctx.runner.run(self.od.validate, self.cid, on_done=self.show_issues,
                            on_error=self._error)

    def show_issues(self, issues) -> None:
        self.issues.clear()
        if not issues:
            self.issues.addItem(self.tr("校验通过"))
        for i in issues:
            self.issues.addItem(f"{i.code} [{i.field}] {i.message(self.ctx.lang)}")
            self.issues.item(self.issues.count() - 1).setData(Qt.ItemDataRole.UserRole, i.field)

    def _goto_issue(self, item) -> None:
        field = item.data(Qt.ItemDataRole.UserRole) or ""
        if field in self.fields:
            self.fields[field].setFocus()
        elif field.startswith("goods["):
            row = int(field[6:field.index("]")])
            key = field.partition("].")[2]
            col = GOODS_KEYS.index(key) if key in GOODS_KEYS else 0
            self.goods.setCurrentCell(row, col)
            self.goods.setFocus()

    def _error(self, exc: BaseException) -> None:
        from client.errors import describe
        QMessageBox.warning(self, self.tr("原产地证书"), describe(exc, self.ctx.lang))
