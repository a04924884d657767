"""The editable table view used for goods and containers, and its delegate.

Keyboard: typing starts editing the current cell; Enter commits and moves to the next
cell (the next line's first editable cell after the last column; after the last cell of
a filled-in last line a new line is started when ``grow_on_enter``, else ``past_end`` is
emitted so the window moves on to the next field); Insert adds a line
below, Ctrl+D copies the current line, Ctrl+Delete removes it; Ctrl+Z takes back the
table's last change (a cell, lines added, copied or deleted) and Ctrl+Y does it again
(:mod:`.table_undo`). Code columns edit with a
:class:`~ui.editor.code_picker.CodePicker` (the CIQ-code column with one listing the CIQ
codes of the line's HS code), numeric columns with a validating line edit, list columns
(货物属性 ``11,21``, 产品资质 ``325:ABC,411``) with a line edit in their comma form.

An open cell editor writes what is typed into the row at every keystroke (so the autosave
stores it and a crash loses nothing), without accepting a code suggestion and without
being rewritten by the model: only Enter/Tab/leaving the cell accept a suggestion.

Signals:
    EditTableView.message(str): a refused value or a hint to show in the status line.
    EditTableView.notice(str): a change the user may take back (a line deleted).
    EditTableView.past_end(): Enter after the last cell did not start a new line.
"""
from __future__ import annotations

from PySide6.QtCore import (QEvent, QModelIndex, QPersistentModelIndex, QRegularExpression,
                            Qt, Signal)
from PySide6.QtGui import QColor, QKeySequence, QPen, QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHeaderView,
                               QLineEdit, QStyledItemDelegate, QTableView)

from .code_picker import CodePicker
from .common import ERROR, WARNING
from .table_model import RowsTableModel

_DEC = QRegularExpression(r"^[0-9,，]*(\.[0-9]*)?$")
_INT = QRegularExpression(r"^[0-9]*$")


