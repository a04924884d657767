"""The "本商品需要" panel under the goods table: what the current goods line needs.

It shows the line's inspection-catalogue letters (检验检疫类别) and 监管条件 as chips, then
one row per :class:`client.ciq.Requirement` (licences, attachments, certificates,
attributes and fields the catalogue and the rules ask for): a tick when present, else a
button that adds it in one action (see :class:`~ui.editor.section_goods.GoodsSection`).
The panel only shows; it never writes the declaration itself.

Signals:
    NeedsPanel.add_requested(object): the user asked to add a
        :class:`~client.ciq.Requirement` (its button was pressed).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

#: chip colours per catalogue letter group (animals/plants, food, goods, verification)
CHIP_COLOURS = {"P": "#2f7d32", "Q": "#2f7d32", "R": "#b25f00", "S": "#b25f00",
                "M": "#1f5fa8", "N": "#1f5fa8", "L": "#7b3fa0", "A": "#c0392b", "B": "#c0392b"}


def chip_style(letter: str) -> str:
    colour = CHIP_COLOURS.get(letter[:1], "#5b6573")
    return (f"QLabel {{ background: {colour}; color: white; border-radius: 8px;"
            f" padding: 1px 7px; font-weight: bold; }}")


class NeedsPanel(QFrame):
    """What one goods line needs, each missing item addable with one button."""

    add_requested = Signal(object)

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.requirements: list = []
        self.row = -1
        self.letters: tuple[str, ...] = ()
        self.condition: str | None = None
        self.buttons: list[QPushButton] = []
        self.setObjectName("needsPanel")
        self.setStyleSheet("#needsPanel { background: #fbfcfe; border: 1px solid #d5dbe3;"
                           " border-radius: 4px; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 8)
        lay.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #222;")
        head.addWidget(self.title)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        head.addLayout(self.chips)
        head.addStretch(1)
        lay.addLayout(head)
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        lay.addLayout(self.body)
        self.retranslateUi()

    def show_line(self, row: int, letters: tuple[str, ...], condition: str | None,
                  requirements: list) -> None:
        """Show goods line ``row`` (0-based; -1: none) with its letters and needs."""
        self.row, self.letters, self.condition = row, letters, condition
        self.requirements = list(requirements)
        self._rebuild()

    def _clear(self, layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            w = item.widget()
            if w is not None:
                w.deleteLater()
            elif item.layout() is not None:
                self._clear(item.layout())

    def _rebuild(self) -> None:
        self._clear(self.chips)
        self._clear(self.body)
        self.buttons = []
        self.retranslateUi()
        for letter in self.letters:
            chip = QLabel(letter)
            chip.setObjectName(f"chip_{letter}")
            chip.setStyleSheet(chip_style(letter))
            self.chips.addWidget(chip)
        if self.condition:
            chip = QLabel(self.tr("须凭通关单"))
            chip.setObjectName(f"chip_{self.condition}")
            chip.setStyleSheet(chip_style(self.condition))
            self.chips.addWidget(chip)
        if self.row < 0:
            return
        if not self.requirements:
            note = QLabel(self.tr("按检验检疫目录，本商品无须另附许可证、证书或单据。")
                          if self.letters else
                          self.tr("填写 HS 编码和检验检疫编码后，这里列出本商品需要的许可证、证书和单据。"))
            note.setStyleSheet("color: #7a8391;")
            note.setWordWrap(True)
            self.body.addWidget(note)
            return
        for req in self.requirements:
            self.body.addLayout(self._row_of(req))

    def _row_of(self, req) -> QHBoxLayout:
        line = QHBoxLayout()
        notice = req.kind == "clearance" and not req.present  # the platform issues it
        mark = QLabel("✔" if req.present else "ⓘ" if notice else "✘")
        colour = "#389e0d" if req.present else "#1f5fa8" if notice else "#cf1322"
        mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        mark.setFixedWidth(16)
        line.addWidget(mark)
        name = req.name_en if self.lang == "en" else req.name_cn
        kind = {"licence": self.tr("许可证"), "attachment": self.tr("随附单据"),
                "certificate": self.tr("证单"), "attribute": self.tr("货物属性"),
                "field": self.tr("填写"), "clearance": self.tr("通关单")}.get(req.kind, "")
        text = QLabel(f"<b>{kind}</b> {req.code} {name}"
                      f" <span style='color:#7a8391'>— {req.why_en if self.lang == 'en' else req.why_cn}</span>")
        text.setWordWrap(True)
        line.addWidget(text, 1)
        if not req.present and req.kind != "clearance":
            btn = QPushButton(self.tr("填写") if req.kind == "field" else self.tr("添加"))
            btn.setObjectName(f"add_{req.kind}_{req.code}")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.clicked.connect(lambda _c=False, r=req: self.add_requested.emit(r))
            self.buttons.append(btn)
            line.addWidget(btn)
        return line

    def button_for(self, code: str) -> QPushButton | None:
        """The add button of the requirement whose code is ``code`` (for tests)."""
        for b in self.buttons:
            if b.objectName().endswith(f"_{code}"):
                return b
        return None

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("本商品需要（第 %d 项）") % (self.row + 1) if self.row >= 0
                           else self.tr("本商品需要"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
