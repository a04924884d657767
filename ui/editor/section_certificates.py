"""所需证单: every certificate type of the direction as a checklist with counts.

:class:`CertificatesModel` (``QAbstractTableModel``) shows one row per certificate type
that fits the direction; checking a row adds a :class:`CertificateRequest` (1 original,
0 copies), unchecking removes it; originals and copies edit with spin boxes (0–9).

Signals:
    CertificatesModel.edited(): the declaration's certificate list changed.
    CertificatesSection.edited(str): ``"certificates"``.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSpinBox,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from client.model import CertificateRequest

from .common import ERROR_BG, WARNING_BG, alive, severity_icon, worst


class CertificatesModel(QAbstractTableModel):
    """Checklist of certificate types: 证单 (checkable) | 正本 | 副本."""

    edited = Signal()

    def __init__(self, codes, direction: str, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.types = [e for e in codes.table("certificates").entries
                      if e.row.get("direction") in (direction, "both", "", None)]
        self.names = {e.code: e for e in codes.table("certificates").entries}
        self.certs: list[CertificateRequest] = []
        self.read_only = False
        self._issues: dict[str, tuple[str, list[str]]] = {}

    def set_certificates(self, certs: list[CertificateRequest]) -> None:
        self.beginResetModel()
        self.certs = certs
        known = {e.code for e in self.types}
        # types stored but not offered for this direction still show (and can be unticked)
        extra = [self.names[c.type] for c in certs if c.type not in known and c.type in self.names]
        self.rows = self.types + extra
        self.endResetModel()

    rows: list = []

    def _req(self, code: str) -> CertificateRequest | None:
        for c in self.certs:
            if c.type == code:
                return c
        return None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("证单"), self.tr("正本份数"), self.tr("副本份数"))[section]
        return None

    def flags(self, index):
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return f
        if index.column() == 0:
            return f | Qt.ItemFlag.ItemIsUserCheckable
        if self._req(self.rows[index.row()].code) is not None:
            return f | Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        req = self._req(e.code)
        issue = self._issues.get(e.code)
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{e.code}  {e.name_en if self.lang == 'en' and e.name_en else e.name_cn}"
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if req else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DecorationRole and issue:
                return severity_icon(issue[0])
        else:
            value = None if req is None else (req.originals if index.column() == 1 else req.copies)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return "" if value is None else (value if role == Qt.ItemDataRole.EditRole
                                                 else str(value))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and issue:
            return QBrush(QColor(ERROR_BG if issue[0] == "error" else WARNING_BG))
        if role == Qt.ItemDataRole.ToolTipRole and issue:
            return "\n".join(issue[1])
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        e = self.rows[index.row()]
        req = self._req(e.code)
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked \
                if not isinstance(value, bool) else value
            if checked and req is None:
                self.certs.append(CertificateRequest(type=e.code, originals=1, copies=0))
            elif not checked and req is not None:
                self.certs.remove(req)
            else:
                return True
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
            self.edited.emit()
            return True
        if index.column() in (1, 2) and role == Qt.ItemDataRole.EditRole and req is not None:
            try:
                n = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= n <= 9:
                return False
            setattr(req, "originals" if index.column() == 1 else "copies", n)
            self.dataChanged.emit(index, index)
            self.edited.emit()
            return True
        return False

    def row_of(self, code: str | None) -> int:
        for i, e in enumerate(self.rows):
            if e.code == code:
                return i
        return -1

    def set_issues(self, issues: dict[int, list]) -> None:
        """``{index in declaration.certificates: [Issue, ...]}``."""
        out = {}
        for i, lst in issues.items():
            if 0 <= i < len(self.certs):
                out[self.certs[i].type] = (worst(x.severity for x in lst),
                                           [x.message(self.lang) for x in lst])
        self._issues = out
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))


class _SpinDelegate(QStyledItemDelegate):
    """Edits an original/copy count with a 0–9 spin box."""

    def createEditor(self, parent, option, index):  # noqa: N802
        s = QSpinBox(parent)
        s.setRange(0, 9)
        s.setFrame(False)
        return s

    def setEditorData(self, editor, index):  # noqa: N802
        v = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(v) if v not in (None, "") else 0)

    def setModelData(self, editor, model, index):  # noqa: N802
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class CertificatesSection(QWidget):
    """所需证单 checklist."""

    edited = Signal(str)
    TITLE = QT_TRANSLATE_NOOP("EditorSections", "所需证单")

    def __init__(self, ctx, direction: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = CertificatesModel(ctx.desk.codes, direction, ctx.lang, self)
        self.model.edited.connect(lambda: self.edited.emit("certificates"))
        self.view = QTableView(self)
        self.view.setObjectName("certificates")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(1, _SpinDelegate(self.view))
        self.view.setItemDelegateForColumn(2, _SpinDelegate(self.view))
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(1, 110)
        self.view.setColumnWidth(2, 110)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setStyleSheet(
            "QTableView { background: white; border: 1px solid #c9ced6; gridline-color: #eceef1; }"
            "QHeaderView::section { background: #eef2f7; border: none; padding: 4px 6px;"
            " font-weight: bold; border-bottom: 1px solid #cfd5dd; }")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #7a8391;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 14)
        lay.addWidget(self.hint)
        lay.addWidget(self.view, 1)
        self.ecerts_label = QLabel()  # the platform's e-certificates (ui.ecert_view)
        self.ecerts_label.setObjectName("ecerts")
        lay.addWidget(self.ecerts_label)
        self.retranslateUi()

    def load(self, decl) -> None:
        self.model.set_certificates(decl.certificates)
        from ..ecert_view import ecerts_html, load_ecerts
        self.ctx.runner.run(load_ecerts, self.ctx.desk, decl.id, on_error=lambda exc: None,
                            on_done=alive(self, lambda rows: self.ecerts_label.setText(
                                ecerts_html(rows, self.ctx.lang))))

    def set_read_only(self, ro: bool) -> None:
        self.model.read_only = ro

    def input_widgets(self):
        return [self.view]

    def select_cert(self, index_in_decl: int) -> None:
        certs = self.model.certs
        code = certs[index_in_decl].type if 0 <= index_in_decl < len(certs) else None
        r = self.model.row_of(code)
        if r >= 0:
            self.view.setCurrentIndex(self.model.index(r, 0))
        self.view.setFocus()

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr("勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
