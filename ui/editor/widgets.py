"""Input widgets of the form sections and the binding of each one to a field path.

* :class:`DateEdit` — a line edit that accepts ``20261130``, ``2026-11-30``, ``2026/11/30``
  and shows ``2026-11-30`` once the user leaves it.
* :class:`PairsEdit` — a ``{type, number}`` list typed ``1:QY-01,3:QY-03`` (企业资质).
* :class:`ShownField` — a value the platform assigns (通关单号): shown, never typed.
* :class:`FieldBinding` — ties one widget to one declaration path: ``value()``,
  ``set_value(v)``, ``set_read_only(bool)``.

Signals:
    FieldBinding.changed(str): the user changed the field (the path is passed).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from client.interchange.listcells import format_pairs, make_pairs, parse_pairs

from .code_picker import CodePicker
from .common import format_value, parse_user_date


class PairsEdit(QLineEdit):
    """``type:number`` items, comma-separated; the value is a list of ``item_of`` objects
    (the list field ``name`` of dataclass ``owner``)."""

    def __init__(self, owner: type, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.owner, self.name = owner, name
        self.setPlaceholderText(self.tr("类别:编号，多项用逗号分隔"))

    def pairs(self) -> list:
        return make_pairs(self.owner, self.name,
                          [(t, n) for t, n in parse_pairs(self.text()) if t])

    def is_valid(self) -> bool:
        return all(t for t, _n in parse_pairs(self.text()))

    def set_pairs(self, items) -> None:
        self.setText(format_pairs(items))


class ShownField(QLineEdit):
    """A field the platform fills (read-only in every mode)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("QLineEdit { background: #eef2f7; color: #333; }")
        self.setPlaceholderText(self.tr("放行后由平台签发"))


class DateEdit(QLineEdit):
    """A date typed as digits; the value is a :class:`datetime.date` or ``None``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setMaxLength(12)
        self.editingFinished.connect(self.normalise)

    def date(self) -> date | None:
        return parse_user_date(self.text()) if self.text().strip() else None

    def is_valid(self) -> bool:
        return not self.text().strip() or self.date() is not None

    def set_date(self, d: date | None) -> None:
        self.setText(d.isoformat() if d else "")

    def normalise(self) -> None:
        d = self.date()
        if d is not None and self.text() != d.isoformat():
            self.setText(d.isoformat())


class FieldBinding(QObject):
    """One form field: a widget bound to one header path of the declaration."""

    changed = Signal(str)

    def __init__(self, path: str, widget: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.widget = widget
        self._loading = False
        w = widget
        if isinstance(w, CodePicker):
            w.textEdited.connect(self._emit)
            w.code_accepted.connect(self._emit)
        elif isinstance(w, DateEdit):
            w.textEdited.connect(self._emit)
            w.editingFinished.connect(self._emit_if_changed)
        elif isinstance(w, QLineEdit):
            w.textEdited.connect(self._emit)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._emit)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(self._emit)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._emit)
        self._last = None

    def _emit(self, *_args) -> None:
        if not self._loading:
            self._last = self.value()
            self.changed.emit(self.path)

    def _emit_if_changed(self) -> None:
        if not self._loading and self.value() != self._last:
            self._last = self.value()
            self.changed.emit(self.path)

    def value(self):
        w = self.widget
        if isinstance(w, CodePicker):
            return w.code()
        if isinstance(w, PairsEdit):
            return w.pairs()
        if isinstance(w, DateEdit):
            return w.date()
        if isinstance(w, QLineEdit):
            return w.text().strip() or None
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        raise TypeError(type(w))

    def set_value(self, value) -> None:
        self._loading = True
        try:
            w = self.widget
            if isinstance(w, CodePicker):
                w.set_code(value)
            elif isinstance(w, DateEdit):
                w.set_date(value)
            elif isinstance(w, PairsEdit):
                w.set_pairs(value)
            elif isinstance(w, QLineEdit):
                w.setText(format_value(value))
                w.setCursorPosition(0)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(format_value(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                i = w.findData(value)
                w.setCurrentIndex(i if i >= 0 else 0)
            self._last = self.value()
        finally:
            self._loading = False

    def local_problem(self) -> str | None:
        """A problem the widget itself sees (unreadable date, unknown code), or ``None``."""
        w = self.widget
        if isinstance(w, DateEdit) and not w.is_valid():
            return self.tr("日期格式不正确，请输入如 20261130 或 2026-11-30")
        if isinstance(w, CodePicker) and not w.is_valid():
            return self.tr("代码“%s”不在代码表中，请从下拉列表中选择") % w.code()
        if isinstance(w, PairsEdit) and not w.is_valid():
            return self.tr("请写成“类别:编号”，多项用逗号分隔")
        return None

    def set_read_only(self, ro: bool) -> None:
        w = self.widget
        if isinstance(w, ShownField):
            return  # the platform's value: never typed
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(ro)
            w.style().unpolish(w)
            w.style().polish(w)
        else:
            w.setEnabled(not ro)
