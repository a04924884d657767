"""The status timeline of one declaration: its inspection number and every status change.

``TimelineWidget(ctx, decl_id)`` shows the inspection number large (selectable, with a
复制 button that puts it on the clipboard), then every local status change and platform
receipt (回执), newest first, as a vertical line of coloured dots with the local time
("2026-11-26 14:03") and the note (查验 reasons, 退回 reasons). It loads off the GUI
thread and refreshes when ``ctx.events.declarations_changed`` names its id (or is empty).

Signals:
    TimelineWidget.loaded(int): number of entries shown, after each (re)load.
    TimelineWidget.number_copied(str): the inspection number put on the clipboard.
"""
from __future__ import annotations


from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from client.lifecycle import PALETTE, status_name
from client.notes import note_text

from .ecert_view import ecerts_html, load_ecerts
from .editor.common import alive
from .models.formatting import local_time

#: status → the strong colour of the one palette (client.lifecycle)
STATUS_COLOURS = {k: strong for k, (_fg, _bg, strong) in PALETTE.items()}
SOURCE_NAMES = {"local": "本机", "platform": "平台回执"}


def load_timeline(desk, decl_id: str):
    """Worker: ``(summary, history, clearance_doc_no)`` (the 通关单号 the platform issued
    on release, or ``None``)."""
    return desk.summary(decl_id), desk.history(decl_id), desk.get(decl_id).clearance_doc_no


class _Entry(QWidget):
    """One row: the dot and line on the left (painted), status, time, source and note."""

    def __init__(self, entry, lang: str, first: bool, last: bool, parent=None):
        super().__init__(parent)
        self.colour = QColor(STATUS_COLOURS.get(entry.status, "#8c96a3"))
        self.first, self.last = first, last
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 4, 8, 14)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.status_label = QLabel(status_name(entry.status, lang))
        self.status_label.setObjectName("entryStatus")
        self.status_label.setStyleSheet(f"font-size: 15px; font-weight: bold; "
                                        f"color: {self.colour.name()};")
        self.time_label = QLabel(local_time(entry.at))
        self.time_label.setObjectName("entryTime")
        self.time_label.setStyleSheet("color: #5b6470;")
        src = SOURCE_NAMES.get(entry.source, entry.source or "")
        if lang == "en":
            src = {"local": "this desk", "platform": "platform receipt"}.get(entry.source, src)
        if entry.version is not None:
            src += f" · v{entry.version}"
        self.source_label = QLabel(src)
        self.source_label.setStyleSheet("color: #8c96a3; font-size: 12px;")
        head.addWidget(self.status_label)
        head.addWidget(self.time_label)
        head.addWidget(self.source_label)
        head.addStretch(1)
        lay.addLayout(head)
        self.note_label = None
        if entry.note:
            self.note_label = QLabel(note_text(entry.note, lang))
            self.note_label.setObjectName("entryNote")
            self.note_label.setWordWrap(True)
            self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            warn = entry.status in ("rejected", "inspection")
            self.note_label.setStyleSheet(
                "padding: 6px 8px; border-radius: 3px; "
                + ("background: #fff4f0; color: #a8071a; border: 1px solid #ffd2c2;"
                   if entry.status == "rejected" else
                   "background: #fff8eb; color: #874d00; border: 1px solid #ffe1a8;"
                   if warn else "background: #f4f6f9; color: #333; border: 1px solid #e3e7ec;"))
            lay.addWidget(self.note_label)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = 18.0, 15.0
        p.setPen(QPen(QColor("#d5dbe3"), 2))
        if not self.first:
            p.drawLine(int(x), 0, int(x), int(y))
        if not self.last:
            p.drawLine(int(x), int(y), int(x), self.height())
        r = 8.0 if self.first else 6.0
        if self.first:
            halo = QColor(self.colour)
            halo.setAlpha(60)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(halo)
            p.drawEllipse(QRectF(x - r - 4, y - r - 4, 2 * r + 8, 2 * r + 8))
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(self.colour)
        p.drawEllipse(QRectF(x - r, y - r, 2 * r, 2 * r))
        p.end()


