"""Editable table models over the declaration's lists (goods lines, containers).

:class:`RowsTableModel` is a ``QAbstractTableModel`` over a Python list of dataclass rows,
described by :class:`Column` specs. Edits are parsed by the column's kind (decimals refuse
words, integers refuse fractions); a refused value leaves the row unchanged and
``setData`` returns ``False``. Cells carry validation markers (background, icon, tooltip)
set with :meth:`RowsTableModel.set_issues`.

Every change goes through the model's undo history (``undo_stack``, :mod:`.table_undo`):
Ctrl+Z / Ctrl+Y in the table take it back and redo it.

Signals:
    RowsTableModel.edited(): a cell was changed or rows were added/removed/moved (an undo
    or redo too).
    RowsTableModel.rejected(int, int, str): row, column, why a typed value was refused.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack

from client.fields import label
from client.interchange.listcells import (format_codes, format_pairs, get_in, make_pairs,
                                          parse_codes, parse_pairs, set_in)

from .common import (ERROR_BG, WARNING_BG, format_value, parse_user_date, parse_user_decimal,
                     parse_user_int, severity_icon, worst)
from .table_undo import UNDO_LIMIT, CellEdit, InsertLines, RemoveLines

_LETTERS = {"M": ("进口商品检验", "import commodity inspection"),
            "N": ("出口商品检验", "export commodity inspection"),
            "P": ("进境动植物、动植物产品检疫", "inbound animal/plant quarantine"),
            "Q": ("出境动植物、动植物产品检疫", "outbound animal/plant quarantine"),
            "R": ("进口食品卫生监督检验", "imported food hygiene inspection"),
            "S": ("出口食品卫生监督检验", "exported food hygiene inspection"),
            "L": ("民用商品入境验证", "inbound verification of civil goods"),
            "A": ("须凭入境货物通关单", "inbound clearance document required"),
            "B": ("须凭出境货物通关单", "outbound clearance document required")}


def chips_tooltip(letters: tuple[str, ...], condition: str | None, lang: str = "zh") -> str:
    """What each catalogue letter means (a chip's tooltip)."""
    i = 1 if lang == "en" else 0
    return "\n".join(f"{x} {_LETTERS[x][i]}" for x in letters + ((condition,) if condition else ())
                     if x in _LETTERS)


#: kinds whose value is a list (an empty cell is ``[]``, not ``None``)
LIST_KINDS = frozenset({"codes", "pairs", "ints"})


@dataclass(frozen=True)
class Column:
    """One column: field name (``producer.reg_no`` for a field of an object of the row),
    kind, code table, and for codes how long a full code is when it extends the table's
    prefix.

    Kinds: ``str``/``dec``/``int``/``date``/``seq``; ``code`` (one code of ``table``, a
    picker); ``ciq`` (the CIQ code of the row's HS code, a picker of that HS code's CIQ
    codes); ``codes`` (a list of codes of ``table``, typed ``11,21``); ``pairs``
    (``type:number`` items, typed ``325:ABC,411``); ``ints`` (numbers, typed ``1,2``).
    The text forms are :mod:`client.interchange.listcells`' (the spreadsheet's too)."""

    field: str
    kind: str = "str"
    table: str | None = None
    prefix: int = 0
    full_length: int = 0
    width: int = 90


class RowsTableModel(QAbstractTableModel):
    """A list of rows as an editable table. Subclasses set ``LIST``, ``COLUMNS``, ``make_row``."""

    edited = Signal()
    rejected = Signal(int, int, str)

    LIST = ""
    COLUMNS: tuple[Column, ...] = ()
    #: the row dataclass (``pairs`` columns build its list items)
    ROW_CLASS: type | None = None

    def __init__(self, rows: list | None = None, codes=None, lang: str = "zh", parent=None,
                 direction: str = "inbound"):
        super().__init__(parent)
        self.direction = direction
        self.rows: list = rows if rows is not None else []
        self.codes = codes
        self.lang = lang
        self.read_only = False
        self._issues: dict[tuple[int, str], tuple[str, list[str]]] = {}
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        # the editor a write comes from (:meth:`begin_typing`); writes of one merge
        self._session = 0
        self._typing = False
        # ``(row, column)`` the last change applied touched (where an undo puts the cursor)
        self.touched: tuple[int, int] | None = None

    # -- the list ------------------------------------------------------------------
    def set_rows(self, rows: list) -> None:
        """Show ``rows`` (the declaration's own list object: edits go straight into it)."""
        self.beginResetModel()
        self.rows = rows
        self._issues.clear()
        self.undo_stack.clear()  # another declaration's lines: nothing of before to undo
        self.endResetModel()

    def make_row(self, before: Any | None = None):  # pragma: no cover - per table
        """A new row object for this table (each table model defines this)."""
        raise TypeError(f"{type(self).__name__} must define make_row()")

    def column_of(self, field: str) -> int:
        for i, c in enumerate(self.COLUMNS):
            if c.field == field:
                return i
        return -1

    # -- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            col = self.COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return label(f"{self.LIST}[].{col.field}", self.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{label(f'{self.LIST}[].{col.field}', 'zh')} / " \
                       f"{label(f'{self.LIST}[].{col.field}', 'en')}"
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and self.COLUMNS[index.column()].kind not in ("seq", "chips"):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def value(self, row: int, col: Column) -> Any:
        """The value of ``col`` in row ``row`` (``None`` where an object is missing)."""
        return get_in(self.rows[row], col.field)

    def text(self, value: Any, col: Column) -> str:
        """A value as typed in its cell (list kinds in their comma form)."""
        if col.kind == "codes":
            return format_codes(value)
        if col.kind == "pairs":
            return format_pairs(value)
        if col.kind == "ints":
            return ",".join(str(v) for v in value or [])
        return format_value(value)

    def _code_name(self, col: Column, code: str | None) -> str | None:
        if not code or not col.table or self.codes is None:
            return None
        e = self.codes.table(col.table).get(code[: col.prefix] if col.prefix else code)
        if e is None:
            return None
        return (e.name_en or e.name_cn) if self.lang == "en" else (e.name_cn or e.name_en)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        col = self.COLUMNS[index.column()]
        value = self.value(index.row(), col)
        issue = self._issues.get((index.row(), col.field))
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(value, col)
            if col.kind == "code" and col.table and value and col.table != "hs2022":
                name = self._code_name(col, value)
                if name:
                    text = f"{value} {name}"
            elif col.kind == "ciq" and value:
                name = self.ciq_name(index.row())
                if name:
                    text = f"{value} {name}"
            elif col.kind == "chips":
                letters, condition = self.catalogue(index.row())
                text = " ".join(letters + ((condition,) if condition else ()))
            return text
        if role == Qt.ItemDataRole.EditRole:
            return self.text(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("dec", "int", "seq"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and issue:
            return QBrush(QColor(ERROR_BG if issue[0] == "error" else WARNING_BG))
        if role == Qt.ItemDataRole.DecorationRole and issue:
            return severity_icon(issue[0])
        if role == Qt.ItemDataRole.ToolTipRole:
            if issue:
                return "\n".join(issue[1])
            if col.kind == "code":
                name = self._code_name(col, value)
                return f"{value} {name}" if name else None
            if col.kind == "ciq" and value:
                name = self.ciq_name(index.row())
                return f"{self.rows[index.row()].hs_code or ''}{value} {name or ''}".strip()
            if col.kind in ("codes", "pairs") and value:
                return "\n".join(self._item_names(col, value))
            if col.kind == "chips":
                letters, condition = self.catalogue(index.row())
                return chips_tooltip(letters, condition, self.lang) or None
        return None

    def ciq_name(self, row: int) -> str | None:
        """The official name of the row's HS+CIQ pair (goods tables define it)."""
        return None

    def catalogue(self, row: int) -> tuple[tuple[str, ...], str | None]:
        """The row's catalogue letters and 监管条件 (goods tables define it)."""
        return (), None

    def _item_names(self, col: Column, value: list) -> list[str]:
        out = []
        for item in value:
            code = item if isinstance(item, str) else getattr(item, "type", None)
            name = self._code_name(col, code) or "?"
            number = getattr(item, "number", None) if not isinstance(item, str) else None
            out.append(f"{code} {name}" + (f"：{number}" if number else ""))
        return out

    def parse(self, col: Column, value: Any) -> tuple[bool, Any, str]:
        """``(ok, parsed, why)`` for a value typed into ``col``."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return True, ([] if col.kind in LIST_KINDS else None), ""
        if col.kind == "date":
            day = parse_user_date(str(value))
            if day is None:
                return False, None, self.tr("请输入日期，如 2026-11-30")
            return True, day, ""
        if col.kind == "codes":
            return True, [c.upper() for c in parse_codes(value)], ""
        if col.kind == "pairs":
            pairs = parse_pairs(value)
            if any(not t for t, _n in pairs):
                return False, None, self.tr("请写成“类别:编号”，多项用逗号分隔，如 325:ABC123,411:2026001")
            return True, make_pairs(self.ROW_CLASS, col.field, pairs) if self.ROW_CLASS \
                else pairs, ""
        if col.kind == "ints":
            items = parse_codes(value)
            if not all(i.isdigit() and len(i) < 5 for i in items):
                return False, None, self.tr("请输入货物序号，多个用逗号分隔，如 1,2")
            return True, [int(i) for i in items], ""
        if col.kind == "dec":
            d = parse_user_decimal(value)
            if d is None:
                return False, None, self.tr("请输入数字，如 1200.5")
            return True, d, ""
        if col.kind == "int":
            i = parse_user_int(value)
            if i is None:
                return False, None, self.tr("请输入整数")
            return True, i, ""
        text = str(value).strip()
        if col.kind == "code":
            text = text.upper() if col.table in ("countries", "currencies") else text
        return True, text, ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        col = self.COLUMNS[index.column()]
        if col.kind in ("seq", "chips"):
            return False
        ok, parsed, why = self.parse(col, value)
        if not ok:
            self.rejected.emit(index.row(), index.column(), why)
            return False
        row = self.rows[index.row()]
        if get_in(row, col.field) == parsed:
            return True
        self._push_value(index.row(), col.field, parsed)
        return True

    def restore(self, index, value) -> None:
        """Put back a cell's value as it was (Esc after typing into the cell: merged with
        what was typed, so no undo step is left)."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return
        field = self.COLUMNS[index.column()].field
        if get_in(self.rows[index.row()], field) != value:
            self._push_value(index.row(), field, value)

    def insertRows(self, row: int, count: int = 1, parent=QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid() or count < 1 or not 0 <= row <= len(self.rows) or self.read_only:
            return False
        lines: list = []
        for _ in range(count):
            before = lines[-1] if lines else (self.rows[row - 1] if row > 0 else None)
            lines.append(self.make_row(before))
        self.undo_stack.push(InsertLines(self, row, lines))
        return True

    def removeRows(self, row: int, count: int = 1, parent=QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self.rows) \
                or self.read_only:
            return False
        self.undo_stack.push(RemoveLines(self, row, count))
        return True

    def duplicate_row(self, row: int) -> bool:
        """Insert a copy of ``row`` right after it (复制)."""
        if not 0 <= row < len(self.rows) or self.read_only:
            return False
        dup = copy.deepcopy(self.rows[row])  # lists and objects of the line are its own
        self.undo_stack.push(InsertLines(self, row + 1, [dup]))
        return True

    # -- the undo history (:mod:`.table_undo`) -------------------------------------
    def begin_typing(self) -> None:
        """A cell editor opened: what it writes until :meth:`end_typing` is one step."""
        self._session += 1
        self._typing = True

    def end_typing(self) -> None:
        self._session += 1
        self._typing = False

    def undo(self) -> bool:
        """Take back the last change (Ctrl+Z); False when there is none or it is read-only."""
        if self.read_only or not self.undo_stack.canUndo():
            return False
        self.undo_stack.undo()
        return True

    def redo(self) -> bool:
        """Do again the change last taken back (Ctrl+Y, Ctrl+Shift+Z)."""
        if self.read_only or not self.undo_stack.canRedo():
            return False
        self.undo_stack.redo()
        return True

    def _push_value(self, row: int, field: str, value: Any) -> None:
        if not self._typing:
            self._session += 1  # a change made outside an editor is a step of its own
        self.undo_stack.push(CellEdit(self, row, field, get_in(self.rows[row], field), value,
                                      self._session))

    def _put_value(self, row: int, field: str, value: Any) -> None:
        set_in(self.rows[row], field, value)
        c = self.column_of(field)
        c = c if c >= 0 else 0
        self.touched = (row, c)
        self.dataChanged.emit(self.index(row, c), self.index(row, c))
        self.edited.emit()

    def _insert_lines(self, row: int, lines: list) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(lines) - 1)
        self.rows[row:row] = lines
        self.endInsertRows()
        self._renumber()
        self.touched = (row, -1)
        self.edited.emit()

    def _remove_lines(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.rows[row:row + count]
        self.endRemoveRows()
        self._renumber()
        self.touched = (min(row, len(self.rows) - 1), -1) if self.rows else None
        self.edited.emit()

    def _renumber(self) -> None:
        c = self.column_of("seq")
        if c < 0:
            return
        for i, r in enumerate(self.rows):
            r.seq = i + 1
        if self.rows:
            self.dataChanged.emit(self.index(0, c), self.index(len(self.rows) - 1, c))

    # -- markers -------------------------------------------------------------------
    def set_issues(self, issues: dict[tuple[int, str], list]) -> None:
        """``{(row, field): [Issue, ...]}``; replaces every previous marker."""
        self._issues = {k: (worst(i.severity for i in v), [i.message(self.lang) for i in v])
                        for k, v in issues.items()}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def issue_at(self, row: int, field: str) -> str:
        i = self._issues.get((row, field))
        return i[0] if i else ""