class TableDelegate(QStyledItemDelegate):
    """Creates the right editor per column kind; Enter moves on to the next cell."""

    def __init__(self, codes, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.codes = codes
        self.lang = lang

    def createEditor(self, parent, option, index):  # noqa: N802
        model = index.model()
        col = model.COLUMNS[index.column()]
        if col.kind == "code" and col.table:
            ed = CodePicker(self.codes.table(col.table), parent, prefix=col.prefix,
                            full_length=col.full_length, lang=self.lang)
        elif col.kind == "ciq":
            # the CIQ codes of this line's HS code, with their official names
            ed = CodePicker(model.ciq_table(index.row()), parent, full_length=3,
                            lang=self.lang)
        else:
            ed = QLineEdit(parent)
            if col.kind == "dec":
                ed.setValidator(QRegularExpressionValidator(_DEC, ed))
            elif col.kind == "int":
                ed.setValidator(QRegularExpressionValidator(_INT, ed))
        ed.setFrame(False)
        ed.setObjectName(f"cellEditor_{col.field}")
        cell = QPersistentModelIndex(index)
        ed._cell, ed._before = cell, model.value(index.row(), col)  # for Esc
        ed.textEdited.connect(lambda _t, ed=ed, cell=cell: self.write_typed(ed, cell))
        model.begin_typing()  # what this editor writes is one undo step
        return ed

    def destroyEditor(self, editor, index):  # noqa: N802
        model = index.model()
        if isinstance(model, RowsTableModel):
            model.end_typing()
        super().destroyEditor(editor, index)

    @staticmethod
    def write_typed(editor, cell) -> None:
        """Write the editor's text as typed into the row (no suggestion is accepted; a
        value that does not parse yet, such as a lone "-", is left for Enter to refuse)."""
        if not cell.isValid():
            return
        model = cell.model()
        col = model.COLUMNS[cell.column()]
        ok, _parsed, _why = model.parse(col, editor.text())
        if ok:
            model.setData(model.index(cell.row(), cell.column()), editor.text(),
                          Qt.ItemDataRole.EditRole)

    def paint(self, painter, option, index):
        model = index.model()
        if model.COLUMNS[index.column()].kind == "chips":
            self._paint_chips(painter, option, index)
        else:
            super().paint(painter, option, index)
        sev = model.issue_at(index.row(), model.COLUMNS[index.column()].field)
        if sev:
            painter.save()
            painter.setPen(QPen(QColor(ERROR if sev == "error" else WARNING), 1.5))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def _paint_chips(self, painter, option, index) -> None:
        """The catalogue letters of the line as small coloured chips."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QBrush

        from .needs_panel import CHIP_COLOURS
        letters, condition = index.model().catalogue(index.row())
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        f = painter.font()
        f.setBold(True)
        f.setPixelSize(11)
        painter.setFont(f)
        x = option.rect.left() + 4
        top = option.rect.top() + (option.rect.height() - 16) / 2
        for letter in letters + ((condition,) if condition else ()):
            w = painter.fontMetrics().horizontalAdvance(letter) + 10
            r = QRectF(x, top, w, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(CHIP_COLOURS.get(letter, "#5b6573"))))
            painter.drawRoundedRect(r, 7, 7)
            painter.setPen(QColor("white"))
            painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), letter)
            x += w + 3
        painter.restore()

    def setEditorData(self, editor, index):  # noqa: N802
        if editor.isModified():
            return  # the user is typing: the model only follows the editor (see write_typed)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, CodePicker):
            editor.commit()
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc cancels the cell edit; it must not close the editor window
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape \
                and getattr(editor, "_cell", None) is not None and editor._cell.isValid():
            # Esc cancels the edit: what the editor wrote while typing is taken back
            cell = editor._cell
            cell.model().restore(cell.model().index(cell.row(), cell.column()), editor._before)
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return,
                                                                     Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if isinstance(editor, CodePicker):
                editor.commit()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            view = self.parent()
            if isinstance(view, EditTableView):
                view.move_next()
            return True
        return super().eventFilter(editor, event)


class EditTableView(QTableView):
    """A spreadsheet-like view over a :class:`RowsTableModel`."""

    message = Signal(str)
    # what happened that the user may want to take back (a line deleted: Ctrl+Z)
    notice = Signal(str)
    past_end = Signal()

    def __init__(self, codes, lang: str = "zh", parent=None, *, grow_on_enter: bool = True):
        super().__init__(parent)
        self.grow_on_enter = grow_on_enter
        self.setItemDelegate(TableDelegate(codes, lang, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTabKeyNavigation(True)
        self.setStyleSheet(
            "QTableView { gridline-color: #e3e6ea; background: white;"
            " alternate-background-color: #f8fafc; selection-background-color: #d6e6f8;"
            " selection-color: #111; border: 1px solid #c9ced6; }"
            "QHeaderView::section { background: #eef2f7; border: none;"
            " border-right: 1px solid #dde2e8; border-bottom: 1px solid #cfd5dd;"
            " padding: 4px 6px; font-weight: bold; color: #333; }")

    def setModel(self, model: RowsTableModel) -> None:  # noqa: N802
        super().setModel(model)
        for i, col in enumerate(model.COLUMNS):
            self.setColumnWidth(i, col.width)
        self.fit_headers()
        model.headerDataChanged.connect(lambda *_: self.fit_headers())
        model.rejected.connect(lambda r, c, why: self.message.emit(
            self.tr("第%d行“%s”：%s") % (r + 1, model.headerData(
                c, Qt.Orientation.Horizontal), why)))

    def fit_headers(self) -> None:
        """Widen a column whose header text would be cut (English labels are longer than
        the Chinese ones the widths were set for: "oods name (Chines"); never narrows."""
        model = self.model()
        if model is None:
            return
        fm = self.horizontalHeader().fontMetrics()
        for i in range(model.columnCount()):
            text = model.headerData(i, Qt.Orientation.Horizontal) or ""
            need = int(fm.horizontalAdvance(str(text)) * 1.08) + 18  # bold text + padding
            if self.columnWidth(i) < need:
                self.setColumnWidth(i, need)

    def flush_editor(self) -> None:
        """Write the text of a cell still being edited into its row, as typed (autosave)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        cur = self.currentIndex()
        editor = self.indexWidget(cur)
        if isinstance(editor, QLineEdit):
            TableDelegate.write_typed(editor, QPersistentModelIndex(cur))

    # -- navigation -----------------------------------------------------------------
    def _editable(self, index: QModelIndex) -> bool:
        return bool(index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable)

    def move_next(self) -> None:
        """Current cell → the next editable cell, wrapping to the next line."""
        m = self.model()
        cur = self.currentIndex()
        r, c = (cur.row(), cur.column()) if cur.isValid() else (0, -1)
        while True:
            c += 1
            if c >= m.columnCount():
                c, r = 0, r + 1
            if r >= m.rowCount():
                # past the last cell of a filled-in last line: start the next line
                if self.grow_on_enter and r > 0 and self._filled(r - 1) \
                        and m.insertRows(r, 1):
                    continue
                self.past_end.emit()
                return
            idx = m.index(r, c)
            if self._editable(idx):
                self.setCurrentIndex(idx)
                return

    def _filled(self, row: int) -> bool:
        """Whether a line has what identifies it (HS code or name, or a container number)."""
        line = self.model().rows[row]
        return any(getattr(line, f, None) for f in ("hs_code", "name_cn", "number"))

    def select_cell(self, row: int, field: str) -> None:
        m = self.model()
        c = m.column_of(field)
        if c < 0:
            c = 1 if m.columnCount() > 1 else 0
        idx = m.index(row, c)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_line(self) -> None:
        m = self.model()
        row = self.currentIndex().row() + 1 if self.currentIndex().isValid() else m.rowCount()
        if m.insertRows(row, 1):
            self.select_cell(row, m.COLUMNS[1].field if len(m.COLUMNS) > 1 and
                             m.COLUMNS[0].kind == "seq" else m.COLUMNS[0].field)

    def copy_line(self) -> None:
        cur = self.currentIndex()
        if cur.isValid() and self.model().duplicate_row(cur.row()):
            self.setCurrentIndex(self.model().index(cur.row() + 1, cur.column()))

    def remove_line(self) -> None:
        cur = self.currentIndex()
        m = self.model()
        if cur.isValid() and m.removeRows(cur.row(), 1):
            r = min(cur.row(), m.rowCount() - 1)
            if r >= 0:
                self.setCurrentIndex(m.index(r, cur.column()))
            self.notice.emit(self.tr("已删除第%d行（Ctrl+Z 撤销）") % (cur.row() + 1))

    def undo(self) -> None:
        """Ctrl+Z: take back the table's last change and put the cursor where it was."""
        self._step(self.model().undo)

    def redo(self) -> None:
        """Ctrl+Y or Ctrl+Shift+Z: do again the change last taken back."""
        self._step(self.model().redo)

    def _step(self, fn) -> None:
        m = self.model()
        col = max(self.currentIndex().column(), 0)
        if not fn() or m.touched is None:
            return
        r, c = m.touched
        idx = m.index(r, c if c >= 0 else col)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Insert and not ctrl:
            self.add_line()
            return
        if key == Qt.Key.Key_Delete and ctrl:
            self.remove_line()
            return
        if key == Qt.Key.Key_D and ctrl:
            self.copy_line()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            # while a cell is being typed in, its own editor takes Ctrl+Z back letter by letter
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
                return
            if event.matches(QKeySequence.StandardKey.Redo) or (key == Qt.Key.Key_Y and ctrl):
                self.redo()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl \
                and self.state() != QAbstractItemView.State.EditingState:
            cur = self.currentIndex()
            if self._editable(cur):
                self.edit(cur)
            else:
                self.move_next()
            return
        if event.matches(QKeySequence.StandardKey.Delete) and self._editable(self.currentIndex()):
            self.model().setData(self.currentIndex(), "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)
