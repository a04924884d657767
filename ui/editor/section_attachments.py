"""随附单据: the supporting PDFs. Drop files on the list (or use 添加文件…).

A dropped file is copied into the profile's attachment store OFF the GUI thread
(``desk.store_attachment``), then an :class:`Attachment` with the document type chosen in
the picker above the list, the file name, sha256 and size is added.

Signals:
    AttachmentsModel.edited(): the attachment list changed.
    AttachmentsSection.edited(str): ``"attachments"``.
    AttachmentsSection.message(str): a refused file or a storage error.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from client.errors import DeskError
from client.model import Attachment

from .code_picker import CodePicker
from .common import ERROR_BG, WARNING_BG, alive, severity_icon, worst

MAX_SIZE = 4 * 1024 * 1024


def human_size(n: int | None) -> str:
    if n is None:
        return ""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class AttachmentsModel(QAbstractTableModel):
    """单据类型 | 文件名 | 大小 over the declaration's attachment list."""

    edited = Signal()

    def __init__(self, codes, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.types = codes.table("attachment_types")
        self.lang = lang
        self.rows: list[Attachment] = []
        self._issues: dict[int, tuple[str, list[str]]] = {}

    def set_rows(self, rows: list[Attachment]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("单据类型"), self.tr("文件名"), self.tr("大小"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        issue = self._issues.get(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                e = self.types.get(a.type)
                return f"{a.type} {e.name_cn}" if e else (a.type or "")
            if index.column() == 1:
                return a.file_name or ""
            return human_size(a.size)
        if role == Qt.ItemDataRole.DecorationRole and issue and index.column() == 0:
            return severity_icon(issue[0])
        if role == Qt.ItemDataRole.BackgroundRole and issue:
            return QBrush(QColor(ERROR_BG if issue[0] == "error" else WARNING_BG))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(issue[1]) if issue else (a.sha256 or None)
        return None

    def add(self, att: Attachment) -> None:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(att)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def set_issues(self, issues: dict[int, list]) -> None:
        self._issues = {i: (worst(x.severity for x in v), [x.message(self.lang) for x in v])
                        for i, v in issues.items()}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))


class _DropTable(QTableView):
    """The attachments table, accepting dropped files.

    Signals:
        files_dropped(list): local paths of the dropped files.
    """

    files_dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _accepts(self, event) -> bool:
        return event.mimeData().hasUrls() and self.isEnabled() and \
            not getattr(self, "read_only", False)

    def dragEnterEvent(self, event):  # noqa: N802
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):  # noqa: N802
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):  # noqa: N802
        if not self._accepts(event):
            event.ignore()
            return
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.files_dropped.emit(paths)


class AttachmentsSection(QWidget):
    """随附单据: type picker, drop-target list, add/remove buttons."""

    edited = Signal(str)
    message = Signal(str)
    TITLE = QT_TRANSLATE_NOOP("EditorSections", "随附单据")

    def __init__(self, ctx, direction: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.read_only = False
        self.model = AttachmentsModel(ctx.desk.codes, ctx.lang, self)
        self.model.edited.connect(lambda: self.edited.emit("attachments"))
        self.type_label = QLabel()
        self.type_picker = CodePicker(ctx.desk.codes.table("attachment_types"), lang=ctx.lang)
        self.type_picker.setObjectName("attachmentType")
        self.type_picker.set_code(self.type_picker.table.entries[0].code)
        self.type_picker.setFixedWidth(260)
        self.add_btn = QPushButton()
        self.add_btn.clicked.connect(self.choose_files)
        self.del_btn = QPushButton()
        self.del_btn.clicked.connect(self.remove_current)
        top = QHBoxLayout()
        top.addWidget(self.type_label)
        top.addWidget(self.type_picker)
        top.addSpacing(12)
        top.addWidget(self.add_btn)
        top.addWidget(self.del_btn)
        top.addStretch(1)
        self.view = _DropTable(self)
        self.view.setObjectName("attachments")
        self.view.setModel(self.model)
        self.view.files_dropped.connect(self.add_files)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 200)
        self.view.setColumnWidth(2, 90)
        self.view.setStyleSheet(
            "QTableView { background: white; border: 1px dashed #9db3cf; }"
            "QHeaderView::section { background: #eef2f7; border: none; padding: 4px 6px;"
            " font-weight: bold; border-bottom: 1px solid #cfd5dd; }")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #7a8391;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 14)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.hint)
        self.pending = 0
        self.retranslateUi()

    def load(self, decl) -> None:
        self.model.set_rows(decl.attachments)

    def set_read_only(self, ro: bool) -> None:
        self.read_only = ro
        self.view.read_only = ro
        for w in (self.add_btn, self.del_btn, self.type_picker):
            w.setEnabled(not ro)

    def input_widgets(self):
        return [self.type_picker, self.view]

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择随附单据"), "",
                                                self.tr("PDF 文件 (*.pdf)"))
        if files:
            self.add_files(files)

    def add_files(self, paths: list[str]) -> None:
        """Store each PDF off the GUI thread, then add it with the chosen type."""
        if self.read_only:
            return
        doc_type = self.type_picker.code() if self.type_picker.is_valid() else None
        for p in paths:
            path = Path(p)
            if path.suffix.lower() != ".pdf":
                self.message.emit(self.tr("“%s”不是 PDF 文件，随附单据只接受 PDF") % path.name)
                continue
            try:
                size = path.stat().st_size
            except OSError:
                size = None
            if size is not None and size > MAX_SIZE:
                self.message.emit(self.tr("“%s”超过 4 MB，请压缩后再添加") % path.name)
                continue
            self.pending += 1
            self.ctx.runner.run(self.ctx.desk.store_attachment, path,
                                on_done=alive(self, lambda res, n=path.name, t=doc_type:
                                              self._stored(n, t, res)),
                                on_error=alive(self, lambda exc, n=path.name: self._failed(n, exc)))

    def _stored(self, name: str, doc_type: str | None, res) -> None:
        self.pending -= 1
        sha, size = res
        if any(a.sha256 == sha for a in self.model.rows):
            self.message.emit(self.tr("“%s”已在随附单据中") % name)
            return
        self.model.add(Attachment(type=doc_type, file_name=name, sha256=sha, size=size))

    def _failed(self, name: str, exc: BaseException) -> None:
        self.pending -= 1
        why = exc.message(self.ctx.lang) if isinstance(exc, DeskError) else str(exc)
        self.message.emit(self.tr("无法添加“%s”：%s") % (name, why))

    def remove_current(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.model.remove(idx.row())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and not self.read_only:
            self.remove_current()
            return
        super().keyPressEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.type_label.setText(self.tr("新单据类型："))
        self.add_btn.setText(self.tr("添加文件…"))
        self.del_btn.setText(self.tr("移除所选"))
        self.hint.setText(self.tr("把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；"
                                  "添加前先选择单据类型。"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