class TimelineWidget(QWidget):
    """Inspection number and status history of ``decl_id``; see the module docstring."""

    loaded = Signal(int)
    number_copied = Signal(str)

    def __init__(self, ctx, decl_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.decl_id = decl_id
        self.summary = None
        self.history: list = []
        self.entries: list[_Entry] = []
        self.setObjectName("timeline")
        self.setStyleSheet("#timeline { background: #f5f7fa; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        card = QFrame()
        card.setObjectName("numberCard")
        card.setStyleSheet("#numberCard { background: white; border: 1px solid #dfe3e8;"
                           " border-radius: 6px; }")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(16, 12, 16, 12)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #5b6470;")
        row = QHBoxLayout()
        self.number_label = QLabel()
        self.number_label.setObjectName("inspectionNo")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_label.setStyleSheet("font-size: 26px; font-weight: bold; color: #1f2933;"
                                        " letter-spacing: 1px;")
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyNumber")
        self.copy_button.clicked.connect(self.copy_number)
        self.copy_button.setStyleSheet(
            "QPushButton { border: 1px solid #9db3cf; border-radius: 3px; padding: 4px 12px;"
            " background: #f0f5fb; color: #1f5fa8; }"
            "QPushButton:hover { background: #e1ecf8; }")
        row.addWidget(self.number_label)
        row.addSpacing(12)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        self.current_label = QLabel()
        self.current_label.setObjectName("currentStatus")
        cl.addWidget(self.caption)
        cl.addLayout(row)
        cl.addWidget(self.current_label)
        self.clearance_doc_no: str | None = None
        self.clearance_label = QLabel()  # 通关单号, once the platform issued one
        self.clearance_label.setObjectName("clearanceDocNo")
        self.clearance_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clearance_label.setVisible(False)
        cl.addWidget(self.clearance_label)
        self.ecerts_label = QLabel()  # e-certificates: number, type, status, issued at
        self.ecerts_label.setObjectName("ecerts")
        cl.addWidget(self.ecerts_label)
        outer.addWidget(card)

        self.list_title = QLabel()
        self.list_title.setStyleSheet("font-weight: bold; color: #1f2933; margin-top: 4px;")
        outer.addWidget(self.list_title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName("timelineBody")
        self.body.setStyleSheet("#timelineBody { background: white; border: 1px solid #dfe3e8;"
                                " border-radius: 6px; }")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(12, 14, 12, 8)
        self.body_layout.setSpacing(0)
        self.body_layout.addStretch(1)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        ctx.events.declarations_changed.connect(self._changed)
        self.retranslateUi()
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def _changed(self, ids: list) -> None:
        if not ids or self.decl_id in ids:
            self.refresh()

    def refresh(self) -> None:
        self.ctx.runner.run(load_timeline, self.ctx.desk, self.decl_id,
                            on_done=alive(self, self._loaded), on_error=lambda exc: None)
        self.ctx.runner.run(load_ecerts, self.ctx.desk, self.decl_id, on_error=lambda exc: None,
                            on_done=alive(self, lambda rows: self.ecerts_label.setText(
                                ecerts_html(rows, self.ctx.lang))))

    def _loaded(self, result) -> None:
        self.summary, history, self.clearance_doc_no = result
        self.history = list(history)
        for e in self.entries:
            self.body_layout.removeWidget(e)
            e.deleteLater()
        self.entries = []
        ordered = list(reversed(self.history))  # newest first
        for i, h in enumerate(ordered):
            w = _Entry(h, self.ctx.lang, first=i == 0, last=i == len(ordered) - 1)
            self.body_layout.insertWidget(self.body_layout.count() - 1, w)
            self.entries.append(w)
        self._update_header()
        self.loaded.emit(len(self.entries))

    @property
    def inspection_no(self) -> str | None:
        return self.summary.inspection_no if self.summary else None

    def copy_number(self) -> None:
        no = self.inspection_no
        if not no:
            return
        QGuiApplication.clipboard().setText(no)
        self.copy_button.setText(self.tr("已复制 ✓"))
        self.number_copied.emit(no)

    # -- text ----------------------------------------------------------------------------
    def _update_header(self) -> None:
        no = self.inspection_no
        if no:
            self.number_label.setText(no)
            self.number_label.setStyleSheet("font-size: 26px; font-weight: bold; color: #1f2933;"
                                            " letter-spacing: 1px;")
        else:
            self.number_label.setText(self.tr("尚未分配（定稿时分配）"))
            self.number_label.setStyleSheet("font-size: 18px; color: #8c96a3;")
        self.copy_button.setVisible(bool(no))
        self.copy_button.setText(self.tr("复制报检号"))
        self.clearance_label.setVisible(bool(self.clearance_doc_no))
        if self.clearance_doc_no:
            self.clearance_label.setText(self.tr("通关单号：") + f"<b>{self.clearance_doc_no}</b>")
        if self.summary is not None:
            colour = STATUS_COLOURS.get(self.summary.status, "#5b6470")
            self.current_label.setText(
                self.tr("当前状态：") + f"<b style='color:{colour}'>"
                + status_name(self.summary.status, self.ctx.lang) + "</b>"
                + (f"　{note_text(self.summary.status_note, self.ctx.lang)}"
                   if self.summary.status_note else ""))

    def retranslateUi(self) -> None:  # noqa: N802
        self.caption.setText(self.tr("报检号（一次申报、一号到底）"))
        self.list_title.setText(self.tr("状态记录与回执"))
        self._update_header()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
