"""The undo history of an editable table (goods lines, containers): Ctrl+Z / Ctrl+Y.

Every change a :class:`~ui.editor.table_model.RowsTableModel` makes to its rows is a
command on the model's ``QUndoStack``: a cell's value (:class:`CellEdit`), lines added or
copied (:class:`InsertLines`), lines deleted (:class:`RemoveLines`). A deleted line keeps
its own object, so undoing the delete puts back every field of it exactly where it stood.

What the user types into one cell, from opening its editor to closing it, is one step:
the editor writes each keystroke into the row (autosave saves what is typed), and those
writes merge, as does Esc's restore (typing then Esc leaves no step at all).

Applying a command goes through the model's ``_put_value``, ``_insert_lines`` and
``_remove_lines``, which change the rows and emit the model's signals (``edited`` among
them, so an undo is autosaved like any edit); none of them pushes a command again.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .table_model import RowsTableModel

#: steps kept per table (each holds a few values or lines)
UNDO_LIMIT = 200

_CELL_EDIT = 1


class CellEdit(QUndoCommand):
    """One cell's value changed from ``old`` to ``new``; ``session`` names the editor it was
    typed in (writes of one session merge into one step)."""

    def __init__(self, model: RowsTableModel, row: int, field: str, old: Any, new: Any,
                 session: int):
        super().__init__()
        self.model, self.row, self.field = model, row, field
        self.old, self.new, self.session = old, new, session

    def id(self) -> int:
        return _CELL_EDIT

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, CellEdit) or other.session != self.session \
                or (other.row, other.field) != (self.row, self.field):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed, then put back: no step
        return True

    def redo(self) -> None:
        self.model._put_value(self.row, self.field, self.new)

    def undo(self) -> None:
        self.model._put_value(self.row, self.field, self.old)


class InsertLines(QUndoCommand):
    """``lines`` (row objects) inserted at ``row`` (新增一行, 复制此行)."""

    def __init__(self, model: RowsTableModel, row: int, lines: list):
        super().__init__()
        self.model, self.row, self.lines = model, row, lines

    def redo(self) -> None:
        self.model._insert_lines(self.row, self.lines)

    def undo(self) -> None:
        self.model._remove_lines(self.row, len(self.lines))


class RemoveLines(QUndoCommand):
    """``count`` lines removed at ``row`` (删除此行); the removed objects are kept for undo."""

    def __init__(self, model: RowsTableModel, row: int, count: int):
        super().__init__()
        self.model, self.row = model, row
        self.lines = list(model.rows[row:row + count])

    def redo(self) -> None:
        self.model._remove_lines(self.row, len(self.lines))

    def undo(self) -> None:
        self.model._insert_lines(self.row, self.lines)
