"""The base of every editor section: grouped rows of labelled fields in a scroll area.

A section builds its groups with :meth:`FormSection.group` and fields with
:meth:`FormSection.add` (two label/field pairs per row, a field may span the row). It
loads a declaration into its widgets and writes edits back into it by path.

Signals:
    FormSection.edited(str): a field path the user changed (already written into the
        declaration held by the section).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFrame, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget)

from client.fields import label

from .code_picker import CodePicker
from .common import get_path, set_marker, set_path
from .widgets import DateEdit, FieldBinding


class FormSection(QScrollArea):
    """A scrollable form for part of the header. Subclasses implement :meth:`build`.

    ``direction`` decides which direction-specific fields are shown.
    """

    edited = Signal(str)
    #: section title (Chinese source string, translated with ``self.tr``)
    TITLE = ""

    def __init__(self, ctx, direction: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.codes = ctx.desk.codes
        self.direction = direction
        self.decl = None
        self.bindings: dict[str, FieldBinding] = {}
        self.labels: dict[str, QLabel] = {}
        self._groups: list[tuple[QGroupBox, str]] = []
        self._grid_pos: dict[int, list[int]] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName("sectionBody")
        self.body.setStyleSheet("#sectionBody { background: #f5f7fa; }")
        self.vbox = QVBoxLayout(self.body)
        self.vbox.setContentsMargins(14, 6, 14, 14)
        self.vbox.setSpacing(10)
        self.setWidget(self.body)
        self.build()
        self.vbox.addStretch(1)
        self.retranslateUi()

    # -- building ------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - every section defines its own
        """Add the section's groups and fields (each section class defines this)."""
        raise TypeError(f"{type(self).__name__} must define build()")

    def group(self, title: str) -> QGridLayout:
        box = QGroupBox()
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(0, 132)
        grid.setColumnMinimumWidth(2, 132)
        self.vbox.addWidget(box)
        self._groups.append((box, title))
        self._grid_pos[id(grid)] = [0, 0]
        return grid

    def add(self, grid: QGridLayout, path: str, widget: QWidget | None = None, *,
            wide: bool = False, kind: str = "text") -> QWidget:
        """Add a labelled field for ``path`` to ``grid``; returns its input widget."""
        if widget is None:
            widget = self.make(path, kind)
        lab = QLabel()
        lab.setProperty("formLabel", True)
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lab.setBuddy(widget)
        pos = self._grid_pos[id(grid)]
        if wide and pos[1] != 0:
            pos[0] += 1
            pos[1] = 0
        row, col = pos
        grid.addWidget(lab, row, col)
        grid.addWidget(widget, row, col + 1, 1, 3 if wide else 1)
        if wide or col == 2:
            pos[0], pos[1] = row + 1, 0
        else:
            pos[1] = 2
        b = FieldBinding(path, widget, self)
        b.changed.connect(self._on_changed)
        self.bindings[path] = b
        self.labels[path] = lab
        widget.setObjectName(path)
        return widget

    def make(self, path: str, kind: str) -> QWidget:
        if kind == "date":
            return DateEdit()
        if kind == "multi":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(64)
            return w
        if kind == "check":
            return QCheckBox()
        return QLineEdit()

    def picker(self, table: str, **kw) -> CodePicker:
        return CodePicker(self.codes.table(table), lang=self.ctx.lang, **kw)

    # -- data ----------------------------------------------------------------------
    def load(self, decl) -> None:
        self.decl = decl
        for path, b in self.bindings.items():
            b.set_value(get_path(decl, path))

    def _on_changed(self, path: str) -> None:
        if self.decl is None:
            return
        b = self.bindings[path]
        set_path(self.decl, path, b.value())
        self.edited.emit(path)

    def input_widgets(self) -> list[QWidget]:
        """The visible inputs in tab order (the order the fields were added)."""
        return [b.widget for b in self.bindings.values() if not b.widget.isHidden()
                and b.widget.focusPolicy() != Qt.FocusPolicy.NoFocus]

    def set_read_only(self, ro: bool) -> None:
        for b in self.bindings.values():
            b.set_read_only(ro)

    def local_problems(self) -> dict[str, str]:
        out = {}
        for path, b in self.bindings.items():
            p = b.local_problem()
            if p:
                out[path] = p
        return out

    def mark(self, path: str, severity: str, messages: list[str]) -> None:
        b = self.bindings.get(path)
        if b is not None:
            set_marker(b.widget, severity, messages)

    # -- language ------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        lang = self.ctx.lang
        for box, title in self._groups:
            box.setTitle(QCoreApplication.translate("EditorSections", title))
        for path, lab in self.labels.items():
            text = self.field_label(path, lang)
            lab.setText(text + ("：" if lang != "en" else ":"))
            self.bindings[path].widget.setProperty("baseToolTip", text)

    def field_label(self, path: str, lang: str) -> str:
        return label(path, lang)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def fix_tab_order(widgets: list[QWidget]) -> None:
    for a, b in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(a, b)

