"""The issues panel: every validation finding of the open declaration, errors first.

* :class:`IssuesModel` — ``QAbstractListModel`` over :class:`client.rules.Issue`; a row
  reads "第1项货物 HS编码：…" with a red/amber icon.
* :class:`IssuesPanel` — a header ("2 个错误，1 个警告") over a ``QListView``.

Signals:
    IssuesPanel.issue_activated(object): the user clicked (or pressed Enter on) an issue;
        the editor focuses its field.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from client.fields import label

from .common import ERROR, WARNING, severity_icon

IssueRole = Qt.ItemDataRole.UserRole + 1


class IssuesModel(QAbstractListModel):
    """Issues, errors before warnings, in field order otherwise."""

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.issues: list = []

    def set_issues(self, issues: list) -> None:
        self.beginResetModel()
        self.issues = sorted(issues, key=lambda i: 0 if i.severity == "error" else 1)
        self.endResetModel()

    def counts(self) -> tuple[int, int]:
        e = sum(1 for i in self.issues if i.severity == "error")
        return e, len(self.issues) - e

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.issues)

    def text(self, issue) -> str:
        where = label(issue.field, self.lang) if issue.field else ""
        sep = ": " if self.lang == "en" else "："
        return f"{where}{sep}{issue.message(self.lang)}" if where else issue.message(self.lang)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.issues):
            return None
        i = self.issues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(i)
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(i.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{i.code}  {i.field}\n{i.message(self.lang)}"
        if role == IssueRole:
            return i
        return None


class IssuesPanel(QWidget):
    """A compact list of issues under the form; click one to go to its field."""

    issue_activated = Signal(object)

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.model = IssuesModel(lang, self)
        self.ok_text = ""  # what the header says when there is nothing to list
        self.header = QLabel()
        self.header.setObjectName("issuesHeader")
        self.view = QListView()
        self.view.setObjectName("issuesList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setIconSize(QSize(14, 14))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSpacing(1)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setStyleSheet(
            "QListView { border: 1px solid #dfe3e8; background: white; }"
            "QListView::item { padding: 3px 4px; }"
            "QListView::item:selected { background: #d6e6f8; color: #111; }")
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.header)
        lay.addWidget(self.view, 1)
        self._update_header()

    def set_issues(self, issues: list) -> None:
        self.model.set_issues(issues)
        self._update_header()

    def _activate(self, index) -> None:
        issue = index.data(IssueRole)
        if issue is not None:
            self.issue_activated.emit(issue)

    def _update_header(self) -> None:
        errors, warnings = self.model.counts()
        if not errors and not warnings:
            self.header.setText(self.ok_text or self.tr("✓ 未发现问题，可以定稿"))
            self.header.setStyleSheet("color: #389e0d; font-weight: bold; padding: 2px;")
            return
        parts = []
        if errors:
            parts.append(f"<span style='color:{ERROR}'>" + self.tr("%n 个错误", "", errors) + "</span>")
        if warnings:
            parts.append(f"<span style='color:{WARNING}'>" + self.tr("%n 个警告", "", warnings)
                         + "</span>")
        self.header.setText("<b>" + "，".join(parts) + "</b>　" +
                            self.tr("（点击条目跳到对应字段）"))
        self.header.setStyleSheet("padding: 2px;")

    def retranslateUi(self) -> None:  # noqa: N802
        self._update_header()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
