"""Code pickers: a line edit that searches a code table as you type.

* :class:`CodeListModel` — a ``QAbstractListModel`` over the matching
  :class:`~client.codes.CodeEntry` rows ("310000 上海出入境检验检疫局").
* :class:`CodePicker` — a ``QLineEdit`` holding the code. Typing searches code, Chinese
  and English name (``CodeTable.search``) and shows the matches in a popup list below the
  field; Up/Down choose, Enter/Tab or a click accept (the field then holds the code and
  shows the name greyed after it). A code that is not in the table is marked invalid.

Signals:
    CodePicker.code_accepted(str): a suggestion was accepted (or a valid code typed and
        committed).
    CodePicker.validity_changed(bool): the text became valid/invalid.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import (QAbstractListModel, QEvent, QModelIndex, QPoint, Qt, Signal)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from client.codes import CodeEntry, CodeTable

CodeRole = Qt.ItemDataRole.UserRole + 1


class CodeListModel(QAbstractListModel):
    """The suggestions of a picker: one row per code entry, shown as "code name"."""

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.entries: list[CodeEntry] = []
        self.lang = lang

    def set_entries(self, entries: list[CodeEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return e.label(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e.code} {e.name_cn} {e.name_en}".strip()
        if role == CodeRole:
            return e.code
        return None


class CodePicker(QLineEdit):
    """A line edit for one code of one table, with a search-as-you-type popup.

    ``accept`` filters which entries are offered (e.g. inspection types of one direction);
    ``prefix`` > 0 means the field holds a longer code whose first ``prefix`` characters
    are the table's code (HS: 10 digits, table of 6-digit subheadings).
    """

    code_accepted = Signal(str)
    validity_changed = Signal(bool)

    def __init__(self, table: CodeTable, parent: QWidget | None = None, *,
                 accept: Callable[[CodeEntry], bool] | None = None, prefix: int = 0,
                 full_length: int = 0, lang: str = "zh", limit: int = 50):
        super().__init__(parent)
        self.table = table
        self.accept_fn = accept
        self.prefix = prefix
        self.full_length = full_length
        self.limit = limit
        self._valid = True
        self.model = CodeListModel(lang, self)
        self.popup = QListView()
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setModel(self.model)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setUniformItemSizes(True)
        self.popup.setStyleSheet(
            "QListView { border: 1px solid #9db3cf; background: white; font-size: 13px; }"
            "QListView::item { padding: 3px 6px; }"
            "QListView::item:selected { background: #1f5fa8; color: white; }")
        self.popup.clicked.connect(self._accept_index)
        self.textEdited.connect(self._search)
        self.editingFinished.connect(self.commit)
        self.textChanged.connect(self._update_validity)
        self.destroyed.connect(self.popup.deleteLater)

    # -- value -------------------------------------------------------------------
    def code(self) -> str | None:
        t = self.text().strip()
        return t or None

    def set_code(self, code: str | None) -> None:
        self.setText(code or "")
        self._update_validity()

    def entry(self) -> CodeEntry | None:
        code = self.code()
        if not code:
            return None
        key = code[: self.prefix] if self.prefix else code
        e = self.table.get(key)
        if e is not None and self.accept_fn is not None and not self.accept_fn(e):
            return None
        return e

    def is_valid(self) -> bool:
        """Empty, or a code of the table (for prefixed codes: right length, known prefix)."""
        code = self.code()
        if not code:
            return True
        if self.full_length and (len(code) != self.full_length or not code.isdigit()):
            return False
        return self.entry() is not None

    def _update_validity(self) -> None:
        v = self.is_valid()
        if v != self._valid:
            self._valid = v
            self.setProperty("invalidCode", not v)
            self.validity_changed.emit(v)
        self.update()

    # -- popup -------------------------------------------------------------------
    def suggestions(self, text: str) -> list[CodeEntry]:
        q = text.strip()
        if self.prefix and len(q) > self.prefix and q[: self.prefix].isdigit():
            q = q[: self.prefix]
        found = self.table.search(q, self.limit * 3 if self.accept_fn else self.limit)
        if self.accept_fn is not None:
            found = [e for e in found if self.accept_fn(e)]
        return found[: self.limit]

    def _search(self, text: str) -> None:
        if not self.isEnabled() or self.isReadOnly():
            return
        self.model.set_entries(self.suggestions(text))
        if self.model.rowCount() == 0 or (self.prefix and len(text.strip()) > self.prefix):
            self._close_popup()
            return
        self.popup.setCurrentIndex(self.model.index(0, 0))
        self.show_popup()

    def show_popup(self) -> None:
        rows = min(self.model.rowCount(), 10)
        h = self.popup.sizeHintForRow(0) * rows + 4 if rows else 0
        w = max(self.width(), 320)
        self.popup.resize(w, max(h, 24))
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.update()  # a half-typed code with matches is not painted as wrong

    def _close_popup(self) -> None:
        self.popup.hide()
        self.update()  # the hint after the text depends on the popup (:meth:`hint`)

    def open_suggestions(self) -> None:
        """Show every (filtered) entry, as if the user had typed the current text."""
        self._search(self.text())

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def _accept_index(self, index: QModelIndex) -> None:
        code = index.data(CodeRole)
        self._close_popup()
        if code is None:
            return
        self.setText(code)
        self._update_validity()
        self.code_accepted.emit(code)

    def commit(self) -> None:
        """Accept the highlighted suggestion if the popup is open; close the popup."""
        if self.popup.isVisible():
            idx = self.popup.currentIndex()
            typed = self.code() or ""
            exact = self.table.get(typed)
            if exact is not None and (self.accept_fn is None or self.accept_fn(exact)):
                self._close_popup()
                self.code_accepted.emit(typed)
            elif idx.isValid():
                self._accept_index(idx)
            self._close_popup()
        self._update_validity()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if self.popup.isVisible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                row = self.popup.currentIndex().row()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                        Qt.Key.Key_PageUp: -10}[key]
                row = max(0, min(self.model.rowCount() - 1, row + step))
                self.popup.setCurrentIndex(self.model.index(row, 0))
                return
            if key == Qt.Key.Key_Escape:
                self._close_popup()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.commit()
                if key == Qt.Key.Key_Tab:
                    super().keyPressEvent(event)
                else:
                    event.ignore()
                return
        elif key == Qt.Key.Key_Down or (key == Qt.Key.Key_Space and
                                        event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.open_suggestions()
            return
        super().keyPressEvent(event)

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and self.popup.isVisible() \
                and ev.key() == Qt.Key.Key_Escape:
            ev.accept()  # Esc closes the popup, not the window
            return True
        return super().event(ev)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self.popup.isVisible():
            self.commit()
        super().focusOutEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self._close_popup()
        super().hideEvent(event)

    # -- the name after the code ---------------------------------------------------
    def hint(self) -> tuple[str, QColor] | None:
        """What is painted after the text: the code's name, 代码无效 in red when no code
        of the table is typed, or nothing (empty; or a code half typed with its matches
        open below: it is not wrong yet, and a red word at every keystroke is noise)."""
        if not self.code():
            return None
        if not self.is_valid():
            if self.popup.isVisible() and self.model.rowCount():
                return None
            return self.tr("代码无效"), QColor("#d4380d")
        e = self.entry()
        if e is None:
            return None
        name = (e.name_en or e.name_cn) if self.model.lang == "en" else (e.name_cn or e.name_en)
        return name, QColor("#7a8391")

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        hint = self.hint()
        if hint is None:
            return
        text, colour = hint
        p = QPainter(self)
        fm = self.fontMetrics()
        r = self.contentsRect()
        m = self.textMargins()
        x = r.left() + m.left() + 6 + fm.horizontalAdvance(self.text()) + 8
        right = r.right() - m.right() - (22 if self.actions() else 4)
        if x >= right:
            p.end()
            return
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
        p.setPen(colour)
        p.drawText(x, r.top(), right - x, r.height(),
                   int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        p.end()
